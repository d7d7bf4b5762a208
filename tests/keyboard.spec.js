// Keyboard and screen reader (issue 11 §4): the skip link comes first and lands in the main
// widget; every control can be reached with Tab and shows a visible focus ring (3:1 against what
// is behind it); every slider, select and checkbox works from the keyboard; sliders say their
// value in words (aria-valuetext); each cell's verdict reaches a polite live region only once it
// has settled, not on every input event.
import { test } from '@playwright/test';
import { expect, installContrast, openPage, settle } from './helpers.js';

test.describe.configure({ timeout: 150_000 });

for (const [lang, text] of [['en', 'Skip to the main widget'], ['vi', 'Đi tới công cụ chính']]) {
  test(`the skip link is the first stop and jumps into the main widget (${lang})`, async ({ page }) => {
    await openPage(page, { query: `lang=${lang}`, hash: 'depth=12' });
    await page.keyboard.press('Tab');
    const link = page.locator('a.skip-link');
    await expect(link).toBeFocused();
    await expect(link).toHaveText(text);
    // Seen when focused: inside the viewport.
    const box = await link.boundingBox();
    expect(box.y).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    await expect(page.locator('#cell-gradients')).toBeFocused();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement.closest('#cell-gradients [data-field]')))).toBe(true);
    // The hash still holds the state, not the link's target.
    expect(await page.evaluate(() => window.location.hash)).not.toContain('cell-gradients');
    expect(await page.evaluate(() => window.gradscope.cells.grad.state.depth)).toBe(12);
  });
}

test('Tab reaches every control on the page, each with a visible focus ring at 3:1', async ({ page }) => {
  await openPage(page);
  await installContrast(page);
  // Everything a keyboard should reach: visible, enabled, focusable controls.
  const expected = await page.evaluate(() => {
    const all = document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex="0"]');
    return [...all]
      .filter((el) => !el.disabled && el.checkVisibility() && !el.closest('[hidden], .visually-hidden') && !el.closest('details:not([open]) > :not(summary)'))
      // A radio group is one stop: its checked button, or its first when none is checked.
      .filter((el) => {
        if (el.type !== 'radio') return true;
        const group = [...document.querySelectorAll(`input[type=radio][name="${el.name}"]`)];
        return el === (group.find((r) => r.checked) ?? group[0]);
      })
      .map((el, i) => {
        el.dataset.kbd = String(i);
        return String(i);
      });
  });
  expect(expected.length).toBeGreaterThan(50);
  const reached = new Set();
  const badRings = [];
  await page.evaluate(() => document.activeElement?.blur());
  for (let i = 0; i < expected.length + 40; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const { rgba, over, ratio, background } = window.__contrast;
      const behind = background(el.parentElement);
      const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
        ? ratio(over(rgba(s.outlineColor), behind), behind)
        : 0;
      return { id: el.dataset.kbd ?? null, what: `${el.tagName} ${el.id || el.className || el.textContent.slice(0, 20)}`, ring };
    });
    if (!info) continue;
    if (info.id !== null) reached.add(info.id);
    if (info.ring < 3) badRings.push(`${info.what}: ${info.ring.toFixed(2)}`);
    if (reached.size === expected.length) break;
  }
  const missed = await page.evaluate((ids) => ids.map((i) => {
    const el = document.querySelector(`[data-kbd="${i}"]`);
    return `${el.tagName} ${el.id || el.className || el.textContent.slice(0, 30)}`;
  }), expected.filter((i) => !reached.has(i)));
  expect(missed).toEqual([]);
  expect(badRings).toEqual([]);
});

/** The cell object and its state key for a control: {cell, field}. */
const cellOf = (el) => {
  const section = el.closest('section.cell.live');
  const name = section.id.replace(/^cell-/, '');
  return { cell: name === 'gradients' ? 'grad' : name, field: el.dataset.field };
};

test('every slider, select and checkbox of every cell works from the keyboard', async ({ page }) => {
  await openPage(page);
  const controls = await page.evaluate((cellOfText) => {
    const cellOfFn = new Function(`return (${cellOfText})`)();
    return [...document.querySelectorAll('section.cell.live [data-field]')]
      .filter((el) => el.matches('input[type=range], select, input[type=checkbox]') && el.checkVisibility() && !el.disabled)
      .map((el) => ({ id: el.id, type: el.type, ...cellOfFn(el) }));
  }, cellOf.toString());
  expect(controls.length).toBeGreaterThan(15);
  const failures = [];
  for (const c of controls) {
    const read = () => page.evaluate(({ cell, field }) => JSON.stringify(window.gradscope.cells[cell].state[field]), c);
    const before = await read();
    const control = page.locator(`#${c.id}`);
    await control.focus();
    if (c.type === 'checkbox') await page.keyboard.press('Space');
    else {
      // Away from the end it is at: a slider at its maximum or the last choice goes back.
      const atEnd = await control.evaluate((el) => (el.type === 'range' ? Number(el.value) >= Number(el.max) : el.selectedIndex === el.options.length - 1));
      await page.keyboard.press(atEnd ? (c.type === 'range' ? 'ArrowLeft' : 'ArrowUp') : (c.type === 'range' ? 'ArrowRight' : 'ArrowDown'));
    }
    await settle(page);
    if ((await read()) === before) failures.push(`${c.id} (${c.type}) stayed ${before}`);
  }
  expect(failures).toEqual([]);
});

test('sliders say their value with its symbol and unit, in the page language', async ({ page }) => {
  await openPage(page, { hash: 'sigma=0.25' });
  const sigma = page.locator('#g-sigma-range');
  const depth = page.locator('#g-depth-range');
  await expect(sigma).toHaveAttribute('aria-valuetext', 'σ = 0.25');
  await expect(depth).toHaveAttribute('aria-valuetext', 'L = 30 layers');
  await depth.focus();
  await page.keyboard.press('ArrowRight');
  await expect(depth).toHaveAttribute('aria-valuetext', 'L = 31 layers');
  await page.click('button[data-lang="vi"]');
  await expect(sigma).toHaveAttribute('aria-valuetext', 'σ = 0,25');
  await expect(depth).toHaveAttribute('aria-valuetext', 'L = 31 tầng');
  // Every slider on the page says the value its number box shows, without a missing text.
  const texts = await page.$$eval('input[type=range][data-field]', (els) => els.map((el) => {
    const box = el.parentElement.querySelector('input[type=number]');
    return { id: el.id, text: el.getAttribute('aria-valuetext'), shown: box.value.replace('.', ',') };
  }));
  expect(texts.length).toBeGreaterThan(5);
  for (const { id, text, shown } of texts) {
    expect(text, id).toContain(`= ${shown}`);
    expect(text, id).not.toMatch(/\[|\{/);
  }
});

test('the verdict is spoken once it settles: its live region does not change while σ is dragged', async ({ page }) => {
  await openPage(page);
  // Every cell with a verdict has one polite live region; the verdicts themselves are not live.
  const regions = await page.$$eval('section.cell.live', (cells) => cells
    .filter((c) => c.querySelector('[data-verdict]'))
    .map((c) => ({ id: c.id, live: [...c.querySelectorAll('[data-live="verdict"]')].map((l) => l.getAttribute('aria-live')), liveVerdicts: c.querySelectorAll('[data-verdict][aria-live]:not([aria-live="off"])').length })));
  expect(regions.length).toBeGreaterThanOrEqual(8);
  for (const r of regions) expect(r, r.id).toEqual({ id: r.id, live: ['polite'], liveVerdicts: 0 });

  await page.evaluate(() => {
    window.__mutations = { live: 0, verdict: 0 };
    const root = document.getElementById('cell-gradients');
    new MutationObserver((records) => { window.__mutations.live += records.length; })
      .observe(root.querySelector('[data-live="verdict"]'), { childList: true, characterData: true, subtree: true });
    new MutationObserver((records) => { window.__mutations.verdict += records.length; })
      .observe(root.querySelector('[data-verdict]'), { childList: true, characterData: true, subtree: true });
  });
  // Drag: 25 input events 40 ms apart, each a different σ. The count is read as the drag ends.
  const during = await page.$eval('#g-sigma-range', async (el) => {
    for (let i = 0; i < 25; i += 1) {
      el.value = String(300 + i * 20);
      el.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((ok) => setTimeout(ok, 40));
    }
    return { ...window.__mutations };
  });
  expect(during.live).toBe(0); // the live region did not speak during the drag
  await settle(page);
  const settled = await page.evaluate(() => ({ ...window.__mutations }));
  expect(settled.verdict).toBeGreaterThan(10); // the visible verdict followed the drag
  await page.waitForTimeout(900);
  const after = await page.evaluate(() => ({ ...window.__mutations }));
  expect(after.live).toBe(1);
  const [live, verdict] = await page.evaluate(() => [
    document.querySelector('#cell-gradients [data-live="verdict"]').textContent,
    document.querySelector('#cell-gradients [data-verdict]').textContent,
  ]);
  expect(live).toBe(verdict.trim());
  expect(live.length).toBeGreaterThan(10);
});
