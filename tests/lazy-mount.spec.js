// Cells below the fold mount when they come near the viewport (issue 10 §3): the main widget at
// once, the others as their slot nears. Their URL values survive until they mount, printing
// mounts and draws every cell, and `mountAll()` serves tests that read cells anywhere.
import { test } from '@playwright/test';
import { expect, openPage, settle } from './helpers.js';

/** Opens the page without mounting every cell (unlike helpers.js `openPage`). */
async function openLazy(page, hash = '') {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  await page.goto(`./${hash ? `#${hash}` : ''}`);
  await page.evaluate(() => window.gradscope.ready);
  await page.waitForFunction(() => window.gradscope.cells.grad?.frames > 0);
  return problems;
}

const mounted = (page) => page.evaluate(() => Object.keys(window.gradscope.cells));

test('cells far below the fold mount only when scrolled near; their URL values wait for them', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const problems = await openLazy(page, 'svd.n=7&svd.s=0.5');
  await page.waitForTimeout(300);
  const first = await mounted(page);
  expect(first).toContain('grad');
  expect(first).not.toContain('spectrum'); // the last section: many screens below
  await expect(page.locator('#slot-spectrum')).toHaveAttribute('data-mount', 'pending');
  expect(await page.evaluate(() => performance.getEntriesByName('gradscope:first-plot').length)).toBe(1);
  // A change to the main widget rewrites the hash; the spectrum's values stay in it.
  await page.locator('#g-sigma-range').focus();
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /(^|[#&])sigma=/.test(window.location.hash));
  const hash = await page.evaluate(() => window.location.hash);
  expect(hash).toContain('svd.n=7');
  expect(hash).toContain('svd.s=0.5');
  // Scrolled near, the spectrum mounts with them and draws.
  await page.locator('#slot-spectrum').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.gradscope.cells.spectrum?.frames > 0);
  const state = await page.evaluate(() => ({ ...window.gradscope.cells.spectrum.state }));
  expect(state.size).toBe(7);
  expect(state.sigma).toBe(0.5);
  await expect(page.locator('#slot-spectrum')).not.toHaveAttribute('data-mount', /.*/);
  expect(problems).toEqual([]);
});

test('printing mounts and draws every cell at once; mountAll mounts them all', async ({ page }) => {
  const problems = await openLazy(page);
  await page.evaluate(() => window.gradscope.preload);
  const before = await mounted(page);
  const names = await page.$$eval('[data-cell]', (slots) => slots.map((s) => s.dataset.cell));
  expect(before.length).toBeLessThan(names.length);
  // In one task: beforeprint, then every cell is there and has drawn its frame.
  const printed = await page.evaluate(() => {
    window.dispatchEvent(new Event('beforeprint'));
    return [...document.querySelectorAll('[data-cell]')].map((slot) => {
      const name = slot.dataset.cell;
      const cell = window.gradscope.cells[name === 'gradients' ? 'grad' : name];
      return { name, frames: cell?.frames ?? -1, pending: slot.dataset.mount ?? null };
    });
  });
  for (const c of printed) {
    expect(c.frames, c.name).toBeGreaterThan(0);
    expect(c.pending, c.name).toBe(null);
  }
  const all = await page.evaluate(async () => Object.keys(await window.gradscope.mountAll()));
  expect(all.length).toBe(names.length);
  expect(problems).toEqual([]);
});

test('a chart is not drawn again when its section scrolls back into view, only when its size changes', async ({ page }) => {
  // Sections far from the viewport are skipped (content-visibility: auto); coming back, each
  // canvas is reported by its ResizeObserver at the size it was drawn. Before, every report
  // redrew the chart (7 drawings for two passes down and up the notebook).
  await page.setViewportSize({ width: 1280, height: 900 });
  const problems = await openPage(page);
  await settle(page);
  const draws = () => page.evaluate(() => Object.fromEntries(Object.entries(window.gradscope.cells).map(([n, c]) => [n, c.draws])));
  const before = await draws();
  expect(Object.keys(before).length).toBeGreaterThan(10);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let pass = 0; pass < 2; pass += 1) {
    for (const dir of [1, -1]) {
      for (let y = 0; y <= height; y += 600) {
        await page.mouse.wheel(0, 600 * dir);
        await page.waitForTimeout(40);
      }
    }
  }
  await settle(page);
  expect(await draws()).toEqual(before);
  // A real change of size still redraws: every chart is as wide as its column.
  await page.setViewportSize({ width: 900, height: 900 });
  await page.evaluate(() => window.gradscope.cells.grad.root.scrollIntoView());
  await page.waitForFunction((d) => window.gradscope.cells.grad.draws > d, before.grad);
  expect(problems).toEqual([]);
});
