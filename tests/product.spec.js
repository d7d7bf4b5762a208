// The exploding product (section 3): the book's product of random matrices, printed as numpy
// prints it, its norms per step and the f32 overflow. Real wasm, real canvas, real Chromium.
import { test } from '@playwright/test';
import { canvasFingerprint, expect, settle } from './helpers.js';
import { openCell, setField } from './cell-helpers.js';

/** Every number printed in a numpy-style <pre> block, row by row. */
async function printedMatrix(page, selector) {
  const text = await page.locator(selector).textContent();
  return text
    .split('\n')
    .map((line) => line.replace(/[[\]]/g, ' ').trim().split(/\s+/).filter(Boolean).map(Number));
}

test('product: numpy formatter prints what numpy prints', async ({ page }) => {
  await openCell(page, 'product');
  const out = await page.evaluate(async () => {
    const { formatNumpy } = await import('./www/cells/product.js');
    return {
      // Hand-derived from numpy's arrayprint rules (FloatingFormat.fillFormat, _formatArray):
      // positional mode (max < 1e8, min ≥ 1e-4, max/min ≤ 1000); int parts '1' '-2' '0' '10'
      // pad to 2, fraction parts '5' '25' '' '' pad right with spaces to 2.
      positional: formatNumpy([[1.5, -2.25], [0, 10]]),
      // max ≥ 1e8 → scientific; unique digits '1.' and '-3.5' → one fraction digit for all,
      // zero-padded; exponents with at least two digits; int part padded to 2 for the sign.
      scientific: formatNumpy([[1e25, -3.5e-3]]),
      // Non-finite values widen pad_left to len('nan') − (pad_right + 1) = 2.
      nonFinite: formatNumpy([[1, Infinity], [NaN, 2]]),
      // At most 8 fraction digits (precision=8), rounded: 0.123456789 → 0.12345679; 1/3 keeps
      // 8 digits; the others pad with spaces to the widest fraction.
      capped: formatNumpy([[0.123456789, 1 / 3, 2]]),
      // An f32 value prints its shortest float32 digits: float32(0.1) is 0.1, not 0.10000000149.
      f32: formatNumpy([[Math.fround(0.1), Math.fround(1e30)]], { f32: true }),
      // np.random.seed(0); print(np.random.rand(1, 10)): ten words of 10 characters, wrapped at
      // 75 columns with numpy's two-space hanging indent (the well-known seed-0 draws, in full).
      wrapped: formatNumpy([[0.5488135039273248, 0.7151893663724195, 0.6027633760716439, 0.5448831829968969,
        0.4236547993389047, 0.6458941130666561, 0.4375872112626925, 0.8917730007820798,
        0.9636627605010293, 0.3834415188257777]]),
    };
  });
  expect(out.positional).toBe('[[ 1.5  -2.25]\n [ 0.   10.  ]]');
  expect(out.scientific).toBe('[[ 1.0e+25 -3.5e-03]]');
  expect(out.nonFinite).toBe('[[ 1. inf]\n [nan  2.]]');
  expect(out.capped).toBe('[[0.12345679 0.33333333 2.        ]]');
  expect(out.f32).toBe('[[1.e-01 1.e+30]]');
  // '[[' + six words of 10 with separators ends at column 67; a seventh would end at 78 > 73.
  expect(out.wrapped).toBe(
    '[[0.5488135  0.71518937 0.60276338 0.54488318 0.4236548  0.64589411\n  0.43758721 0.891773   0.96366276 0.38344152]]',
  );
});

test('product: the book setting prints a product whose largest entry is the report’s, 10¹⁵..10³⁵', async ({ page }) => {
  const problems = await openCell(page, 'product');
  const state = await page.evaluate(() => ({ ...window.gradscope.cells.product.state }));
  expect(state).toMatchObject({ steps: 100, size: 4, sigma: 1, precision: 'f64' });
  for (const seed of [1, 2, 3, 4, 5]) {
    await setField(page, '#prod-seed', seed);
    const report = await page.evaluate(() => window.gradscope.cells.product.report);
    expect(report.settings.seed).toBe(seed);
    const printed = await printedMatrix(page, '#cell-product pre[data-out="product"]');
    expect(printed.length).toBe(4);
    expect(printed.every((r) => r.length === 4)).toBe(true);
    const printedMax = Math.max(...printed.flat().map(Math.abs));
    const last = report.steps.at(-1).max_abs;
    // numpy prints 8 fraction digits in scientific mode: a relative error below 5·10⁻⁹.
    expect(Math.abs(printedMax - last) / last).toBeLessThan(1e-8);
    // The largest printed entry is the largest of the report's product, computed here.
    expect(last).toBe(Math.max(...report.product.flat().map(Math.abs)));
    expect(last).toBeGreaterThan(1e15);
    expect(last).toBeLessThan(1e35);
    // The text alternative's last row carries the same number.
    const lastRow = page.locator('#prod-table tbody tr').last();
    expect(Number(await lastRow.locator('td').nth(1).getAttribute('data-value'))).toBe(last);
    expect(Number(await lastRow.locator('th').getAttribute('data-value'))).toBe(100);
    // The first matrix printed is the report's first matrix.
    const first = await printedMatrix(page, '#cell-product pre[data-out="first"]');
    first.flat().forEach((v, i) => {
      const exact = report.first.flat()[i];
      expect(Math.abs(v - exact)).toBeLessThanOrEqual(5e-9 * Math.max(1, Math.abs(exact)));
    });
  }
  expect(problems).toEqual([]);
});

test('product: in f32 with a large σ the overflow step is reported and drawn', async ({ page }) => {
  await openCell(page, 'product', 'prod.prec=f32&prod.sigma=10&prod.steps=60');
  const report = await page.evaluate(() => window.gradscope.cells.product.report);
  const k = report.first_overflow;
  expect(Number.isInteger(k)).toBe(true);
  await expect(page.locator('#prod-summary')).toContainText(`overflows to ∞ at step ${k}`);
  await expect(page.locator('#prod-summary')).toHaveAttribute('data-overflow', String(k));
  // Independent check: the same draws in f64 cross f32's largest finite number (3.4028235·10³⁸)
  // around step k; the step before is still below it, step k is at most a rounding away.
  const f64 = await page.evaluate((s) => window.gradscope.wasm.randomProduct({ ...s, precision: 'f64' }), report.settings);
  expect(f64.first_overflow ?? null).toBeNull(); // serde's None arrives as undefined
  expect(f64.steps[k - 1].max_abs).toBeLessThan(3.41e38);
  expect(f64.steps[k].max_abs).toBeGreaterThan(3.4e36);
  // The chart drew a top-edge marker for both series at every step from k on.
  const outcome = await page.evaluate(() => window.gradscope.cells.product.outcome);
  expect(outcome.overflow_markers).toBe(2 * (report.steps.length - k));
  // The text alternative says overflow from step k on, and ok before.
  const statuses = await page.$$eval('#prod-table tbody tr', (rows) => rows.map((r) => [Number(r.cells[0].dataset.value), r.cells[3].dataset.status]));
  for (const [step, status] of statuses) expect(status).toBe(step >= k ? 'overflow' : 'ok');
  // In f64 the same setting does not overflow and the sentence is gone.
  await page.selectOption('#prod-precision', 'f64');
  await settle(page);
  await expect(page.locator('#prod-summary')).not.toContainText('overflows');
});

test('product: "run again" draws a new seed and new numbers; the URL keeps them', async ({ page }) => {
  await openCell(page, 'product');
  const before = await page.locator('#cell-product pre[data-out="first"]').textContent();
  const chartBefore = await canvasFingerprint(page, '#cell-product canvas');
  const seeds = new Set([1]);
  for (let i = 0; i < 3; i += 1) {
    await page.click('#cell-product [data-action="new-seed"]');
    await settle(page);
    const s = await page.evaluate(() => window.gradscope.cells.product.state.seed);
    seeds.add(s);
    expect(Number(await page.inputValue('#prod-seed'))).toBe(s);
  }
  expect(seeds.size).toBe(4);
  const after = await page.locator('#cell-product pre[data-out="first"]').textContent();
  expect(after).not.toBe(before);
  await settle(page);
  expect(await canvasFingerprint(page, '#cell-product canvas')).not.toBe(chartBefore);
  const seed = await page.evaluate(() => window.gradscope.cells.product.state.seed);
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain(`prod.seed=${seed}`);
  // Reopening the link shows the same matrices.
  const link = await page.evaluate(() => window.location.hash.slice(1));
  const other = await page.context().newPage();
  await openCell(other, 'product', link);
  expect(await other.locator('#cell-product pre[data-out="first"]').textContent()).toBe(after);
});

test('product: σ slider and step count change the output; bad input is clamped with a note', async ({ page }) => {
  const problems = await openCell(page, 'product', 'prod.steps=-5&prod.sigma=abc&prod.size=99');
  const state = await page.evaluate(() => ({ ...window.gradscope.cells.product.state }));
  expect(state.steps).toBe(0);
  expect(state.sigma).toBe(1);
  expect(state.size).toBe(64);
  await expect(page.locator('#prod-note-steps')).toBeVisible();
  await expect(page.locator('#prod-note-sigma')).toBeVisible();
  await expect(page.locator('#prod-note-size')).toBeVisible();
  await setField(page, '#prod-size', 4);
  await setField(page, '#prod-steps', 20);
  const r1 = await page.evaluate(() => window.gradscope.cells.product.report);
  expect(r1.steps.length).toBe(21);
  // Same seed, σ halved: every product of 21 factors scales by exactly 2⁻²¹ (up to rounding).
  await setField(page, '#prod-sigma', 0.5);
  const r2 = await page.evaluate(() => window.gradscope.cells.product.report);
  const ratio = r2.steps.at(-1).frobenius / r1.steps.at(-1).frobenius;
  expect(Math.abs(ratio / 2 ** -21 - 1)).toBeLessThan(1e-9);
  // The slider moves σ on a log scale.
  await page.locator('#prod-sigma-range').fill('1000');
  await page.locator('#prod-sigma-range').dispatchEvent('input');
  await settle(page);
  expect(await page.evaluate(() => window.gradscope.cells.product.state.sigma)).toBe(10);
  expect(problems).toEqual([]);
});

test('product: switching language relabels without losing state', async ({ page }) => {
  await openCell(page, 'product', 'prod.seed=7&prod.steps=30');
  const before = await page.locator('#cell-product pre[data-out="product"]').textContent();
  await page.click('[data-lang="vi"]');
  await settle(page);
  await expect(page.locator('#prod-heading')).toContainText('Bùng nổ');
  await expect(page.locator('#prod-summary')).toContainText('Sau 30 phép nhân');
  expect(await page.locator('#cell-product pre[data-out="product"]').textContent()).toBe(before);
  expect(await page.evaluate(() => window.gradscope.cells.product.state.seed)).toBe(7);
});

test('product: a change computed in the Worker is drawn once, when its answer comes, not first with the old numbers', async ({ page }) => {
  // At 2,000 steps of 32 × 32 the answer takes long enough that the frame after the key press
  // comes first: before, that frame redrew the previous report (tens of ms of the page's thread
  // at the largest settings, for the picture already shown).
  const problems = await openCell(page, 'product', 'prod.steps=2000&prod.size=32');
  await settle(page);
  const counts = () => page.evaluate(() => {
    const c = window.gradscope.cells.product;
    return { draws: c.draws, computes: c.computes, frames: c.frames, sigma: c.report.settings.sigma };
  });
  expect(await page.evaluate(() => Boolean(window.gradscope.backgroundHost))).toBe(true); // the product computes in it
  for (const key of ['ArrowLeft', 'ArrowRight']) {
    const before = await counts();
    await page.locator('#prod-sigma-range').press(key);
    await settle(page);
    const after = await counts();
    expect(after.computes - before.computes).toBe(1);
    expect(after.sigma).not.toBe(before.sigma);
    expect(after.frames - before.frames).toBeGreaterThanOrEqual(1);
    expect(after.draws - before.draws).toBe(1);
  }
  expect(problems).toEqual([]);
});
