// Shared steps for the live cells' browser tests.
import { expect } from '@playwright/test';
import { openPage, settle } from './helpers.js';

/**
 * Opens the page at `hash` and waits until the cell `name` has computed and drawn; returns the
 * console problems and failed requests (see helpers.js `openPage`).
 */
export async function openCell(page, name, hash = '') {
  const problems = await openPage(page, { hash });
  await page.waitForFunction((n) => window.gradscope.cells[n] && window.gradscope.cells[n].computes > 0 && window.gradscope.cells[n].frames > 0, name);
  await settle(page);
  return problems;
}

/** Types `value` into the control `selector` and commits it (change event). */
export async function setField(page, selector, value) {
  await page.locator(selector).fill(String(value));
  await page.locator(selector).dispatchEvent('change');
  await settle(page);
}

/** The symmetry cell's table: one array of full-precision weights per hidden unit. */
export async function symmetryWeights(page) {
  await settle(page);
  return page.$$eval('#cell-symmetry table.numbers tbody tr', (rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number(td.dataset.value))),
  );
}

/** The symmetry cell's step counter. */
export const symmetryStep = (page) =>
  page.$eval('#cell-symmetry [data-out="counter"]', (el) => Number(el.dataset.step));

/** Lets `n` animation frames of the page pass. */
export async function afterFrames(page, n) {
  await page.evaluate(
    (k) => new Promise((ok) => {
      const next = (i) => (i === 0 ? ok() : requestAnimationFrame(() => next(i - 1)));
      next(k);
    }),
    n,
  );
}

/** Clicks "One step" `n` times, then lets the frames run. */
export async function stepSymmetry(page, n) {
  const button = page.locator('#cell-symmetry [data-action="step"]');
  for (let i = 0; i < n; i += 1) await button.click();
  await settle(page);
}

export { expect, settle };
