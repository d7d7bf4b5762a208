// The lesson layer (www/lesson/, www/content/lesson.js): a prediction and a quiz in every
// section, revealed answers that are the engine's own numbers, "show me" links that set their
// cell, quiz answers that survive a reload, and the texts in both languages.
import { test } from '@playwright/test';
import { expect, openPage, settle } from './helpers.js';

const SECTIONS = [
  'vanishing-exploding', 'vanishing', 'exploding', 'symmetry',
  'default-init', 'xavier', 'beyond', 'summary-exercises',
];

test('every section has a prediction and a quiz of 2 to 4 questions, each option explained', async ({ page }) => {
  await openPage(page);
  const found = await page.evaluate((ids) => ids.map((id) => {
    const s = document.getElementById(id);
    const quiz = s.querySelector('[data-quiz]');
    return {
      id,
      predictions: s.querySelectorAll('[data-predict]').length,
      prompts: [...s.querySelectorAll('[data-predict] .lesson-prompt')].every((p) => p.textContent.trim().length > 20),
      quizzes: s.querySelectorAll('[data-quiz]').length,
      questions: quiz ? quiz.querySelectorAll('fieldset.quiz-question').length : 0,
      radiosLabelled: quiz ? [...quiz.querySelectorAll('input[type="radio"]')].every((r) => r.labels.length === 1 && r.labels[0].textContent.trim()) : false,
    };
  }), SECTIONS);
  for (const f of found) {
    expect(f.predictions, f.id).toBeGreaterThanOrEqual(1);
    expect(f.prompts, f.id).toBe(true);
    expect(f.quizzes, f.id).toBe(1);
    expect(f.questions, f.id).toBeGreaterThanOrEqual(2);
    expect(f.questions, f.id).toBeLessThanOrEqual(4);
    expect(f.radiosLabelled, f.id).toBe(true);
  }
  // Every option of every question carries an explanation, in both languages.
  const missing = await page.evaluate(async () => {
    const { QUIZZES } = await import('/www/content/lesson.js');
    const out = [];
    for (const q of QUIZZES) {
      for (const question of q.questions) {
        if (!question.options.some((o) => o.correct)) out.push(`${question.id}: no correct option`);
        for (const o of question.options) {
          for (const l of ['en', 'vi']) if (!o.why?.[l]?.trim() || !o.text?.[l]?.trim()) out.push(`${question.id}/${o.id} ${l}`);
        }
      }
    }
    return out;
  });
  expect(missing).toEqual([]);
});

/** The same experiments as the prompts describe, computed here straight from the engine. */
const EXPECTED = {
  'relu-decades': (wasm) => {
    const d = wasm.defaultSettings();
    const r = new wasm.Engine().gradients({ ...d, depth: 30, width: 64, activation: 'relu', init: 'normal', sigma: 1, precision: 'f64' });
    return r.verdict.backward_decades / 29;
  },
  'sigmoid-lost': (wasm) => {
    const d = wasm.defaultSettings();
    const r = new wasm.Engine().gradients({ ...d, depth: 30, width: 64, activation: 'sigmoid', init: 'normal', sigma: 0.1768, precision: 'f64' });
    return -r.verdict.backward_decades;
  },
  'product-largest': (wasm) => {
    const r = wasm.randomProduct({ steps: 100, size: 4, sigma: 1, seed: 1, precision: 'f64' });
    return Math.log10(r.steps[100].max_abs);
  },
  'symmetry-gap': (wasm) => new wasm.SymmetryTrainer({ hidden: 2, init: 'constant', sigma: 0.5, dropout: 0, learning_rate: 0.1, seed: 1 }).step(200).max_unit_difference,
  'mxnet-factor': (wasm) => {
    const d = wasm.defaultSettings();
    const r = new wasm.Engine().gradients({ ...d, depth: 20, width: 64, activation: 'identity', init: 'mxnet-default', sigma: 1, precision: 'f64' });
    return 10 ** (Math.log10(r.layers[19].preact_std / r.layers[0].preact_std) / 19);
  },
  'xavier-sigma': () => Math.sqrt(2 / 320),
  'he-forward': (wasm) => {
    const d = wasm.defaultSettings();
    const r = new wasm.Engine().gradients({ ...d, depth: 50, width: 64, activation: 'relu', init: 'he-normal', sigma: 1, precision: 'f64' });
    return Math.log10(r.layers[49].preact_std / r.layers[0].preact_std);
  },
  'spectrum-fraction': (wasm) => {
    const r = wasm.spectrumCompute({ size: 4, sigma: 1, seed: 1 });
    return r.sv_ab[0] / (r.sv_a[0] * r.sv_b[0]);
  },
};

test('each prediction reveals the engine’s number and says how far off the guess was', async ({ page }) => {
  await openPage(page);
  const ids = await page.$$eval('[data-predict]', (els) => els.map((e) => e.dataset.predict));
  expect(ids.sort()).toEqual(Object.keys(EXPECTED).sort());
  for (const id of ids) {
    const box = page.locator(`[data-predict="${id}"]`);
    await box.scrollIntoViewIfNeeded();
    // Revealing without a guess asks for one first.
    await box.locator('button.lesson-reveal').click();
    await expect(box.locator('.lesson-result')).toContainText(/first/);
    await expect(box.locator('[data-out="answer"]')).toHaveCount(0);
    const text = box.locator('input[type="text"]');
    if (await text.count()) await text.fill('0,5'); // a decimal comma is accepted
    else await box.locator('input[type="radio"]').first().check();
    await box.locator('button.lesson-reveal').click();
    const answer = box.locator('[data-out="answer"]');
    await expect(answer).toHaveAttribute('data-answer', /./);
    const shown = Number(await answer.getAttribute('data-answer'));
    const expected = await page.evaluate(`(${EXPECTED[id].toString()})(window.gradscope.wasm)`);
    expect(Math.abs(shown - expected), id).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
    await expect(box.locator('.lesson-explain')).toBeVisible();
    if (await text.count()) {
      const diff = Number(await box.locator('[data-out="off"]').getAttribute('data-diff'));
      expect(Math.abs(diff - Math.abs(0.5 - expected)), id).toBeLessThan(1e-9 * Math.max(1, Math.abs(expected)));
    } else {
      await expect(box.locator('[data-out="verdict"]')).toHaveAttribute('data-correct', /true|false/);
    }
  }
});

/** What the store makes of a link's raw value (bools as 0/1, numbers as numbers). */
function expectedValue(current, raw) {
  if (typeof current === 'boolean') return raw === '1' || raw === 'true';
  if (typeof current === 'number') return Number(raw);
  return raw;
}

test('every “show me” link sets its cell’s state and brings the cell into view', async ({ page }) => {
  await openPage(page);
  const links = await page.$$eval('a.show-me', (as) => as.map((a, i) => ({ i, cell: a.dataset.show, set: a.dataset.set, href: a.getAttribute('href') })));
  expect(links.length).toBeGreaterThanOrEqual(15);
  for (const link of links) {
    expect(link.href).toBe(`#slot-${link.cell}`);
    // Links inside a not-yet-revealed explanation are clicked the same way a reader would after
    // revealing: by a click event on the link.
    const how = await page.evaluate((i) => {
      const a = document.querySelectorAll('a.show-me')[i];
      a.click();
      return a.dataset.applied;
    }, link.i);
    expect(['hook', 'controls']).toContain(how);
    await settle(page);
    const state = await page.evaluate((cell) => ({ ...window.gradscope.cells[cell === 'gradients' ? 'grad' : cell].state }), link.cell);
    for (const pair of link.set.split(';')) {
      const [field, raw] = pair.split('=');
      expect(field in state, `${link.cell}.${field}`).toBe(true);
      expect(state[field], `${link.cell}: ${link.set}`).toEqual(expectedValue(state[field], raw));
    }
  }
  // The cell of the last link is on screen, and the URL carries its state.
  const last = links[links.length - 1];
  await expect(page.locator(`#slot-${last.cell}`)).toBeInViewport({ timeout: 5000 });
  const hash = await page.evaluate(() => window.location.hash);
  expect(hash).toContain('sym.s=0'); // the last link: constant initializer with value 0
});

test('a show-me link to the main widget recomputes it with the new settings', async ({ page }) => {
  await openPage(page);
  const before = await page.evaluate(() => window.gradscope.cells.grad.computes);
  await page.evaluate(() => document.querySelector('a.show-me[data-set="activation=relu;init=he-normal;sigma=1"]').click());
  // The engine ran again, with the link's settings.
  await page.waitForFunction((n) => {
    const cell = window.gradscope.cells.grad;
    const s = cell.settings;
    return cell.computes > n && s.activation === 'relu' && s.init === 'he-normal' && s.sigma === 1;
  }, before);
  expect(await page.evaluate(() => window.gradscope.cells.grad.result.layers.length)).toBe(await page.evaluate(() => window.gradscope.cells.grad.state.depth));
});

test('quiz answers are kept across a reload, with feedback and every option explained', async ({ page }) => {
  await openPage(page);
  await page.evaluate(() => window.localStorage.removeItem('gradscope.lesson.quiz'));
  const quiz = page.locator('[data-quiz="symmetry"]');
  await quiz.scrollIntoViewIfNeeded();
  const question = quiz.locator('fieldset[data-question="sy-breaks"]');
  await question.getByLabel('Dropout').check();
  await expect(question.locator('.quiz-feedback')).toContainText('Right.');
  await expect(question.locator('.quiz-feedback')).toHaveAttribute('aria-live', 'polite');
  await expect(question.locator('.quiz-why li')).toHaveCount(3);
  // Keyboard: arrow keys move between the options of the next question and answer it.
  const second = quiz.locator('fieldset[data-question="sy-width"]');
  await second.locator('input[type="radio"]').first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(second).toHaveAttribute('data-answered', 'wrong');
  await expect(quiz.locator('[data-out="progress"]')).toHaveText('2 of 2 answered, 1 correct.');

  await page.reload();
  await page.evaluate(() => window.gradscope.mountAll());
  await expect(quiz.locator('[data-out="progress"]')).toHaveText('2 of 2 answered, 1 correct.');
  await expect(question.getByLabel('Dropout')).toBeChecked();
  await expect(question.locator('.quiz-why')).toBeVisible();

  // In Vietnamese the same answers, relabelled.
  await page.click('[data-lang="vi"]');
  await expect(quiz.locator('[data-out="progress"]')).toHaveText('Đã trả lời 2/2 câu, đúng 1 câu.');
  await expect(quiz.locator('h3')).toHaveText('Câu hỏi tự kiểm tra');
  await expect(page.locator('[data-predict="relu-decades"] button.lesson-reveal')).toHaveText('Xem đáp án');

  await quiz.locator('[data-action="reset"]').click();
  await expect(quiz.locator('input[type="radio"]:checked')).toHaveCount(0);
  expect(await page.evaluate(() => window.localStorage.getItem('gradscope.lesson.quiz'))).toBe('{}');
});

test('the quiz works, without remembering, when storage is blocked', async ({ page }) => {
  await page.addInitScript(() => {
    const blocked = () => { throw new DOMException('blocked', 'SecurityError'); };
    Storage.prototype.getItem = blocked;
    Storage.prototype.setItem = blocked;
  });
  await openPage(page);
  const question = page.locator('fieldset[data-question="ve-f64"]');
  await question.scrollIntoViewIfNeeded();
  await question.locator('input[value="no"]').check();
  await expect(question.locator('.quiz-feedback')).toContainText('Right.');
});

test('a guess typed by the student is shown as text, never as markup', async ({ page }) => {
  await openPage(page);
  const box = page.locator('[data-predict="xavier-sigma"]');
  await box.scrollIntoViewIfNeeded();
  await box.locator('input[type="text"]').fill('<img src=x onerror=alert(1)>');
  await box.locator('button.lesson-reveal').click();
  await expect(box.locator('.lesson-result')).toContainText(/Type a number first/);
  await expect(box.locator('.lesson-result img')).toHaveCount(0);
});

test('every lesson text exists in both languages, with the same links and formulas', async ({ page }) => {
  await page.goto('./www/dev/notebook-preview.html');
  const problems = await page.evaluate(async () => {
    const { HINTS, PREDICTIONS, QUIZZES } = await import('/www/content/lesson.js');
    const { SECTIONS } = await import('/www/content/sections.js');
    const { ANSWERS } = await import('/www/lesson/answers.js');
    const out = [];
    const count = (s, re) => (s.match(re) || []).length;
    const shape = (t) => [count(t, /<a /g), count(t, /\\\(/g), count(t, /\\\)/g)].join('/');
    const both = (where, texts) => {
      if (!texts) { out.push(`${where}: missing`); return; }
      for (const l of ['en', 'vi']) if (typeof texts[l] !== 'string' || !texts[l].trim()) out.push(`${where}: no ${l}`);
      if (texts.en && texts.vi && shape(texts.en) !== shape(texts.vi)) out.push(`${where}: links or formulas differ`);
    };
    for (const p of PREDICTIONS) {
      if (!ANSWERS[p.answer]) out.push(`${p.id}: no answer function ${p.answer}`);
      both(`${p.id}.prompt`, p.prompt);
      both(`${p.id}.explain`, p.explain);
      if (p.kind === 'number') both(`${p.id}.label`, p.label);
      for (const c of p.choices ?? []) both(`${p.id}.${c.id}`, c.text);
    }
    for (const q of QUIZZES) for (const question of q.questions) {
      both(`${question.id}.prompt`, question.prompt);
      for (const o of question.options) { both(`${question.id}.${o.id}`, o.text); both(`${question.id}.${o.id}.why`, o.why); }
    }
    // Staged hints: at least two stages (a nudge, then the explanation), after a cell of their
    // section.
    for (const h of HINTS) {
      if ((h.stages ?? []).length < 2) out.push(`${h.id}: fewer than two stages`);
      h.stages.forEach((stage, k) => both(`${h.id}.stage${k + 1}`, stage));
      const section = SECTIONS.find((s) => s.id === h.section);
      if (!section?.blocks.some((b) => b.cell === h.after)) out.push(`${h.id}: no cell ${h.after} in ${h.section}`);
    }
    return out;
  });
  expect(problems).toEqual([]);
});
