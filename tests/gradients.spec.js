// The live gradient widget, end to end: real wasm, real canvas, real Chromium.
import { test } from '@playwright/test';
import { canvasFingerprint, expect, gradState, openPage, readTable, settle } from './helpers.js';

test('the page loads with no console error or warning and no failed request', async ({ page }) => {
  const problems = await openPage(page);
  await settle(page);
  await expect(page.locator('#g-verdict')).not.toBeEmpty();
  await expect(page.locator('#load-status')).toBeHidden();
  expect(problems).toEqual([]);
});

test('the default setting shows a vanishing gradient at first sight', async ({ page }) => {
  await openPage(page);
  const rows = await readTable(page);
  const state = await gradState(page);
  expect(rows.length).toBe(state.depth);
  // Layer 1's gradient is more than ten powers of ten below the last layer's.
  expect(Math.log10(rows[0].grad / rows.at(-1).grad)).toBeLessThan(-10);
  await expect(page.locator('#g-verdict')).toHaveAttribute('data-kind', 'vanishing');
});

/**
 * Drags the σ slider from its left end (0.001) to its right end (10) with the mouse, reading
 * σ and layer 1's gradient from the table at every step.
 */
async function dragSigma(page, steps = 12) {
  const slider = page.locator('#g-sigma-range');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  const y = box.y + box.height / 2;
  // The thumb's centre travels between half a thumb from each end; start and end beyond it.
  await page.mouse.move(box.x + 1, y);
  await page.mouse.down();
  const seen = [];
  for (let i = 0; i <= steps; i += 1) {
    await page.mouse.move(box.x + 1 + ((box.width - 2) * i) / steps, y, { steps: 3 });
    const rows = await readTable(page);
    const { sigma } = await gradState(page);
    seen.push({ sigma, g1: rows[0].grad, rows });
  }
  await page.mouse.up();
  return seen;
}

test('dragging σ moves layer 1 of a ReLU network exactly as σ^(L−1)', async ({ page }) => {
  // A ReLU network without biases is positively homogeneous: with Wˡ = σ·Dˡ and the same draws,
  // ∂ℓ/∂W¹ = σ^(L−1)·(its value at σ = 1). So log₁₀ of layer 1's gradient must move by exactly
  // (L − 1)·log₁₀(σ₂/σ₁) between any two slider positions.
  const L = 20;
  await openPage(page, { hash: `act=relu&depth=${L}` });
  const seen = await dragSigma(page);
  expect(seen[0].sigma).toBeCloseTo(0.001, 6);
  expect(seen.at(-1).sigma).toBeCloseTo(10, 6);
  const distinct = new Set(seen.map((s) => s.sigma));
  expect(distinct.size).toBeGreaterThan(8); // the table followed the drag, live
  for (const s of seen.slice(1)) {
    const measured = Math.log10(s.g1 / seen[0].g1);
    const predicted = (L - 1) * Math.log10(s.sigma / seen[0].sigma);
    expect(Math.abs(measured - predicted)).toBeLessThan(1e-9 * Math.max(1, Math.abs(predicted)));
  }
  // Over the whole slider that is 4·(L − 1) = 76 powers of ten.
  expect(Math.log10(seen.at(-1).g1 / seen[0].g1)).toBeGreaterThan(70);
});

test('dragging σ moves layer 1 of a sigmoid network over many orders, as the linearized theory says', async ({ page }) => {
  // Near σ = 0 every pre-activation is tiny, sigmoid(z) ≈ 1/2 + z/4, and the network is linear
  // in each layer's weights apart from the constant 1/2: layer 1's gradient then scales as
  // σ^(L−1), like a linear network (the slope of log g₁ against log σ is L − 1). For large σ the
  // units saturate and the slope falls. The gradient grows with σ all the way.
  const L = 12;
  await openPage(page, { hash: `act=sigmoid&depth=${L}` });
  const seen = await dragSigma(page, 16);
  expect(seen[0].sigma).toBeCloseTo(0.001, 6);
  expect(seen.at(-1).sigma).toBeCloseTo(10, 6);
  const small = seen.filter((s) => s.sigma <= 0.004);
  expect(small.length).toBeGreaterThanOrEqual(2);
  const slope = Math.log10(small.at(-1).g1 / small[0].g1) / Math.log10(small.at(-1).sigma / small[0].sigma);
  // Corrections are O(n·σ²) ≈ 10⁻³ at σ = 0.004, n = 64.
  expect(Math.abs(slope - (L - 1))).toBeLessThan(0.05);
  for (let i = 1; i < seen.length; i += 1) {
    if (seen[i].sigma > seen[i - 1].sigma) expect(seen[i].g1).toBeGreaterThan(seen[i - 1].g1);
  }
  expect(Math.log10(seen.at(-1).g1 / seen[0].g1)).toBeGreaterThan(20);
});

test('moving σ samples no new random numbers; a new seed or width does', async ({ page }) => {
  await openPage(page);
  const drawn = () => page.evaluate(() => window.gradscope.cells.grad.matricesDrawn());
  const before = await drawn();
  await dragSigma(page, 6);
  await page.selectOption('#g-activation', 'tanh');
  await page.selectOption('#g-precision', 'f32');
  await settle(page);
  expect(await drawn()).toBe(before);
  await page.click('#cell-gradients [data-action="new-seed"]');
  await settle(page);
  expect(await drawn()).toBeGreaterThan(before);
});

test('many input events in one frame give at most two computes, the first and the latest', async ({ page }) => {
  // The first input's settings leave at once; the later ones replace each other while it is on
  // its way (at most one request in flight and one waiting), so only the latest follows it.
  await openPage(page);
  await settle(page);
  const result = await page.evaluate(async () => {
    const cell = window.gradscope.cells.grad;
    const slider = document.querySelector('#g-sigma-range');
    const before = cell.computes;
    for (let p = 0; p <= 1000; p += 20) {
      slider.value = String(p);
      slider.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await window.gradscope.settled();
    return { computes: cell.computes - before, sigma: cell.state.sigma, last: cell.settings.sigma };
  });
  expect(result.computes).toBeGreaterThanOrEqual(1);
  expect(result.computes).toBeLessThanOrEqual(2);
  expect(result.sigma).toBe(10);
  expect(result.last).toBe(10);
});

test('the canvas pixels change when σ changes', async ({ page }) => {
  await openPage(page);
  await settle(page);
  const before = await canvasFingerprint(page, '#cell-gradients canvas');
  await page.fill('#g-sigma', '2');
  await settle(page);
  const after = await canvasFingerprint(page, '#cell-gradients canvas');
  expect(after).not.toBe(before);
});

test('a setting that overflows shows the overflow marker and says so, without an error', async ({ page }) => {
  const problems = await openPage(page, { hash: 'act=relu&sigma=10&depth=200' });
  const rows = await readTable(page);
  expect(rows.some((r) => r.status === 'overflow')).toBe(true);
  expect(rows.some((r) => !Number.isFinite(r.grad))).toBe(true);
  const outcome = await page.evaluate(() => window.gradscope.cells.grad.outcome);
  expect(outcome.overflow_markers).toBeGreaterThan(0);
  await expect(page.locator('#g-verdict')).toHaveAttribute('data-kind', 'exploding');
  await expect(page.locator('#g-verdict')).toContainText('overflow');
  await expect(page.locator('#cell-gradients [data-out="error"]')).toBeHidden();
  expect(problems).toEqual([]);
});

test('f32 underflows where f64 does not, and the page says so', async ({ page }) => {
  await openPage(page, { hash: 'sigma=0.01&prec=f32' });
  const rows32 = await readTable(page);
  expect(rows32[0].status).toBe('underflow');
  expect(rows32[0].grad).toBe(0);
  const outcome = await page.evaluate(() => window.gradscope.cells.grad.outcome);
  expect(outcome.zero_markers).toBeGreaterThan(0);
  await expect(page.locator('#g-verdict')).toContainText('underflows');
  await page.selectOption('#g-precision', 'f64');
  const rows64 = await readTable(page);
  expect(rows64[0].status).toBe('ok');
  expect(rows64[0].grad).toBeGreaterThan(0);
});

test('bad values in the URL are clamped or replaced, and the page says so', async ({ page }) => {
  const problems = await openPage(page, { hash: 'depth=9999&sigma=abc&act=gelu&width=-3&seed=1.5&bwd=maybe' });
  const state = await gradState(page);
  expect(state.depth).toBe(200);
  expect(state.width).toBe(1);
  expect(state.activation).toBe('sigmoid');
  expect(state.seed).toBe(2);
  await expect(page.locator('#cell-gradients [data-note="depth"]')).toBeVisible();
  await expect(page.locator('#cell-gradients [data-note="depth"]')).toContainText('9999');
  await expect(page.locator('#cell-gradients [data-note="sigma"]')).toContainText('abc');
  await expect(page.locator('#cell-gradients [data-note="activation"]')).toContainText('gelu');
  await expect(page.locator('#cell-gradients [data-note="seed"]')).toContainText('1.5');
  expect(state.backward).toBe(true); // a toggle's default
  await expect(page.locator('#cell-gradients [data-note="backward"]')).toContainText('maybe');
  const rows = await readTable(page);
  expect(rows.length).toBe(200);
  expect(problems).toEqual([]);
});

test('a typed value out of range is clamped and noted beside the control', async ({ page }) => {
  await openPage(page);
  await page.fill('#g-width', '5000');
  await settle(page);
  expect((await gradState(page)).width).toBe(128);
  await expect(page.locator('#cell-gradients [data-note="width"]')).toContainText('5000');
  await page.fill('#g-width', '16');
  await settle(page);
  await expect(page.locator('#cell-gradients [data-note="width"]')).toBeHidden();
});

test('the state is mirrored in the URL hash and a link reopens the same picture', async ({ page, context }) => {
  await openPage(page);
  await page.selectOption('#g-activation', 'relu');
  await page.selectOption('#g-init', 'he-normal');
  await page.fill('#g-depth', '50');
  await settle(page);
  await settle(page);
  const url = page.url();
  expect(url).toContain('act=relu');
  expect(url).toContain('init=he-normal');
  const rows = await readTable(page);
  const other = await context.newPage();
  await other.goto(url);
  await other.evaluate(() => window.gradscope.mountAll());
  const again = await readTable(other);
  expect(again).toEqual(rows);
});

test('the table is exposed to assistive technology and can be shown', async ({ page }) => {
  await openPage(page);
  const table = page.locator('#cell-gradients').getByRole('table', { name: /numbers the chart draws/ });
  await expect(table).toHaveCount(1);
  const button = page.locator('#cell-gradients [data-action="table"]');
  await expect(button).toHaveAttribute('aria-expanded', 'false');
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('#g-table-wrap')).not.toHaveClass(/visually-hidden/);
  const canvasLabel = await page.locator('#cell-gradients canvas').getAttribute('aria-label');
  expect(canvasLabel).toContain('vanishing');
});

test('the theory overlay draws the prediction, which starts at σ√n for a linear network', async ({ page }) => {
  // Layer 1: z = W x with x ~ N(0, 1) and W ~ N(0, σ²), so Var[z] = n·σ² exactly in expectation.
  const n = 64;
  const sigma = 0.3;
  await openPage(page, { hash: `act=identity&sigma=${sigma}&width=${n}` });
  await settle(page);
  const before = await canvasFingerprint(page, '#cell-gradients canvas');
  await page.check('#cell-gradients input[data-field="theory"]');
  await settle(page);
  const after = await canvasFingerprint(page, '#cell-gradients canvas');
  expect(after).not.toBe(before);
  const theory = await page.evaluate(() => window.gradscope.cells.grad.theory);
  const state = await gradState(page);
  expect(theory.preact_std.length).toBe(state.depth);
  expect(theory.preact_std[0]).toBeCloseTo(sigma * Math.sqrt(n), 10);
  // The measured layer-1 std is a sample estimate over n·B values of that same quantity: its
  // relative standard error is about 1/√(2·n·B) (≈ 1.6 % here); allow 5 of them.
  const rows = await readTable(page);
  const rel = Math.abs(rows[0].forward / theory.preact_std[0] - 1);
  expect(rel).toBeLessThan(5 / Math.sqrt(2 * n * state.batch));
  // Turning the overlay off again gives back the plain chart.
  await page.uncheck('#cell-gradients input[data-field="theory"]');
  await settle(page);
  expect(await canvasFingerprint(page, '#cell-gradients canvas')).toBe(before);
});

test('choosing He for ReLU starts its gain at 1 and the network is stable, as the chapter says', async ({ page }) => {
  await openPage(page, { hash: 'act=relu&depth=50' });
  await page.selectOption('#g-init', 'he-normal');
  await settle(page);
  expect((await gradState(page)).sigma).toBe(1);
  await expect(page.locator('#cell-gradients [data-note="sigma"]')).toBeVisible();
  const rows = await readTable(page);
  // He keeps Var[z] constant from layer to layer for ReLU: the forward signal stays within a
  // factor 10 over 50 layers (its log drifts like a random walk with step ~ 1/√n).
  expect(Math.abs(Math.log10(rows.at(-1).forward / rows[0].forward))).toBeLessThan(1);
  await expect(page.locator('#g-verdict')).toHaveAttribute('data-kind', 'stable');
});

test('the language toggle switches every text without a reload and keeps the state', async ({ page }) => {
  await openPage(page, { query: 'lang=en' });
  await page.fill('#g-depth', '42');
  await settle(page);
  const before = await readTable(page);
  const canvasBefore = await canvasFingerprint(page, '#cell-gradients canvas');
  const navigations = [];
  page.on('framenavigated', (f) => f === page.mainFrame() && navigations.push(f.url()));
  await page.click('button[data-lang="vi"]');
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'vi');
  await expect(page.locator('#g-verdict')).toContainText('tiêu biến gradient');
  await expect(page.locator('#cell-gradients label[for="g-depth-range"]')).toHaveText('Độ sâu L (số tầng)');
  expect((await gradState(page)).depth).toBe(42);
  expect(await readTable(page)).toEqual(before);
  // The chart's own texts are redrawn in Vietnamese.
  expect(await canvasFingerprint(page, '#cell-gradients canvas')).not.toBe(canvasBefore);
  expect(navigations.filter((u) => !u.includes('#'))).toEqual([]);
  await settle(page);
  expect(page.url()).toContain('lang=vi');
});

test('the PyTorch panel shows runnable code for the current settings and copies it', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPage(page, { hash: 'depth=17&act=tanh' });
  const panel = page.locator('#cell-gradients .pytorch');
  await panel.locator('.pytorch-toggle').click();
  // The script's generator loads when a panel first opens.
  await expect(panel.locator('code')).toContainText('import torch');
  const code = await panel.locator('code').textContent();
  expect(code).toMatch(/17/);
  expect(code).toMatch(/tanh/);
  await panel.locator('.pytorch-copy').click();
  await expect(panel.locator('.pytorch-copied')).not.toBeEmpty();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
});

test('the engine refuses bad settings with a typed message, which the page translates', async ({ page }) => {
  await openPage(page, { query: 'lang=vi' });
  // The page clamps what it sends; call the engine the way a broken embed could, and show it.
  const text = await page.evaluate(() => {
    const { wasm } = window.gradscope;
    try {
      new wasm.Engine().gradients({ ...wasm.defaultSettings(), depth: 0 });
      return 'no error';
    } catch (e) {
      return e.message;
    }
  });
  expect(text).toBe('depth: 0 is outside the range 1 to 200');
  const shown = await page.evaluate(async (message) => {
    const { localizeEngineError } = await import('./www/cells/common.js');
    const { translate } = await import('./www/i18n.js');
    return localizeEngineError(message, { translate: (k, v) => translate('vi', k, v) });
  }, text);
  expect(shown).toBe('depth: 0 nằm ngoài khoảng 1 đến 200');
});
