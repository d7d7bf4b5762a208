// Beyond the chapter (section 7): training from several initializers, with activation
// histograms, and LARS against plain SGD. Real wasm, real Chromium.
import { test } from '@playwright/test';
import { expect, openCell, settle } from './cell-helpers.js';

const step = (page, id) => page.$eval(`#cell-${id} [data-out="counter"]`, (el) => Number(el.dataset.step));

test.describe('training', () => {
  test('table losses equal a fresh engine run; play advances across frames, pause stops', async ({ page }) => {
    const problems = await openCell(page, 'training', 'train.speed=3&train.n1=1&train.lecun=1');
    expect(await step(page, 'training')).toBe(0);
    const play = page.locator('#cell-training [data-action="play"]');
    await play.click();
    const framesAtPlay = await page.evaluate(() => window.gradscope.cells.training.frames);
    await page.waitForFunction(() => Number(document.querySelector('#cell-training [data-out="counter"]').dataset.step) >= 30);
    await play.click();
    await settle(page);
    const framesAtPause = await page.evaluate(() => window.gradscope.cells.training.frames);
    expect(framesAtPause - framesAtPlay).toBeGreaterThanOrEqual(10); // 3 steps per frame, not all at once
    const stopped = await step(page, 'training');
    await page.waitForTimeout(300);
    await settle(page);
    expect(await step(page, 'training')).toBe(stopped);
    // At most 3 steps (the speed) per playing frame; fewer when the steps cost more than the
    // frame's budget (run-playback.js). One frame may have run before framesAtPlay was read.
    expect(stopped).toBeLessThanOrEqual(3 * (framesAtPause - framesAtPlay + 1));
    const rows = await page.$$eval('#cell-training [data-out="loss-table"] tbody tr', (trs) =>
      trs.map((r) => ({ id: r.dataset.init, loss: Number(r.cells[1].dataset.value) })),
    );
    expect(rows.map((r) => r.id)).toEqual(['n001', 'n1', 'xavier', 'he', 'lecun', 'torch']);
    const fresh = await page.evaluate(async (n) => {
      const { wasm } = window.gradscope;
      const { declaredRuns, runSettings } = await import('./www/cells/training.js');
      const { cellFields } = await import('./www/state.js');
      const INITS = declaredRuns(cellFields(wasm, 'training').fields);
      const state = window.gradscope.cells.training.state;
      return INITS.map((c) => wasm.runDeepTraining(runSettings(state, c), n).losses[n]);
    }, stopped);
    rows.forEach((r, i) => expect(r.loss).toBe(fresh[i]));
    // The scaled schemes train; N(0, 0.01²) barely moves from its start (the vanishing signal).
    const byId = Object.fromEntries(rows.map((r) => [r.id, r.loss]));
    const start = await page.evaluate(async () => {
      const { wasm } = window.gradscope;
      const { declaredRuns, runSettings } = await import('./www/cells/training.js');
      const { cellFields } = await import('./www/state.js');
      const INITS = declaredRuns(cellFields(wasm, 'training').fields);
      const state = window.gradscope.cells.training.state;
      return Object.fromEntries(INITS.map((c) => [c.id, wasm.runDeepTraining(runSettings(state, c), 0).losses[0]]));
    });
    expect(byId.he).toBeLessThan(start.he);
    expect(byId.n001).toBeGreaterThan(0.9 * start.n001);
    expect(problems).toEqual([]);
  });

  test('steps per frame adapt to their cost; the numbers equal the same steps done one at a time', async ({ page }) => {
    const problems = await openCell(page, 'training', 'train.speed=20&train.n1=1&train.lecun=1');
    const rule = await page.evaluate(async () => {
      const { stepsForFrame } = await import('./www/cells/run-playback.js');
      return [stepsForFrame(20, null, 8), stepsForFrame(20, 0.001, 8), stepsForFrame(20, 1, 8), stepsForFrame(20, 100, 8), stepsForFrame(3, 0, 8)];
    });
    expect(rule).toEqual([1, 20, 8, 1, 3]);
    // A small budget so that the batching varies from frame to frame with the measured cost.
    await page.evaluate(() => {
      const cell = window.gradscope.cells.training;
      cell.frameBudgetMs = 0.3;
      window.__batches = new Set();
      const watch = () => {
        if (cell.playing && cell.stepsPerFrame > 0) window.__batches.add(cell.stepsPerFrame); // 0: no playing frame yet
        if (cell.step < 120) requestAnimationFrame(watch);
      };
      requestAnimationFrame(watch);
    });
    const play = page.locator('#cell-training [data-action="play"]');
    await play.click();
    await page.waitForFunction(() => window.gradscope.cells.training.step >= 120);
    await play.click();
    await settle(page);
    const shown = await step(page, 'training');
    const check = await page.evaluate(async () => {
      const { wasm } = window.gradscope;
      const { runSettings } = await import('./www/cells/training.js');
      const cell = window.gradscope.cells.training;
      return cell.runs.map((r) => {
        const one = new wasm.DeepRun(runSettings(cell.state, r.choice));
        let snapshot = null;
        for (let i = 0; i < cell.step; i += 1) snapshot = one.step(1);
        const losses = Array.from(one.losses());
        one.free();
        return { id: r.choice.id, same: losses.length === r.losses.length && losses.every((v, i) => Object.is(v, r.losses[i])), loss: snapshot.loss, shown: r.snapshot.loss };
      });
    });
    const cellStep = await page.evaluate(() => window.gradscope.cells.training.step);
    expect(shown).toBe(cellStep);
    expect(check.length).toBe(6);
    for (const r of check) {
      expect(r.same, `${r.id}: every loss of the batched run equals the one-step-at-a-time run`).toBe(true);
      expect(r.shown).toBe(r.loss);
    }
    const batches = await page.evaluate(() => [...window.__batches]);
    expect(batches.length).toBeGreaterThan(0);
    expect(Math.max(...batches)).toBeLessThanOrEqual(20);
    expect(Math.min(...batches)).toBeGreaterThanOrEqual(1);
    expect(problems).toEqual([]);
  });

  test('histogram counts sum to hidden units × examples in every layer', async ({ page }) => {
    await openCell(page, 'training', 'train.depth=3&train.w=10&train.hist=xavier');
    await page.locator('#cell-training [data-action="step"]').click();
    await settle(page);
    const rows = await page.$$eval('#cell-training [data-out="hist-table"] tbody tr', (trs) =>
      trs.map((r) => ({
        total: Number(r.cells[1].dataset.value),
        counts: r.cells[2].dataset.counts.split(',').map(Number),
        nonFinite: Number(r.cells[2].dataset.nonFinite),
      })),
    );
    expect(rows.length).toBe(3);
    for (const r of rows) {
      expect(r.counts.reduce((a, b) => a + b, 0) + r.nonFinite).toBe(10 * 128);
      expect(r.total).toBe(10 * 128);
      expect(r.counts.length).toBe(20);
    }
    expect(await page.evaluate(() => window.gradscope.cells.training.histOutcome.panels)).toBe(3);
  });

  test('bad values are clamped and noted, the page keeps working', async ({ page }) => {
    const problems = await openCell(page, 'training', 'train.depth=99&train.lr=abc');
    await expect(page.locator('#train-note-depth')).toBeVisible();
    await expect(page.locator('#train-note-lr')).toBeVisible();
    expect(await page.evaluate(() => window.gradscope.cells.training.state.depth)).toBe(8);
    expect(await page.$$eval('#cell-training [data-out="loss-table"] tbody tr', (r) => r.length)).toBe(4);
    expect(problems).toEqual([]);
  });
});

test.describe('lars', () => {
  test('without LARS the loss diverges, with LARS it stays finite and falls', async ({ page }) => {
    const problems = await openCell(page, 'lars', 'lars.speed=5');
    await page.locator('#cell-lars [data-action="play"]').click();
    await page.waitForFunction(() => Number(document.querySelector('#cell-lars [data-out="counter"]').dataset.step) >= 100);
    await page.locator('#cell-lars [data-action="play"]').click();
    await settle(page);
    const rows = await page.$$eval('#cell-lars [data-out="loss-table"] tbody tr', (trs) =>
      Object.fromEntries(trs.map((r) => [r.dataset.run, {
        diverged: r.dataset.diverged,
        start: Number(r.cells[1].dataset.value),
        now: Number(r.cells[2].dataset.value),
        peak: Number(r.cells[3].dataset.value),
      }])),
    );
    const outcome = await page.evaluate(() => window.gradscope.cells.lars.outcome);
    // Plain SGD: an overflow marker on the chart, or a loss more than 10× its start.
    expect(rows.sgd.diverged).toBe('true');
    expect(outcome.overflow_markers > 0 || rows.sgd.peak > 10 * rows.sgd.start).toBe(true);
    expect(rows.lars.start).toBe(rows.sgd.start); // the same network and data
    expect(rows.lars.diverged).toBe('false');
    expect(Number.isFinite(rows.lars.now)).toBe(true);
    expect(rows.lars.now).toBeLessThan(1e-2 * rows.lars.start);
    await expect(page.locator('#cell-lars [data-out="verdict"]')).toContainText('diverges');
    // Trust ratios: one per layer (hidden + output). Step k scales layer l by
    // τ = ‖Wˡ‖/‖∂ℓ/∂Wˡ‖ with the weights before the step, which are the weights after step
    // k − 1. A fresh run from the same settings, stepped independently, gives both norms.
    const trust = await page.$$eval('#cell-lars [data-out="trust-table"] tbody tr', (trs) =>
      trs.map((r) => [1, 2, 3].map((i) => Number(r.cells[i].dataset.value))),
    );
    const fresh = await page.evaluate(async () => {
      const { larsSettings } = await import('./www/cells/lars.js');
      const cell = window.gradscope.cells.lars;
      const run = new window.gradscope.wasm.DeepRun(larsSettings(cell.state, true));
      const before = run.step(cell.step - 1).report;
      const after = run.step(1).report;
      run.free();
      return { before: before.layer_weight_norms, after };
    });
    const layers = Number(await page.evaluate(() => window.gradscope.cells.lars.state.depth)) + 1;
    expect(trust.length).toBe(layers);
    expect(fresh.after.trust_ratios.length).toBe(layers);
    // Each norm is one f64 sum and square root, the ratio one correctly rounded division of
    // the same two doubles: the run is deterministic (full batch), so the only room is the
    // rounding of that division, ε relative.
    const close = (a, b) => Math.abs(a - b) <= Number.EPSILON * Math.abs(b);
    trust.forEach(([tau, weight, grad], l) => {
      expect(close(grad, fresh.after.layer_grad_norms[l])).toBe(true);
      expect(close(weight, fresh.after.layer_weight_norms[l])).toBe(true);
      const definition = fresh.before[l] / grad;
      // τ falls back to 1 when a norm is 0 or the ratio is not finite (deep_training.rs).
      const expected = fresh.before[l] > 0 && grad > 0 && Number.isFinite(definition) ? definition : 1;
      expect(close(tau, expected), `layer ${l + 1}: τ ${tau} vs ${expected}`).toBe(true);
    });
    expect(problems).toEqual([]);
  });
});

test('the training cell’s PyTorch script trains exactly the initializers that are ticked, each with its σ', async ({ page }) => {
  await openCell(page, 'training', 'train.n001=1&train.n1=1&train.xavier=0&train.he=1&train.torch=0&train.w=24');
  const panel = page.locator('#cell-training .pytorch');
  await panel.locator('.pytorch-toggle').click();
  // The script's generator loads when a panel first opens.
  await expect(panel.locator('code')).toContainText('inits = ');
  const code = await panel.locator('code').textContent();
  expect(code).toMatch(/inits = \["n001", "n1", "he"\]/);
  expect(code).toMatch(/if init == "n001":\n\s+sigma = 0\.01/);
  expect(code).toMatch(/elif init == "n1":\n\s+sigma = 1\.0/);
  expect(code).toMatch(/d, depth, width, N = \d+, \d+, 24,/);
});
