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
