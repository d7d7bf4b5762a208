// cells-B's live cells, end to end in Chromium with the real wasm: symmetry and Xavier.
import { test } from '@playwright/test';
import { afterFrames, expect, openCell, settle, stepSymmetry, symmetryStep, symmetryWeights } from './cells-helpers-b.js';

const maxPairDifference = (rows) => {
  let d = 0;
  for (const a of rows) for (const b of rows) a.forEach((x, j) => { d = Math.max(d, Math.abs(x - b[j])); });
  return d;
};

test.describe('symmetry', () => {
  test('constant init without dropout: every unit keeps exactly the same weights', async ({ page }) => {
    const problems = await openCell(page, 'symmetry', 'sym.h=4&sym.speed=10');
    const start = await symmetryWeights(page);
    expect(start.length).toBe(4);
    // Step 0: every weight is c = 0.5.
    for (const row of start) expect(row).toEqual([0.5, 0.5]);
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await page.waitForFunction(() => Number(document.querySelector('#cell-symmetry [data-out="counter"]').dataset.step) >= 100);
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await settle(page);
    const rows = await symmetryWeights(page);
    // The weights moved away from c (training happened) …
    expect(Math.abs(rows[0][0] - 0.5)).toBeGreaterThan(1e-3);
    // … and every unit's weights are bitwise equal to unit 1's: the difference is 0, not small.
    for (const row of rows) expect(row).toEqual(rows[0]);
    expect(maxPairDifference(rows)).toBe(0);
    const verdict = page.locator('#cell-symmetry [data-out="verdict"]');
    await expect(verdict).toHaveAttribute('data-identical', 'true');
    await expect(verdict).toHaveAttribute('data-difference', '0');
    await expect(verdict).toContainText('differ by exactly 0');
    expect(problems).toEqual([]);
  });

  test('dropout breaks the tie after some steps', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.h=3');
    await page.locator('#sym-dropout').check();
    await settle(page);
    expect(await symmetryStep(page)).toBe(0); // switching dropout starts over
    expect(maxPairDifference(await symmetryWeights(page))).toBe(0);
    await stepSymmetry(page, 5);
    expect(await symmetryStep(page)).toBe(5);
    const rows = await symmetryWeights(page);
    const d = maxPairDifference(rows);
    expect(d).toBeGreaterThan(0);
    const verdict = page.locator('#cell-symmetry [data-out="verdict"]');
    await expect(verdict).toHaveAttribute('data-identical', 'false');
    // The sentence's number is the engine's max_unit_difference, which the table reproduces.
    expect(Number(await verdict.getAttribute('data-difference'))).toBe(d);
    await expect(verdict).toContainText('differ by up to');
  });

  test('random initialization: the units differ from step 0', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.init=normal&sym.s=0.5&sym.h=2');
    expect(await symmetryStep(page)).toBe(0);
    const rows = await symmetryWeights(page);
    expect(maxPairDifference(rows)).toBeGreaterThan(0);
    await expect(page.locator('#cell-symmetry [data-out="verdict"]')).toHaveAttribute('data-identical', 'false');
  });

  test('play advances steps in animation frames; pause stops them', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.speed=3');
    const read = () => page.evaluate(() => {
      const c = window.gradscope.cells.symmetry;
      return { frames: c.frames, step: Number(document.querySelector('#cell-symmetry [data-out="counter"]').dataset.step) };
    });
    const before = await read();
    await page.waitForTimeout(300);
    const idle = await read();
    expect(idle).toEqual(before); // nothing runs while paused
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await expect(page.locator('#cell-symmetry [data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForFunction((f) => window.gradscope.cells.symmetry.frames >= f + 10, idle.frames);
    const playing = await read();
    expect(playing.step).toBeGreaterThanOrEqual(3 * 8); // 3 steps per frame, over ≥ 8 frames
    expect(playing.step % 3).toBe(0);
    // Playing, the step moves from one frame to the next.
    await afterFrames(page, 5);
    expect((await read()).step).toBeGreaterThan(playing.step);
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await expect(page.locator('#cell-symmetry [data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
    await settle(page);
    // Paused, the step stays where it is over many frames, and so does the loop.
    const paused = await read();
    await afterFrames(page, 20);
    expect(await read()).toEqual(paused);
  });

  test('a bad learning rate is clamped with a note; the state lives in the URL', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.lr=99&sym.h=abc');
    await expect(page.locator('#sym-note-lr')).toBeVisible();
    await expect(page.locator('#sym-note-hidden')).toBeVisible();
    const state = await page.evaluate(() => ({ ...window.gradscope.cells.symmetry.state }));
    expect(state.lr).toBe(10);
    expect(state.hidden).toBe(2);
    await page.locator('#sym-hidden').fill('5');
    await page.locator('#sym-hidden').press('Tab');
    await settle(page);
    expect((await symmetryWeights(page)).length).toBe(5);
    await expect(page).toHaveURL(/sym\.h=5/);
  });
});

/** The Xavier cell's table, as numbers: one object per layer. */
async function xavierTable(page) {
  await settle(page);
  return page.$$eval('#cell-xavier table.numbers tbody tr', (rows) =>
    rows.map((r) => {
      const o = { layer: Number(r.cells[0].textContent), n_in: Number(r.cells[1].dataset.nIn), n_out: Number(r.cells[1].dataset.nOut) };
      for (const td of r.querySelectorAll('td[data-key]')) o[td.dataset.key] = Number(td.dataset.value);
      return o;
    }),
  );
}

/**
 * The relative standard error of the mean of z² over the n₁·B entries of z = W x, with W
 * (n₁ × n₀) ~ N(0, σ²) and x (n₀ × B) ~ N(0, 1): the entries share rows of W and columns of x,
 * so besides the n₁·B diagonal terms (Var z² = (2n₀² + 6n₀)σ⁴) there are n₁B(B − 1) pairs in the
 * same row and n₁B(n₁ − 1) in the same column, each with covariance 2n₀σ⁴. Divided by
 * (n₀σ²)²: [2 + (6 + 2(B − 1) + 2(n₁ − 1))/n₀] / (n₁B).
 */
const relativeSE = (n0, n1, B) => Math.sqrt((2 + (6 + 2 * (B - 1) + 2 * (n1 - 1)) / n0) / (n1 * B));

test.describe('xavier', () => {
  test('identity with N(0, σ²): layer 1 measures n₀σ², and the theory multiplies by n_in·σ² per layer', async ({ page }) => {
    const sigma = 0.1;
    const B = 64;
    const problems = await openCell(page, 'xavier', `xav.w=64,128,32,128,16,64&xav.s=${sigma}&xav.batch=${B}`);
    const rows = await xavierTable(page);
    expect(rows.map((r) => r.n_in)).toEqual([64, 128, 32, 128, 16]);
    expect(rows.map((r) => r.n_out)).toEqual([128, 32, 128, 16, 64]);
    const { n_in: n0, n_out: n1 } = rows[0];
    const expected = n0 * sigma * sigma;
    const tol = 4 * relativeSE(n0, n1, B);
    expect(Math.abs(rows[0].forward_var / expected - 1)).toBeLessThan(tol);
    // The factors the export reports, and the theory's variances, follow n_in·σ² and n_out·σ².
    for (const [i, r] of rows.entries()) {
      expect(r.forward_factor).toBeCloseTo(r.n_in * sigma * sigma, 12);
      expect(r.backward_factor).toBeCloseTo(r.n_out * sigma * sigma, 12);
      const before = i === 0 ? 1 : rows[i - 1].forward_var_pred;
      expect(Math.abs(r.forward_var_pred / before / (r.n_in * sigma * sigma) - 1)).toBeLessThan(1e-12);
      const after = i === rows.length - 1 ? 1 : rows[i + 1].backward_var_pred;
      expect(Math.abs(r.backward_var_pred / after / (r.n_out * sigma * sigma) - 1)).toBeLessThan(1e-12);
    }
    // The sentence states the spread of factors and that no σ serves both directions.
    const summary = page.locator('#cell-xavier [data-out="summary"]');
    await expect(summary).toContainText('no single σ');
    await expect(summary).toContainText('8.00'); // max n_out/n_in = 128/16
    expect(problems).toEqual([]);
  });

  test('Xavier normal: each layer multiplies forward by 2·n_in/(n_in+n_out) and backward by 2·n_out/(n_in+n_out)', async ({ page }) => {
    await openCell(page, 'xavier', 'xav.w=64,128,32,128,16,64&xav.init=xavier-normal');
    const rows = await xavierTable(page);
    expect(rows.length).toBe(5);
    for (const [i, r] of rows.entries()) {
      const f = (2 * r.n_in) / (r.n_in + r.n_out);
      const b = (2 * r.n_out) / (r.n_in + r.n_out);
      expect(Math.abs(r.forward_factor / f - 1)).toBeLessThan(1e-12);
      expect(Math.abs(r.backward_factor / b - 1)).toBeLessThan(1e-12);
      const before = i === 0 ? 1 : rows[i - 1].forward_var_pred;
      expect(Math.abs(r.forward_var_pred / before / f - 1)).toBeLessThan(1e-12);
      const after = i === rows.length - 1 ? 1 : rows[i + 1].backward_var_pred;
      expect(Math.abs(r.backward_var_pred / after / b - 1)).toBeLessThan(1e-12);
    }
    const summary = page.locator('#cell-xavier [data-out="summary"]');
    await expect(summary).toContainText('2/(n_in + n_out)');
    // Switching the initializer shown only redraws: nothing is recomputed.
    const computes = await page.evaluate(() => window.gradscope.cells.xavier.computes);
    await page.locator('#xav-init').selectOption('normal');
    await settle(page);
    expect(await page.evaluate(() => window.gradscope.cells.xavier.computes)).toBe(computes);
    await expect(summary).toContainText('no single σ');
  });

  test('bad widths are fixed with a note and the page keeps working', async ({ page }) => {
    const problems = await openCell(page, 'xavier');
    const input = page.locator('#xav-widths');
    await input.fill('64, abc, 0, 9999');
    await input.press('Tab');
    await settle(page);
    const note = page.locator('#xav-note-widths');
    await expect(note).toBeVisible();
    await expect(note).toContainText('abc');
    await expect(note).toContainText('9999');
    // Not a number: the default list's entry at that place (128); out of range: the bound.
    await expect(input).toHaveValue('64, 128, 1, 128');
    const rows = await xavierTable(page);
    expect(rows.map((r) => [r.n_in, r.n_out])).toEqual([[64, 128], [128, 1], [1, 128]]);
    for (const r of rows) expect(Number.isFinite(r.forward_var)).toBe(true);
    await expect(page.locator('#cell-xavier [data-out="error"]')).toBeHidden();
    await expect(page.locator('#xav-preset')).toHaveValue('custom');
    // A preset restores a valid list and clears the note.
    await page.locator('#xav-preset').selectOption('funnel');
    await settle(page);
    await expect(note).toBeHidden();
    expect((await xavierTable(page)).length).toBe(5);
    expect(problems).toEqual([]);
  });
});
