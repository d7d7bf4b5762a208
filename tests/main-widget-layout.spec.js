// The main widget while dragging: on a 1366 × 768 screen the σ slider and the chart are in view
// together; the per-layer gain readout is the theory's number.
import { test } from '@playwright/test';
import { expect, openPage } from './helpers.js';

test('at 1366 × 768 the σ slider and the whole chart are in view at once', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await openPage(page);
  const slider = page.locator('#cell-gradients input[type="range"][data-field="sigma"]');
  await slider.scrollIntoViewIfNeeded();
  const view = await page.evaluate(() => {
    const box = (el) => el.getBoundingClientRect();
    const s = box(document.querySelector('#cell-gradients input[type="range"][data-field="sigma"]'));
    const c = box(document.querySelector('#cell-gradients canvas'));
    return { s: [s.top, s.bottom], c: [c.top, c.bottom, c.left, c.right], h: innerHeight, w: innerWidth };
  });
  for (const [top, bottom] of [view.s, view.c.slice(0, 2)]) {
    expect(top).toBeGreaterThanOrEqual(0);
    expect(bottom).toBeLessThanOrEqual(view.h);
  }
  expect(view.c[3]).toBeLessThanOrEqual(view.w);
  // Dragging σ with the keyboard keeps both in view (the chart stays put while the page does not scroll).
  await slider.focus();
  for (let i = 0; i < 5; i += 1) await page.keyboard.press('ArrowRight');
  const after = await page.evaluate(() => document.querySelector('#cell-gradients canvas').getBoundingClientRect().bottom);
  expect(after).toBeLessThanOrEqual(view.h);
});

test('the per-layer gain readout is the theory: σ√n for a linear network, 1 for ReLU with He', async ({ page }) => {
  await openPage(page, { hash: 'act=identity&init=normal&sigma=0.2&width=64' });
  const gain = () => page.getAttribute('#cell-gradients [data-out="gain"]', 'data-value').then(Number);
  expect(await gain()).toBeCloseTo(0.2 * Math.sqrt(64), 9);
  expect(await page.getAttribute('#cell-gradients [data-out="gain"]', 'data-side')).toBe('above');
  await page.goto('about:blank');
  await openPage(page, { hash: 'act=relu&init=he-normal&sigma=1' });
  expect(Math.abs((await gain()) - 1)).toBeLessThan(1e-3);
  expect(await page.getAttribute('#cell-gradients [data-out="gain"]', 'data-side')).toBe('at');
});
