// Exercise 3: the singular values of a product of two random matrices against their bounds.
// Real wasm, real Chromium.
import { test } from '@playwright/test';
import { expect, openCell, settle } from './cell-helpers.js';

const COLS = ['sv_a', 'sv_b', 'sv_ab', 'eig_abs_ab', 'horn_upper', 'horn_lower'];

/** The spectrum cell's table as full-precision numbers: columns by key, plus the bounds. */
async function spectrumTable(page) {
  await settle(page);
  return page.$eval('#cell-spectrum table.numbers', (table, cols) => {
    const out = { index: [], bounds: {}, logDet: {} };
    for (const c of cols) out[c] = [];
    for (const r of table.tBodies[0].rows) {
      out.index.push(Number(r.cells[0].dataset.value));
      for (const td of r.querySelectorAll('td[data-key]')) out[td.dataset.key].push(Number(td.dataset.value));
    }
    const b = table.querySelector('[data-out="bounds"]');
    out.bounds = { upper: Number(b.dataset.upper), lower: Number(b.dataset.lower) };
    for (const td of table.querySelectorAll('tfoot td[data-key]')) out.logDet[td.dataset.key] = Number(td.dataset.value);
    return out;
  }, COLS);
}

/** A fresh engine result for the same settings, computed in the page. */
const exported = (page, settings) => page.evaluate((s) => window.gradscope.wasm.spectrumCompute(s), settings);

/** Σ log of a list (the log of its product, safe from overflow). */
const sumLog = (xs) => xs.reduce((s, x) => s + Math.log(x), 0);

test.describe('spectrum', () => {
  test('the table equals the export and satisfies the bounds', async ({ page }) => {
    const problems = await openCell(page, 'spectrum', 'svd.n=6&svd.s=0.7&svd.seed=11');
    const tab = await spectrumTable(page);
    const r = await exported(page, { size: 6, sigma: 0.7, seed: 11 });
    expect(tab.index).toEqual([1, 2, 3, 4, 5, 6]);
    // The table shows exactly the engine's numbers for these settings (full precision).
    for (const c of COLS) expect(tab[c]).toEqual(r[c]);
    expect(tab.bounds).toEqual({ upper: r.upper, lower: r.lower });
    expect(tab.logDet.log10_det_ab).toBe(r.log10_det_ab);
    // The bounds, checked here from the table's own numbers, not the engine's verdict: the upper
    // and lower bounds are products of the A and B columns' ends; a rounding allowance of
    // 1e-12 of the scale σ_max(A)σ_max(B) (the export's `rounding`).
    const n = tab.sv_a.length;
    const upper = tab.sv_a[0] * tab.sv_b[0];
    const lower = tab.sv_a[n - 1] * tab.sv_b[n - 1];
    expect(upper).toBe(tab.bounds.upper);
    expect(lower).toBe(tab.bounds.lower);
    const tol = r.rounding * upper;
    expect(r.rounding).toBe(1e-12);
    for (let i = 0; i < n; i += 1) {
      expect(tab.sv_ab[i]).toBeLessThanOrEqual(upper + tol);
      expect(tab.sv_ab[i]).toBeGreaterThanOrEqual(lower - tol);
      expect(tab.eig_abs_ab[i]).toBeLessThanOrEqual(tab.sv_ab[0] + tol);
      expect(tab.eig_abs_ab[i]).toBeGreaterThanOrEqual(tab.sv_ab[n - 1] - tol);
      // Horn: σ_{i+j−1}(AB) ≤ σ_i(A)σ_j(B), recomputed here over all i + j − 1 = k.
      let horn = Infinity;
      for (let a = 0; a <= i; a += 1) horn = Math.min(horn, tab.sv_a[a] * tab.sv_b[i - a]);
      expect(tab.horn_upper[i]).toBe(horn);
      expect(tab.sv_ab[i]).toBeLessThanOrEqual(horn + tol);
      expect(tab.sv_ab[i]).toBeGreaterThanOrEqual(tab.horn_lower[i] - tol);
    }
    // Largest first.
    for (const c of ['sv_a', 'sv_b', 'sv_ab', 'eig_abs_ab']) {
      for (let i = 1; i < n; i += 1) expect(tab[c][i]).toBeLessThanOrEqual(tab[c][i - 1]);
    }
    const summary = page.locator('#cell-spectrum [data-out="summary"]');
    await expect(summary).toHaveAttribute('data-hold', 'true');
    await expect(summary).toContainText('The bounds hold');
    await expect(page.locator('#cell-spectrum [data-out="product"]')).toContainText('powers of ten');
    expect(problems).toEqual([]);
  });

  test('|det AB| = |det A|·|det B|: Π σᵢ(AB) = Π σᵢ(A)·Π σᵢ(B) = Π |λᵢ(AB)|', async ({ page }) => {
    for (const [n, sigma, seed] of [[4, 1, 1], [4, 1, 2], [8, 0.3, 5], [16, 2, 9]]) {
      await page.goto('about:blank'); // a new load, not a hash change within the page
      await openCell(page, 'spectrum', `svd.n=${n}&svd.s=${sigma}&svd.seed=${seed}`);
      const tab = await spectrumTable(page);
      expect(tab.sv_ab.length).toBe(n);
      // Relative difference of the products, from their logarithms: |ln Πσ(AB) − ln Πσ(A) − ln Πσ(B)|.
      const rel = Math.abs(sumLog(tab.sv_ab) - sumLog(tab.sv_a) - sumLog(tab.sv_b));
      expect(rel).toBeLessThan(1e-9);
      expect(Math.abs(sumLog(tab.eig_abs_ab) - sumLog(tab.sv_ab))).toBeLessThan(1e-9);
      if (n === 4) {
        // Small enough to multiply directly.
        const prod = (xs) => xs.reduce((p, x) => p * x, 1);
        const lhs = prod(tab.sv_ab);
        const rhs = prod(tab.sv_a) * prod(tab.sv_b);
        expect(Math.abs(lhs / rhs - 1)).toBeLessThan(1e-9);
      }
      // The log₁₀ row is the same identity in decades.
      expect(Math.abs(tab.logDet.log10_det_ab - tab.logDet.log10_det_a - tab.logDet.log10_det_b)).toBeLessThan(1e-9);
    }
  });

  test('the seed changes the matrices; "new random matrices" picks another seed', async ({ page }) => {
    await openCell(page, 'spectrum', 'svd.seed=3');
    const first = await spectrumTable(page);
    await page.locator('#svd-seed').fill('4');
    await page.locator('#svd-seed').press('Tab');
    const second = await spectrumTable(page);
    expect(second.sv_a).not.toEqual(first.sv_a);
    expect(second.sv_ab).not.toEqual(first.sv_ab);
    await expect(page).toHaveURL(/svd\.seed=4/);
    expect(second.sv_ab).toEqual((await exported(page, { size: 4, sigma: 1, seed: 4 })).sv_ab);
    const computes = await page.evaluate(() => window.gradscope.cells.spectrum.computes);
    await page.locator('#cell-spectrum [data-action="new-seed"]').click();
    await settle(page);
    const state = await page.evaluate(() => ({ ...window.gradscope.cells.spectrum.state }));
    expect(state.seed).not.toBe(4);
    expect(await page.evaluate(() => window.gradscope.cells.spectrum.computes)).toBe(computes + 1);
    const third = await spectrumTable(page);
    expect(third.sv_a).not.toEqual(second.sv_a);
    expect(third.sv_ab).toEqual((await exported(page, { size: 4, sigma: 1, seed: state.seed })).sv_ab);
  });

  test('a bad n in the URL is clamped with a note; bad σ too; the export refuses bad settings', async ({ page }) => {
    const problems = await openCell(page, 'spectrum', 'svd.n=500&svd.s=-3');
    const note = page.locator('#svd-note-size');
    await expect(note).toBeVisible();
    await expect(note).toContainText('500');
    await expect(note).toContainText('64');
    await expect(page.locator('#svd-note-sigma')).toBeVisible();
    const state = await page.evaluate(() => ({ ...window.gradscope.cells.spectrum.state }));
    expect(state.size).toBe(64);
    expect(state.sigma).toBeGreaterThan(0);
    const tab = await spectrumTable(page);
    expect(tab.sv_ab.length).toBe(64);
    await expect(page.locator('#cell-spectrum [data-out="summary"]')).toHaveAttribute('data-hold', 'true');
    // The export itself refuses what the page would never send, naming the field.
    const errors = await page.evaluate(() => {
      const w = window.gradscope.wasm;
      return [
        { size: 0, sigma: 1, seed: 1 },
        { size: 65, sigma: 1, seed: 1 },
        { size: 2.5, sigma: 1, seed: 1 },
        { size: 4, sigma: 0, seed: 1 },
        { size: 4, sigma: NaN, seed: 1 },
        { size: 4, sigma: 11, seed: 1 },
        { size: 4, sigma: 1, seed: -1 },
        { size: 'x' },
        null,
      ].map((s) => {
        try {
          w.spectrumCompute(s);
          return 'no error';
        } catch (e) {
          return String(e.message || e);
        }
      });
    });
    expect(errors.slice(0, 3).every((m) => m.startsWith('size'))).toBe(true);
    expect(errors.slice(3, 6).every((m) => m.startsWith('sigma'))).toBe(true);
    expect(errors[6].startsWith('seed')).toBe(true);
    expect(errors.slice(7).every((m) => m !== 'no error')).toBe(true);
    expect(problems).toEqual([]);
  });

  test('the language toggle relabels the cell without losing its state', async ({ page }) => {
    await openCell(page, 'spectrum', 'svd.n=5&svd.s=2&svd.seed=21');
    const before = await spectrumTable(page);
    const heading = page.locator('#svd-heading');
    await expect(heading).toHaveText('Exercise 3: the singular values of a product');
    await page.locator('button[data-lang="vi"]').click();
    await settle(page);
    await expect(heading).toHaveText('Bài tập 3: giá trị suy biến của một tích');
    await expect(page.locator('#cell-spectrum [data-out="summary"]')).toContainText('Các cận đều đúng');
    await expect(page.locator('#cell-spectrum label[for="svd-size"]')).toContainText('Kích thước n');
    await expect(page.locator('#cell-spectrum [data-action="new-seed"]')).toHaveText('Ma trận ngẫu nhiên mới');
    await expect(page.locator('#cell-spectrum canvas')).toHaveAttribute('aria-label', /giá trị suy biến/);
    // Vietnamese numbers use a decimal comma.
    await expect(page.locator('#cell-spectrum tbody tr').first().locator('td').first()).toContainText(',');
    const state = await page.evaluate(() => ({ ...window.gradscope.cells.spectrum.state }));
    expect([state.size, state.sigma, state.seed]).toEqual([5, 2, 21]);
    expect(await spectrumTable(page)).toEqual(before);
    await page.locator('button[data-lang="en"]').click();
    await settle(page);
    await expect(heading).toHaveText('Exercise 3: the singular values of a product');
  });

  test('σ moves by the slider and the number; the table toggles; PyTorch carries the settings', async ({ page }) => {
    await openCell(page, 'spectrum', 'svd.n=3&svd.seed=7');
    const one = await spectrumTable(page);
    await page.locator('#svd-sigma').fill('0.5');
    await page.locator('#svd-sigma').press('Tab');
    const half = await spectrumTable(page);
    // Same draws, scaled: σᵢ(A) halves, σᵢ(AB) quarters (to rounding).
    one.sv_a.forEach((x, i) => expect(Math.abs(half.sv_a[i] / x - 0.5)).toBeLessThan(1e-12));
    one.sv_ab.forEach((x, i) => expect(Math.abs(half.sv_ab[i] / x - 0.25)).toBeLessThan(1e-12));
    await page.locator('#svd-sigma-range').fill('1000');
    await settle(page);
    expect(await page.evaluate(() => window.gradscope.cells.spectrum.state.sigma)).toBe(10);
    const wrap = page.locator('#svd-table-wrap');
    await expect(wrap).toHaveClass(/visually-hidden/);
    await page.locator('#cell-spectrum [data-action="table"]').click();
    await expect(wrap).not.toHaveClass(/visually-hidden/);
    await expect(page).toHaveURL(/svd\.table=1/);
    await page.locator('#cell-spectrum .pytorch-toggle').click();
    const code = page.locator('#cell-spectrum .pytorch code');
    await expect(code).toContainText('n, sigma = 3, 10');
    await expect(code).toContainText('torch.manual_seed(7)');
  });
});
