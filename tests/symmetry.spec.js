// Symmetry (section 4): a small network trained step by step; a constant initialization keeps
// the hidden units identical, dropout or a random one breaks the tie. Real wasm, real Chromium.
import { test } from '@playwright/test';
import { afterFrames, expect, openCell, settle, stepSymmetry, symmetryStep, symmetryWeights } from './cell-helpers.js';

const maxPairDifference = (rows) => {
  let d = 0;
  for (const a of rows) for (const b of rows) a.forEach((x, j) => { d = Math.max(d, Math.abs(x - b[j])); });
  return d;
};

test.describe('symmetry', () => {
  test('constant init without dropout: every unit keeps exactly the same weights', async ({ page }) => {
    const problems = await openCell(page, 'symmetry', 'sym.h=4&sym.speed=10');
    const start = await symmetryWeights(page);
    expect(start.length).toBe(4);
    // Step 0: every weight is c = 0.5.
    for (const row of start) expect(row).toEqual([0.5, 0.5]);
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await page.waitForFunction(() => Number(document.querySelector('#cell-symmetry [data-out="counter"]').dataset.step) >= 100);
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await settle(page);
    const rows = await symmetryWeights(page);
    // The weights moved away from c (training happened) …
    expect(Math.abs(rows[0][0] - 0.5)).toBeGreaterThan(1e-3);
    // … and every unit's weights are bitwise equal to unit 1's: the difference is 0, not small.
    for (const row of rows) expect(row).toEqual(rows[0]);
    expect(maxPairDifference(rows)).toBe(0);
    const verdict = page.locator('#cell-symmetry [data-out="verdict"]');
    await expect(verdict).toHaveAttribute('data-identical', 'true');
    await expect(verdict).toHaveAttribute('data-difference', '0');
    await expect(verdict).toContainText('differ by exactly 0');
    expect(problems).toEqual([]);
  });

  test('dropout breaks the tie after some steps', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.h=3');
    await page.locator('#sym-dropout').check();
    await settle(page);
    expect(await symmetryStep(page)).toBe(0); // switching dropout starts over
    expect(maxPairDifference(await symmetryWeights(page))).toBe(0);
    await stepSymmetry(page, 5);
    expect(await symmetryStep(page)).toBe(5);
    const rows = await symmetryWeights(page);
    const d = maxPairDifference(rows);
    expect(d).toBeGreaterThan(0);
    const verdict = page.locator('#cell-symmetry [data-out="verdict"]');
    await expect(verdict).toHaveAttribute('data-identical', 'false');
    // The sentence's number is the engine's max_unit_difference, which the table reproduces.
    expect(Number(await verdict.getAttribute('data-difference'))).toBe(d);
    await expect(verdict).toContainText('differ by up to');
  });

  test('random initialization: the units differ from step 0', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.init=normal&sym.s=0.5&sym.h=2');
    expect(await symmetryStep(page)).toBe(0);
    const rows = await symmetryWeights(page);
    expect(maxPairDifference(rows)).toBeGreaterThan(0);
    await expect(page.locator('#cell-symmetry [data-out="verdict"]')).toHaveAttribute('data-identical', 'false');
  });

  test('play advances steps in animation frames; pause stops them', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.speed=3');
    const read = () => page.evaluate(() => {
      const c = window.gradscope.cells.symmetry;
      return { frames: c.frames, step: Number(document.querySelector('#cell-symmetry [data-out="counter"]').dataset.step) };
    });
    const before = await read();
    await page.waitForTimeout(300);
    const idle = await read();
    expect(idle).toEqual(before); // nothing runs while paused
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await expect(page.locator('#cell-symmetry [data-action="play"]')).toHaveAttribute('aria-pressed', 'true');
    await page.waitForFunction((f) => window.gradscope.cells.symmetry.frames >= f + 10, idle.frames);
    const playing = await read();
    expect(playing.step).toBeGreaterThanOrEqual(3 * 8); // 3 steps per frame, over ≥ 8 frames
    // Never more than the speed in one frame (the first playing frame takes one step, to measure
    // its cost: run-playback.js).
    expect(playing.step).toBeLessThanOrEqual(3 * (playing.frames - idle.frames));
    // Playing, the step moves from one frame to the next.
    await afterFrames(page, 5);
    expect((await read()).step).toBeGreaterThan(playing.step);
    await page.locator('#cell-symmetry [data-action="play"]').click();
    await expect(page.locator('#cell-symmetry [data-action="play"]')).toHaveAttribute('aria-pressed', 'false');
    await settle(page);
    // Paused, the step stays where it is over many frames, and so does the loop.
    const paused = await read();
    await afterFrames(page, 20);
    expect(await read()).toEqual(paused);
  });

  test('a bad learning rate is clamped with a note; the state lives in the URL', async ({ page }) => {
    await openCell(page, 'symmetry', 'sym.lr=99&sym.h=abc');
    await expect(page.locator('#sym-note-lr')).toBeVisible();
    await expect(page.locator('#sym-note-hidden')).toBeVisible();
    const state = await page.evaluate(() => ({ ...window.gradscope.cells.symmetry.state }));
    expect(state.lr).toBe(10);
    expect(state.hidden).toBe(2);
    await page.locator('#sym-hidden').fill('5');
    await page.locator('#sym-hidden').press('Tab');
    await settle(page);
    expect((await symmetryWeights(page)).length).toBe(5);
    await expect(page).toHaveURL(/sym\.h=5/);
  });
});
