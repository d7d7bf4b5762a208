import { test } from '@playwright/test';
test('shots', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto('./');
  await page.evaluate(() => window.gradscope.ready);
  await page.waitForTimeout(1500);
  for (const n of (process.env.CELLS || 'gradients').split(',')) {
    await page.locator(`#cell-${n}`).screenshot({ path: `/tmp/shot-${n}.png` });
  }
});
