// Exercises 1 and 2, live: the rescaling cell (one layer × α, the next × 1/α) and the softmax
// regression from constant weights, driven through their controls in real Chromium on the real
// wasm; and the staged hints after them. The numbers are read from what the cells show
// (full precision in data attributes) and compared with the engine's export and the formulas.
import { test } from '@playwright/test';
import { expect, openCell, setField, settle } from './cell-helpers.js';

/** The rescaling cell's readouts, as the page shows them. */
async function rescalingReadout(page) {
  await settle(page);
  return page.evaluate(() => {
    const root = document.getElementById('cell-rescaling');
    const data = (name) => ({ ...root.querySelector(`[data-out="${name}"]`).dataset });
    const num = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, Number(v)]));
    return {
      commutes: root.querySelector('[data-out="summary"]').dataset.commutes === 'true',
      output: num(data('output')),
      atL: num(data('ratio-l')),
      next: num(data('ratio-next')),
      step: num(data('step')),
      state: { ...window.gradscope.cells.rescaling.state },
    };
  });
}

const relErr = (a, b) => Math.abs(a / b - 1);
/** Relative tolerance of a gradient-norm ratio: the engine's native test derives it as
 * 2·100·γ_{2L(max(n, B)+3)} with γ_k = k·u/(1 − k·u), u = 2⁻⁵³, L = 4, B = 16. */
function ratioTolerance(width) {
  const k = 2 * 4 * (Math.max(width, 16) + 3);
  const ku = (k * 2 ** -53);
  return 200 * (ku / (1 - ku));
}

test.describe('exercise 1: rescaling', () => {
  test('changing α leaves the output equal and scales the two gradients as 1/α and α', async ({ page }) => {
    const problems = await openCell(page, 'rescaling', 'resc.alpha=10&resc.layer=2&resc.act=relu');
    let r = await rescalingReadout(page);
    expect(r.commutes).toBe(true);
    // Same function: the output moved only by rounding, within the engine's derived bound.
    expect(r.output.difference).toBeLessThanOrEqual(r.output.bound);
    expect(r.output.relative).toBeLessThan(1e-13);
    expect(relErr(r.atL.ratio, 1 / 10)).toBeLessThanOrEqual(ratioTolerance(r.state.width));
    expect(relErr(r.next.ratio, 10)).toBeLessThanOrEqual(ratioTolerance(r.state.width));
    // The numbers shown are the engine's for these settings.
    const exported = await page.evaluate((s) => window.gradscope.wasm.rescalingCompute(s), r.state);
    expect(r.output.difference).toBe(exported.output_difference);
    expect(r.atL.ratio).toBe(exported.layers[1].ratio);

    // Through the number box: α = 0.37.
    await setField(page, '#resc-alpha', 0.37);
    r = await rescalingReadout(page);
    expect(r.state.alpha).toBe(0.37);
    expect(r.output.difference).toBeLessThanOrEqual(r.output.bound);
    expect(relErr(r.atL.ratio, 1 / 0.37)).toBeLessThanOrEqual(ratioTolerance(r.state.width));
    expect(relErr(r.next.ratio, 0.37)).toBeLessThanOrEqual(ratioTolerance(r.state.width));
    expect(r.atL.predicted).toBe(1 / 0.37);

    // Through the slider, by keyboard: each arrow press moves α along the log scale, and the
    // ratios follow whatever α it lands on.
    const slider = page.locator('#resc-alpha-range');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    r = await rescalingReadout(page);
    expect(r.state.alpha).not.toBe(0.37);
    expect(relErr(r.atL.ratio, 1 / r.state.alpha)).toBeLessThanOrEqual(ratioTolerance(r.state.width));
    expect(relErr(r.next.ratio, r.state.alpha)).toBeLessThanOrEqual(ratioTolerance(r.state.width));
    expect(r.output.difference).toBeLessThanOrEqual(r.output.bound);
    // Same function, different updates: one SGD step from each gives different outputs.
    expect(r.step.difference).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  test('the invariance breaks for tanh at α ≠ ±1 and for ReLU with a negative α', async ({ page }) => {
    await openCell(page, 'rescaling', 'resc.alpha=3&resc.layer=1');
    await page.selectOption('#resc-activation', 'tanh');
    await settle(page);
    let r = await rescalingReadout(page);
    expect(r.commutes).toBe(false);
    expect(r.output.relative).toBeGreaterThan(1e-3);
    expect(r.output.difference).toBeGreaterThan(1e6 * r.output.bound);
    // tanh is odd: α = −1 (size 1, sign flipped) is a symmetry again.
    await setField(page, '#resc-alpha', 1);
    await page.locator('#resc-negative').check();
    await settle(page);
    r = await rescalingReadout(page);
    expect(r.state.negative).toBe(true);
    expect(r.commutes).toBe(true);
    expect(r.output.difference).toBeLessThanOrEqual(r.output.bound);
    // ReLU with α = −1 switches the active units off: a different function.
    await page.selectOption('#resc-activation', 'relu');
    await settle(page);
    r = await rescalingReadout(page);
    expect(r.commutes).toBe(false);
    expect(r.output.relative).toBeGreaterThan(1e-3);
    await expect(page.locator('#cell-rescaling [data-out="summary"]')).toContainText('different function');
  });
});

test.describe('exercise 2: softmax regression from constant weights', () => {
  test('the loss falls from ln K, the class columns separate after one step, and c does not matter', async ({ page }) => {
    const problems = await openCell(page, 'softmax', 'soft.c=1&soft.k=3&soft.steps=100');
    const read = () => page.$eval('#cell-softmax [data-out="summary"]', (el) => Object.fromEntries(
      Object.entries(el.dataset).map(([k, v]) => [k, Number(v)]),
    ));
    const s = await read();
    // Equal logits at the start: ℓ = ln 3 up to rounding of the logits (|c|·‖x‖₁ ≲ 10).
    expect(Math.abs(s.lossStart - Math.log(3))).toBeLessThan(1e-13);
    expect(s.lossEnd).toBeLessThan(0.8 * s.lossStart);
    expect(s.accuracy).toBeGreaterThan(0.5);
    expect(s.spreadStart).toBe(0);
    expect(s.spreadOne).toBeGreaterThan(0);
    // The table's first-gradient columns (full precision) differ from class to class and follow
    // x̄/K − (n_k/n)·x̄_k from the class means in the same table.
    await page.click('#cell-softmax [data-action="table"]');
    const table = await page.$$eval('#cell-softmax table.numbers tbody tr', (rows) => rows.map((r) => ({
      mean: JSON.parse(r.cells[1].dataset.value),
      grad: JSON.parse(r.cells[2].dataset.value),
    })));
    expect(table).toHaveLength(3);
    const xbar = [0, 1].map((j) => table.reduce((a, row) => a + row.mean[j], 0) / 3);
    for (const row of table) {
      for (const j of [0, 1]) expect(Math.abs(row.grad[j] - (xbar[j] - row.mean[j]) / 3)).toBeLessThan(1e-12);
    }
    expect(table[0].grad).not.toEqual(table[1].grad);
    expect(table[1].grad).not.toEqual(table[2].grad);

    // Another constant, through the control: the same losses up to rounding.
    const before = await page.evaluate(() => window.gradscope.cells.softmax.report.history.map((h) => h.loss));
    await setField(page, '#soft-value', -3);
    const after = await page.evaluate(() => window.gradscope.cells.softmax.report.history.map((h) => h.loss));
    expect(await page.evaluate(() => window.gradscope.cells.softmax.state.value)).toBe(-3);
    expect(after).toHaveLength(before.length);
    after.forEach((l, i) => expect(Math.abs(l - before[i])).toBeLessThan(1e-11));
    expect(problems).toEqual([]);
  });
});

test.describe('staged hints', () => {
  test('each exercise\'s hints reveal in two stages, from the keyboard, and survive a language switch', async ({ page }) => {
    await openCell(page, 'softmax');
    for (const id of ['exercise-rescaling', 'exercise-softmax']) {
      const box = page.locator(`[data-hint="${id}"]`);
      const button = box.locator('button[data-action="hint"]');
      const stage = (k) => box.locator(`[data-stage="${k}"]`);
      await expect(stage(1)).toBeHidden();
      await expect(stage(2)).toBeHidden();
      await expect(button).toHaveText('Show a hint');
      await expect(button).toHaveAttribute('aria-expanded', 'false');
      await button.focus();
      await page.keyboard.press('Enter');
      await expect(stage(1)).toBeVisible();
      await expect(stage(2)).toBeHidden();
      await expect(box).toHaveAttribute('data-revealed', '1');
      await expect(button).toHaveText('Show the explanation');
      await expect(button).toBeFocused();
      await page.keyboard.press('Space');
      await expect(stage(2)).toBeVisible();
      await expect(box).toHaveAttribute('data-revealed', '2');
      await expect(button).toHaveText('Hide the hints');
      // The explanation's math is rendered.
      await expect(stage(2).locator('.katex').first()).toBeVisible();
    }
    // Switching language keeps what was revealed and translates it.
    await page.click('button[data-lang="vi"]');
    const box = page.locator('[data-hint="exercise-softmax"]');
    await expect(box.locator('[data-stage="2"]')).toBeVisible();
    await expect(box.locator('button[data-action="hint"]')).toHaveText('Ẩn các gợi ý');
    await expect(box.locator('[data-stage="1"] h4')).toHaveText('Gợi ý');
    // A third press hides them again.
    await box.locator('button[data-action="hint"]').click();
    await expect(box.locator('[data-stage="1"]')).toBeHidden();
    await expect(box).toHaveAttribute('data-revealed', '0');
  });
});
