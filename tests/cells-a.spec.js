// Cells of section 2, 3 and 5: the sigmoid figure, the vanishing preset, the exploding product and
// the default-initialization preset. Real wasm, real canvas, real Chromium.
import { test } from '@playwright/test';
import { canvasFingerprint, expect, openPage, settle } from './helpers.js';

/** Opens the page and waits until the cell `name` has computed. */
async function openCell(page, name, hash = '') {
  const problems = await openPage(page, { hash });
  await page.waitForFunction((n) => window.gradscope.cells[n] && window.gradscope.cells[n].computes > 0, name);
  await settle(page);
  return problems;
}

/** Types `value` into the control `selector` and commits it (change event). */
async function setField(page, selector, value) {
  await page.locator(selector).fill(String(value));
  await page.locator(selector).dispatchEvent('change');
  await settle(page);
}

/** Every number printed in a numpy-style <pre> block, row by row. */
async function printedMatrix(page, selector) {
  const text = await page.locator(selector).textContent();
  return text
    .split('\n')
    .map((line) => line.replace(/[[\]]/g, ' ').trim().split(/\s+/).filter(Boolean).map(Number));
}

// ---------------------------------------------------------------------------------------------
// product (prefix prod)
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// sigmoid (prefix sig)
// ---------------------------------------------------------------------------------------------

/** The page position of data x on the sigmoid chart, from the plot area the chart reported. */
async function sigmoidPosition(page, x) {
  const o = await page.evaluate(() => window.gradscope.cells.sigmoid.outcome);
  const geom = await page.$eval('#cell-sigmoid canvas', (c) => {
    const r = c.getBoundingClientRect();
    return { left: r.left, top: r.top, width: r.width, height: r.height, px: c.width };
  });
  const px = o.left + ((x - o.x_min) / (o.x_max - o.x_min)) * (o.right - o.left);
  return { x: geom.left + (px * geom.width) / geom.px, y: geom.top + geom.height / 2 };
}

const readout = async (page) =>
  page.$$eval('#cell-sigmoid [data-out="readout"] output', (els) => els.map((e) => Number(e.dataset.value)));

const closedForm = (x) => {
  const s = 1 / (1 + Math.exp(-x));
  return [s, s * (1 - s)];
};

test('sigmoid: hovering the chart at x = 0 reads σ = 0.5 and σ′ = 0.25; at x = 2 the closed form', async ({ page }) => {
  const problems = await openCell(page, 'sigmoid');
  const canvas = page.locator('#cell-sigmoid canvas');
  await canvas.scrollIntoViewIfNeeded();
  const before = await canvasFingerprint(page, '#cell-sigmoid canvas');
  let p = await sigmoidPosition(page, 0);
  await page.mouse.move(p.x, p.y);
  await settle(page);
  expect(await readout(page)).toEqual([0, 0.5, 0.25]);
  await expect(page.locator('#cell-sigmoid [data-out="value"]')).toHaveText('0.5000');
  // The chart drew its crosshair at the hovered x.
  expect((await page.evaluate(() => window.gradscope.cells.sigmoid.outcome)).hover).toBe(0);
  expect(await canvasFingerprint(page, '#cell-sigmoid canvas')).not.toBe(before);
  for (const x of [2, -3.5]) {
    p = await sigmoidPosition(page, x);
    await page.mouse.move(p.x, p.y);
    await settle(page);
    const [rx, s, d] = await readout(page);
    expect(rx).toBe(x);
    const [cs, cd] = closedForm(x);
    expect(Math.abs(s - cs)).toBeLessThan(1e-15);
    expect(Math.abs(d - cd) / cd).toBeLessThan(1e-12);
  }
  await expect.poll(() => page.evaluate(() => window.location.hash)).toContain('sig.x=-3.5');
  // The test's own repeated getImageData (canvasFingerprint) makes Chromium suggest
  // willReadFrequently; anything else is a real problem.
  expect(problems.filter((m) => !m.includes('willReadFrequently'))).toEqual([]);
});

test('sigmoid: keyboard and slider move x; the text alternative matches the closed form', async ({ page }) => {
  await openCell(page, 'sigmoid', 'sig.x=0');
  await page.locator('#cell-sigmoid canvas').focus();
  await page.keyboard.press('ArrowRight');
  await settle(page);
  expect((await readout(page))[0]).toBe(0.1);
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('Home');
  await settle(page);
  expect((await readout(page))[0]).toBe(-8);
  await setField(page, '#sig-x', 99);
  expect((await readout(page))[0]).toBe(8);
  await expect(page.locator('#sig-note-x')).toBeVisible();
  const rows = await page.$$eval('#sig-table tbody tr', (trs) => trs.map((r) => [...r.children].map((c) => Number(c.dataset.value))));
  expect(rows.length).toBe(17);
  for (const [x, s, d] of rows) {
    const [cs, cd] = closedForm(x);
    expect(Math.abs(s - cs)).toBeLessThan(1e-15);
    expect(Math.abs(d - cd)).toBeLessThan(1e-15);
  }
  // The derivative's maximum over the table is at x = 0 and equals 1/4.
  const best = rows.reduce((a, b) => (b[2] > a[2] ? b : a));
  expect(best[0]).toBe(0);
  expect(best[2]).toBe(0.25);
  await page.click('[data-lang="vi"]');
  await settle(page);
  await expect(page.locator('#sig-heading')).toContainText('Hàm sigmoid');
  expect((await readout(page))[0]).toBe(8);
});

// ---------------------------------------------------------------------------------------------
// vanishing-preset (prefix van)
// ---------------------------------------------------------------------------------------------

/** Each side's table as numbers, and what a fresh wasm.Engine computes for the same settings. */
async function vanishingSides(page) {
  await settle(page);
  return page.evaluate(() => {
    const cell = window.gradscope.cells['vanishing-preset'];
    const out = {};
    for (const act of ['sigmoid', 'relu']) {
      const side = document.querySelector(`#cell-vanishing-preset [data-side="${act}"]`);
      const rows = [...side.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => Number(c.dataset.value)));
      const settings = cell.sides[act].settings;
      const fresh = new window.gradscope.wasm.Engine().gradients(settings);
      out[act] = {
        kind: side.querySelector('[data-out="verdict"]').dataset.kind,
        rows,
        settings,
        expected: fresh.layers.map((l) => [l.layer, l.grad_norm, l.backward_norm]),
        href: side.querySelector('[data-out="open"]').getAttribute('href'),
      };
    }
    return out;
  });
}

test('vanishing-preset: at He’s σ = √(2/n) sigmoid vanishes and ReLU does not; numbers match a fresh engine', async ({ page }) => {
  const problems = await openCell(page, 'vanishing-preset');
  const sides = await vanishingSides(page);
  expect(sides.sigmoid.settings).toMatchObject({ depth: 30, width: 64, activation: 'sigmoid', init: 'normal', precision: 'f64' });
  expect(Math.abs(sides.sigmoid.settings.sigma - Math.sqrt(2 / 64))).toBeLessThan(1e-4);
  expect(sides.relu.settings).toMatchObject({ ...sides.sigmoid.settings, activation: 'relu' });
  expect(sides.sigmoid.kind).toBe('vanishing');
  expect(sides.relu.kind).not.toBe('vanishing');
  for (const act of ['sigmoid', 'relu']) {
    expect(sides[act].rows.length).toBe(30);
    expect(sides[act].rows).toEqual(sides[act].expected);
  }
  // Independent of the verdict: sigmoid's layer-1 gradient is over ten decades below layer 30's,
  // ReLU's within two.
  const decades = (rows) => Math.log10(rows[0][1] / rows.at(-1)[1]);
  expect(decades(sides.sigmoid.rows)).toBeLessThan(-10);
  expect(Math.abs(decades(sides.relu.rows))).toBeLessThan(2);
  expect(problems).toEqual([]);
});

test('vanishing-preset: σ and depth drive both sides; the link opens the main widget with the same setting', async ({ page }) => {
  await openCell(page, 'vanishing-preset');
  await setField(page, '#van-depth', 12);
  await setField(page, '#van-sigma', 0.5);
  const sides = await vanishingSides(page);
  for (const act of ['sigmoid', 'relu']) {
    expect(sides[act].settings).toMatchObject({ depth: 12, sigma: 0.5 });
    expect(sides[act].rows).toEqual(sides[act].expected);
  }
  // ReLU at σ = 0.5, 2.8 × He's scale (8 × its variance per layer), explodes.
  expect(sides.relu.kind).toBe('exploding');
  await page.click('#cell-vanishing-preset [data-side="relu"] [data-out="open"]');
  await page.waitForFunction(() => window.gradscope?.cells?.grad?.computes > 0);
  const main = await page.evaluate(() => ({ ...window.gradscope.cells.grad.state }));
  expect(main).toMatchObject({ depth: 12, sigma: 0.5, activation: 'relu', init: 'normal', width: 64, precision: 'f64' });
  // The main widget's layer-1 gradient is the preset's.
  await settle(page);
  const g1 = await page.$eval('#cell-gradients table.numbers tbody tr td', (td) => Number(td.dataset.value));
  expect(g1).toBe(sides.relu.rows[0][1]);
  // The preset kept its own state through the reload.
  await page.waitForFunction(() => window.gradscope.cells['vanishing-preset']?.computes > 0);
  expect(await page.evaluate(() => window.gradscope.cells['vanishing-preset'].state.depth)).toBe(12);
});

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
