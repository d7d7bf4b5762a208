// The main widget computes in the engine's Worker: a trap in the engine is survived (the cell says
// so and reloads, the Worker is started again, other cells work on). The main thread's timing
// while σ moves is checked in timing.spec.js, which runs alone.
import { test } from '@playwright/test';
import { expect, openPage, settle } from './helpers.js';

test('a trap in the engine: the cell says so and reloads, the Worker restarts, other cells keep working', async ({ page }) => {
  const problems = await openPage(page, { hash: 'depth=12&width=16&batch=8' });
  await settle(page);
  const cell = page.locator('#cell-gradients');
  const restarts = () => page.evaluate(() => window.gradscope.engineHost.restarts);
  expect(await restarts()).toBe(0);

  await page.evaluate(() => window.gradscope.cells.grad.forceTrap());
  await settle(page);
  await expect(cell.locator('[data-out="error"]')).toBeVisible();
  await expect(cell.locator('[data-out="error"]')).toContainText('stopped');
  const reload = cell.locator('[data-action="reload-cell"]');
  await expect(reload).toBeVisible();
  expect(await restarts()).toBe(1);

  // Another cell computes as before.
  const product = page.locator('#cell-product');
  await product.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.gradscope.cells.product.computes);
  await page.fill('#prod-steps', '40');
  await page.locator('#prod-steps').press('Tab');
  await page.waitForFunction((n) => window.gradscope.cells.product.computes > n, before);
  await expect(product.locator('[data-out="error"]')).toBeHidden();

  // Reloading the cell computes again in the new Worker.
  const computes = await page.evaluate(() => window.gradscope.cells.grad.computes);
  await reload.click();
  await page.waitForFunction((n) => window.gradscope.cells.grad.computes > n, computes);
  await expect(reload).toBeHidden();
  await expect(cell.locator('[data-out="error"]')).toBeHidden();
  expect(await page.evaluate(() => window.gradscope.cells.grad.result.layers.length)).toBe(12);
  // The page's own wasm instance is untouched: it computes the same numbers as the Worker.
  const same = await page.evaluate(() => {
    const c = window.gradscope.cells.grad;
    const here = new window.gradscope.wasm.Engine().gradients(c.settings);
    return here.layers.every((l, i) => l.grad_norm === c.result.layers[i].grad_norm);
  });
  expect(same).toBe(true);
  expect(problems.filter((p) => !/testTrap|unreachable|RuntimeError/.test(p))).toEqual([]);
});

test('the chart function draws on an OffscreenCanvas (as a Worker would) the same pixels as on a canvas', async ({ page }) => {
  await openPage(page, { hash: 'depth=12&width=16&batch=8' });
  await settle(page);
  const r = await page.evaluate(() => {
    const { wasm } = window.gradscope;
    const layers = window.gradscope.cells.grad.lastResult().layers;
    const data = { layers, options: { show_backward: true, show_forward: true } };
    const style = { font_family: "'Be Vietnam Pro', 'DejaVu Sans', sans-serif", scale: 1 };
    const [w, h] = [480, 300];
    const onPage = Object.assign(document.createElement('canvas'), { width: w, height: h });
    const off = new OffscreenCanvas(w, h);
    const outcomes = [onPage, off].map((c) => wasm.drawChart('gradients', c, data, null, style));
    const pixels = (c) => c.getContext('2d').getImageData(0, 0, w, h).data;
    const [a, b] = [pixels(onPage), pixels(off)];
    let differ = 0;
    let inked = 0;
    for (let i = 0; i < a.length; i += 4) {
      if (a[i] !== b[i] || a[i + 1] !== b[i + 1] || a[i + 2] !== b[i + 2] || a[i + 3] !== b[i + 3]) differ += 1;
      if (b[i + 3] > 0 && (b[i] < 200 || b[i + 1] < 200 || b[i + 2] < 200)) inked += 1;
    }
    return { differ, inked, total: a.length / 4, outcomes: outcomes.map((o) => JSON.stringify(o)) };
  });
  // A chart was drawn (axes, labels, three series: thousands of dark pixels), the same both ways.
  expect(r.inked).toBeGreaterThan(2000);
  expect(r.differ).toBe(0);
  expect(r.outcomes[1]).toBe(r.outcomes[0]);
});
