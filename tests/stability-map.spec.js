// The stability map: its critical line agrees with the engine, it fills in over several frames,
// and a click (or the keyboard) loads that σ and depth into the main widget.
import { test } from '@playwright/test';
import { expect, openPage, readTable } from './helpers.js';

const mapCell = (page) => page.evaluate(() => {
  const c = window.gradscope.cells['stability-map'];
  return { complete: c.complete, done: c.columns.filter(Boolean).length, total: c.columns.length };
});

async function openMap(page, hash) {
  const problems = await openPage(page, { hash });
  await page.locator('#cell-stability-map').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => window.gradscope.cells['stability-map']?.complete === true, null, { timeout: 60_000 });
  return problems;
}

for (const activation of ['tanh', 'relu']) {
  test(`${activation}: the map's critical σ at depth 50 is within 10 % of where the engine's backward ratio crosses 1`, async ({ page }) => {
    const problems = await openMap(page, `map.act=${activation}&map.width=64&map.depth=50`);
    const edge = Number(await page.getAttribute('#cell-stability-map [data-out="summary"]', 'data-edge'));
    expect(Number.isFinite(edge)).toBe(true);
    // Independently: a fresh engine, the depth-50 network itself, bisected on log σ.
    const crossing = await page.evaluate((act) => {
      const engine = new window.gradscope.wasm.Engine();
      const ratio = (sigma) => {
        const r = engine.gradients({ depth: 50, width: 64, batch: 16, activation: act, init: 'normal', sigma, seed: 1, precision: 'f64' });
        return Math.log10(r.layers[0].backward_norm / r.layers[49].backward_norm);
      };
      let lo = -2;
      let hi = 0;
      if (!(ratio(10 ** lo) < 0 && ratio(10 ** hi) > 0)) return NaN;
      for (let i = 0; i < 40; i += 1) {
        const mid = (lo + hi) / 2;
        if (ratio(10 ** mid) < 0) lo = mid;
        else hi = mid;
      }
      engine.free();
      return 10 ** ((lo + hi) / 2);
    }, activation);
    expect(Number.isFinite(crossing)).toBe(true);
    expect(Math.abs(edge / crossing - 1)).toBeLessThan(0.1);
    expect(problems).toEqual([]);
  });
}

test('the map fills in over several frames, then says where the stable band is', async ({ page }) => {
  await openMap(page, 'map.columns=64&map.depth=120');
  // A new depth starts a new map now, while the test watches: the map that every cell's mount
  // started could be complete before the first look (its columns come from the Worker while the
  // page opens).
  await page.evaluate(() => window.gradscope.cells['stability-map'].input('depth', '119'));
  const seen = [];
  for (let i = 0; i < 2000; i += 1) {
    const s = await mapCell(page);
    seen.push(s);
    if (s.complete && seen.some((x) => !x.complete)) break;
  }
  // A partial map was on screen: some columns done, not all.
  expect(seen.some((s) => !s.complete && s.done > 0 && s.done < s.total)).toBe(true);
  await page.waitForFunction(() => window.gradscope.cells['stability-map'].complete);
  const summary = await page.textContent('#cell-stability-map [data-out="summary"]');
  expect(summary).toContain('σ*');
  const stable = await page.evaluate(() => window.gradscope.cells['stability-map'].outcome.stable_cells);
  expect(stable).toBeGreaterThan(0);
});

test('clicking the map loads that σ and depth into the main widget', async ({ page }) => {
  await openMap(page, 'map.act=relu&map.width=32&map.depth=40');
  const canvas = page.locator('#cell-stability-map canvas');
  const box = await canvas.boundingBox();
  const expected = await page.evaluate(async ({ fx, L }) => {
    const { pointToSetting } = await import('./www/cells/stability-map.js');
    const c = window.gradscope.cells['stability-map'];
    const el = document.querySelector('#cell-stability-map canvas');
    const o = c.outcome;
    const x = o.left + fx * (o.right - o.left);
    // The centre of the row of depth L, so that a rounded pixel cannot land on the next row.
    const y = o.bottom - ((L - o.depth_min) / (o.depth_max - o.depth_min)) * (o.bottom - o.top);
    const r = el.getBoundingClientRect();
    // One CSS pixel of x, in log₁₀ σ: the tolerance on σ for a click rounded to a pixel.
    const perPixel = ((o.log_sigma_max - o.log_sigma_min) / (o.right - o.left)) * (el.width / r.width);
    return { point: pointToSetting(o, x, y), cssX: (x * r.width) / el.width, cssY: (y * r.height) / el.height, perPixel, computes: window.gradscope.cells.grad.computes };
  }, { fx: 0.6, L: 29 });
  await canvas.click({ position: { x: expected.cssX, y: expected.cssY } });
  await page.waitForFunction((n) => window.gradscope.cells.grad.computes > n, expected.computes);
  const state = await page.evaluate(() => ({ ...window.gradscope.cells.grad.state }));
  expect(expected.point.depth).toBe(29);
  expect(state.depth).toBe(29);
  expect(Math.abs(Math.log10(state.sigma / expected.point.sigma))).toBeLessThanOrEqual(2 * expected.perPixel + 3e-4);
  expect(state.activation).toBe('relu');
  expect(state.width).toBe(32);
  const rows = await readTable(page);
  expect(rows.length).toBe(expected.point.depth);
  expect(box.width).toBeGreaterThan(100);
});

test('the keyboard reaches every point: arrows move a cursor, Enter loads it', async ({ page }) => {
  await openMap(page, 'map.depth=30');
  const canvas = page.locator('#cell-stability-map canvas');
  await canvas.focus();
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowUp']) await page.keyboard.press(key);
  const cursor = await page.evaluate(() => ({ ...window.gradscope.cells['stability-map'].cursor }));
  expect(cursor.depth).toBe(16);
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.gradscope.cells.grad.state.depth)).toBe(16);
  expect(await page.evaluate(() => window.gradscope.cells.grad.state.sigma)).toBeCloseTo(cursor.sigma, 10);
});
