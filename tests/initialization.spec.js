// Initialization (sections 5 and 6): the framework defaults beside the book's, and Xavier's
// forward and backward variance over layers of different widths. Real wasm, real Chromium.
import { test } from '@playwright/test';
import { expect, openCell, setField, settle } from './cell-helpers.js';

// ---------------------------------------------------------------------------------------------
// default-init (prefix def)
// ---------------------------------------------------------------------------------------------

async function defaultInitSides(page) {
  await settle(page);
  return page.evaluate(() => {
    const cell = window.gradscope.cells['default-init'];
    const out = {};
    for (const init of ['mxnet-default', 'pytorch-default', 'xavier-uniform']) {
      const side = document.querySelector(`#cell-default-init [data-side="${init}"]`);
      const settings = cell.sides[init].settings;
      const fresh = new window.gradscope.wasm.Engine().gradients(settings);
      out[init] = {
        settings,
        role: side.querySelector('[data-out="role"]').dataset.role,
        roleText: side.querySelector('[data-out="role"]').textContent,
        kind: side.querySelector('[data-out="verdict"]').dataset.kind,
        rows: [...side.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => Number(c.dataset.value))),
        expected: fresh.layers.map((l) => [l.layer, l.grad_norm, l.backward_norm]),
        freshKind: fresh.verdict.kind,
      };
    }
    return out;
  });
}

test('default-init: MXNet, PyTorch and Xavier defaults match a fresh engine; σ is shown as ignored for MXNet', async ({ page }) => {
  const problems = await openCell(page, 'default-init');
  let sides = await defaultInitSides(page);
  expect(sides['mxnet-default'].settings).toMatchObject({ init: 'mxnet-default', depth: 20, width: 64, activation: 'relu' });
  expect(sides['mxnet-default'].role).toBe('ignored');
  expect(sides['mxnet-default'].roleText).toContain('σ is ignored');
  expect(sides['xavier-uniform'].role).toBe('gain');
  for (const side of Object.values(sides)) {
    expect(side.rows.length).toBe(20);
    expect(side.rows).toEqual(side.expected);
    expect(side.kind).toBe(side.freshKind);
  }
  // MXNet's scale ignores σ: the engine gives the same numbers at any σ.
  const same = await page.evaluate((s) => {
    const a = new window.gradscope.wasm.Engine().gradients({ ...s, sigma: 0.01 });
    const b = new window.gradscope.wasm.Engine().gradients({ ...s, sigma: 5 });
    return a.layers.every((l, i) => l.grad_norm === b.layers[i].grad_norm);
  }, sides['mxnet-default'].settings);
  expect(same).toBe(true);
  // With ReLU at width 64 a U[−0.07, 0.07] weight has std 0.07/√3 and each layer scales the
  // backward signal by about √(64/2)·0.07/√3 ≈ 0.23: over 19 layers ≈ 10⁻¹², far from stable.
  const m = sides['mxnet-default'].rows;
  const measured = Math.log10(m[0][2] / m.at(-1)[2]);
  const predicted = 19 * Math.log10(Math.sqrt(32) * 0.07 / Math.sqrt(3));
  expect(Math.abs(measured - predicted)).toBeLessThan(1.5);
  // The controls drive all three views.
  await setField(page, '#def-depth', 8);
  await page.selectOption('#def-activation', 'tanh');
  sides = await defaultInitSides(page);
  for (const side of Object.values(sides)) {
    expect(side.settings).toMatchObject({ depth: 8, activation: 'tanh' });
    expect(side.rows).toEqual(side.expected);
  }
  expect(problems).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// xavier (prefix xav)
// ---------------------------------------------------------------------------------------------

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
    // Widths from a link select the preset they equal.
    await page.goto('about:blank');
    await openCell(page, 'xavier', 'xav.w=128,96,64,32,16,8');
    await expect(page.locator('#xav-preset')).toHaveValue('funnel');
    expect(problems).toEqual([]);
  });
});
