// Vanishing gradients (section 2): the sigmoid figure and the deep sigmoid stack beside the
// same stack with ReLU. Real wasm, real canvas, real Chromium.
import { test } from '@playwright/test';
import { canvasFingerprint, expect, settle } from './helpers.js';
import { openCell, setField } from './cell-helpers.js';

// ---------------------------------------------------------------------------------------------
// sigmoid (prefix sig)
// ---------------------------------------------------------------------------------------------

/** The page position of data x on the sigmoid chart, from the plot area the chart reported,
 * once the page's layout has settled (cells mounting near the viewport, or a font arriving, move
 * the chart: a position read before that points beside it). */
async function sigmoidPosition(page, x) {
  let last = null;
  for (let i = 0; i < 40; i += 1) {
    const p = await positionNow(page, x);
    if (last && p.x === last.x && p.y === last.y) return p;
    last = p;
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  }
  return last;
}

async function positionNow(page, x) {
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
  // The preset kept its own state through the reload (the reloaded page mounts it when it comes
  // near; mountAll() mounts it now).
  await page.evaluate(() => window.gradscope.mountAll());
  await page.waitForFunction(() => window.gradscope.cells['vanishing-preset']?.computes > 0);
  expect(await page.evaluate(() => window.gradscope.cells['vanishing-preset'].state.depth)).toBe(12);
});
