// "Predict, then see": a prompt the student answers (a number or a choice) before the live cell
// below it shows the answer. The answer is computed when the student asks for it, by the engine
// or the theory's formula (www/lesson/answers.js), never stored; the page then says how far off
// the guess was. The guess only ever reaches the page as text (textContent), never as HTML.
//
// Markup (inside a container `[data-predict="id"]` placed by www/notebook.js):
//   <div class="lesson-predict" data-predict role="group">: a heading, the prompt, a form (a text
//   box or a fieldset of radio buttons, and a Reveal button), a polite live region with the
//   result (`[data-out="answer"]` carries the full-precision answer in data-answer), and the
//   explanation, shown after the reveal.

import { formatNumber, translate } from '../i18n.js';
import { ANSWERS } from './answers.js';
import '../strings/lesson.js';

/** Parses a guess typed with a decimal point or a decimal comma; NaN if it is not a number. */
export function parseGuess(text) {
  const t = String(text).trim().replace(/\s/g, '').replace('−', '-').replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return NaN;
  return Number(t);
}

function el(tag, attrs = {}, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The engine's exports once the page has loaded them, or null (the text-only preview page). */
async function engine() {
  const gs = window.gradscope;
  if (!gs?.ready) return null;
  await gs.ready;
  return gs.wasm;
}

/**
 * Builds the prediction `p` (a PREDICTIONS entry) inside `box`. Returns {relabel(lang, render)},
 * `render(html)` being the notebook's math renderer.
 */
export function mountPrediction(box, p) {
  const id = `predict-${p.id}`;
  box.classList.add('lesson', 'lesson-predict');
  box.setAttribute('role', 'group');
  box.setAttribute('aria-labelledby', `${id}-title`);
  const title = el('h3', { id: `${id}-title`, class: 'lesson-title' });
  const prompt = el('div', { class: 'lesson-prompt', id: `${id}-prompt` });
  const form = el('form', { class: 'lesson-form', novalidate: '' });
  let input = null;
  let label = null;
  let legend = null;
  const radios = [];
  if (p.kind === 'choice') {
    const fs = el('fieldset', { class: 'lesson-choices' });
    legend = el('legend', { class: 'lesson-legend' });
    fs.append(legend);
    for (const c of p.choices) {
      const rid = `${id}-${c.id}`;
      const row = el('div', { class: 'lesson-option' });
      const radio = el('input', { type: 'radio', name: id, id: rid, value: c.id });
      const l = el('label', { for: rid });
      radios.push({ radio, label: l, choice: c });
      row.append(radio, l);
      fs.append(row);
    }
    form.append(fs);
  } else {
    const row = el('div', { class: 'lesson-guess' });
    label = el('label', { for: `${id}-input` });
    input = el('input', {
      id: `${id}-input`, type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      'aria-describedby': `${id}-prompt`,
    });
    row.append(label, input);
    form.append(row);
  }
  const button = el('button', { type: 'submit', class: 'lesson-reveal' });
  form.append(button);
  const result = el('div', { class: 'lesson-result', role: 'status', 'aria-live': 'polite' });
  const explain = el('div', { class: 'lesson-explain' });
  explain.hidden = true;
  box.replaceChildren(title, prompt, form, result, explain);

  let lang = 'en';
  let render = (h) => h;
  /** The latest outcome: {guess, answer} or {error: i18n key}; redrawn on a language switch. */
  let outcome = null;

  const fmt = (x) => formatNumber(x, lang, Math.max(3, p.digits ?? 3));
  function showOutcome() {
    result.replaceChildren();
    if (!outcome) return;
    const t = (key, vars) => translate(lang, key, vars);
    if (outcome.error) {
      result.append(el('p', { class: 'lesson-warn' }, t(outcome.error)));
      return;
    }
    const { guess, answer } = outcome;
    const source = ANSWERS[p.answer].length === 0 ? 'lesson.answer.theory' : 'lesson.answer.engine';
    if (p.kind === 'choice') {
      const name = (cid) => p.choices.find((c) => c.id === cid)?.text[lang] ?? cid;
      const right = guess === answer.choice;
      result.append(el('p', { 'data-out': 'verdict', 'data-correct': String(right) },
        right ? t('lesson.choiceRight', { choice: name(answer.choice) })
          : t('lesson.choiceWrong', { guess: name(guess), choice: name(answer.choice) })));
      result.append(el('p', { 'data-out': 'answer', 'data-answer': String(answer.value) },
        t(source, { answer: fmt(answer.value) })));
    } else {
      result.append(el('p', { 'data-out': 'guess' }, t('lesson.yourGuess', { guess: fmt(guess) })));
      result.append(el('p', { 'data-out': 'answer', 'data-answer': String(answer.value) },
        t(source, { answer: fmt(answer.value) })));
      if (answer.theory !== undefined && source === 'lesson.answer.engine') {
        result.append(el('p', { 'data-out': 'theory', 'data-theory': String(answer.theory) },
          t('lesson.theory', { theory: fmt(answer.theory) })));
      }
      const diff = Math.abs(guess - answer.value);
      const rel = Math.abs(answer.value) > 1e-12 ? diff / Math.abs(answer.value) : null;
      const off = el('p', { 'data-out': 'off', 'data-diff': String(diff) });
      if (rel === null) off.textContent = t('lesson.offAbs', { diff: fmt(diff) });
      else off.textContent = t('lesson.off', { diff: fmt(diff), rel: `${formatNumber(rel * 100, lang, 2)} %` });
      if (rel !== null ? rel <= 0.1 : diff <= 0.1) off.textContent += ` ${t('lesson.close')}`;
      result.append(off);
    }
    explain.hidden = false;
  }

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    let guess;
    if (p.kind === 'choice') {
      guess = radios.find((r) => r.radio.checked)?.choice.id;
      if (!guess) { outcome = { error: 'lesson.needChoice' }; showOutcome(); return; }
    } else {
      guess = parseGuess(input.value);
      if (!Number.isFinite(guess)) { outcome = { error: 'lesson.needGuess' }; showOutcome(); input.focus(); return; }
    }
    result.replaceChildren(el('p', {}, translate(lang, 'lesson.computing')));
    try {
      const wasm = ANSWERS[p.answer].length === 0 ? null : await engine();
      if (ANSWERS[p.answer].length > 0 && !wasm) { outcome = { error: 'lesson.engineMissing' }; showOutcome(); return; }
      const answer = ANSWERS[p.answer](wasm);
      outcome = { guess, answer };
      box.dataset.revealed = 'true';
    } catch (e) {
      console.warn('gradscope lesson: the answer could not be computed', e);
      outcome = { error: 'lesson.engineMissing' };
    }
    showOutcome();
  });

  return {
    relabel(nextLang, renderMath) {
      lang = nextLang;
      render = renderMath;
      const t = (key) => translate(lang, key);
      title.textContent = t('lesson.predictHeading');
      // Author-written text from www/content/lesson.js (with math), never the student's input.
      prompt.innerHTML = render(p.prompt[lang] ?? p.prompt.en);
      explain.innerHTML = render(p.explain[lang] ?? p.explain.en);
      if (label) label.textContent = (p.label?.[lang] ?? p.label?.en ?? t('lesson.yourAnswer'));
      if (legend) legend.textContent = t('lesson.yourAnswer');
      for (const r of radios) r.label.textContent = r.choice.text[lang] ?? r.choice.text.en;
      button.textContent = t('lesson.reveal');
      showOutcome();
    },
  };
}
