// Timing, alone: this file runs after every other browser test (playwright.config.js, project
// "alone"), one test at a time, so that no other test's page shares the machine's two cores.
// - The main thread while σ moves at the largest setting: no task over 50 ms, and every input
//   that reaches the chart is measured (gradscope:update). A stray task (a collection, another
//   process) can pass 50 ms once: the file retries twice; a page that computes or lays out too
//   much on its thread fails every attempt.
// - Long sessions (tests/long-session.js, with a reduced count here; `npm run bench` runs the
//   full one): σ moved back and forth, training played on and started over; the wasm memory of
//   the page and of the engine's Worker stays within 2× of its size after the first 100
//   computes, and the page still draws at its first frame rate.
import { test } from '@playwright/test';
import { expect, openPage, settle } from './helpers.js';
import { longSession } from './long-session.js';
import { openCell } from './cell-helpers.js';

/** From now on, the page's long tasks (ms, rounded) collect in `window.__long`. */
const watchLongTasks = (page) =>
  page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => Math.round(e.duration)))).observe({ type: 'longtask' });
  });

test.describe.configure({ mode: 'serial', retries: 2, timeout: 300_000 });

test('no main-thread task over 50 ms while the training plays at its largest setting: the runs step in a Worker', async ({ page }) => {
  // Six runs of depth 8, width 64, the full batch of 128: one step of all six costs some 20 ms,
  // which on the page's thread held every frame (24 frames/s). In the Worker the page only draws.
  await openCell(page, 'training', 'train.depth=8&train.w=64&train.b=0&train.speed=20&train.n1=1&train.lecun=1');
  const training = page.locator('#cell-training');
  await training.scrollIntoViewIfNeeded();
  await watchLongTasks(page);
  const play = training.locator('[data-action="play"]');
  await play.click();
  await page.waitForFunction(() => window.gradscope.cells.training.step >= 30, null, { timeout: 60_000 });
  // A playing cell does not hold up settled() (its Worker is never idle for long).
  expect(await page.evaluate(() => Promise.race([window.gradscope.settled().then(() => 'settled'), new Promise((ok) => setTimeout(() => ok('waiting'), 3000))]))).toBe('settled');
  expect(await page.evaluate(() => window.gradscope.cells.training.playing)).toBe(true);
  await play.click();
  await settle(page);
  const out = await page.evaluate(async () => {
    const cell = window.gradscope.cells.training;
    return { long: window.__long, inWorker: Boolean(cell.workerRuns), runs: cell.runs.length, live: (await cell.workerRuns()).live, pictures: cell.pictures, step: cell.step };
  });
  expect(out.inWorker).toBe(true);
  expect(out.runs).toBe(6);
  expect(out.live).toBe(6); // the Worker holds exactly the runs shown
  expect(out.pictures).toBeGreaterThan(1);
  expect(out.long, `long tasks (ms): ${out.long.join(', ')}`).toEqual([]);
  // The numbers are the engine's: the shown losses equal a fresh run of as many steps here.
  const same = await page.evaluate(async () => {
    const { wasm } = window.gradscope;
    const { runSettings } = await import('./www/cells/training.js');
    const cell = window.gradscope.cells.training;
    return cell.runs.every((r) => Object.is(wasm.runDeepTraining(runSettings(cell.state, r.choice), cell.step).losses[cell.step], r.snapshot.loss));
  });
  expect(same).toBe(true);
});

// The theory overlay too: its per-layer prediction takes 60–75 ms at depth 200 (tanh), so it is
// asked of the page's Worker, not computed on this thread.
for (const [what, hash] of [
  ['', 'depth=200&width=128&batch=128&prec=f64'],
  [' with the theory overlay shown', 'depth=200&width=128&batch=128&prec=f64&act=tanh&theory=1'],
]) test(`no main-thread task over 50 ms while σ moves at the largest setting${what}; updates are measured`, async ({ page }) => {
  const problems = await openPage(page, { hash });
  // The stability map fills in from its own Worker at load; the drag starts once it is done.
  await page.waitForFunction(() => window.gradscope.cells['stability-map']?.complete, null, { timeout: 120_000 });
  await settle(page);
  expect(await page.evaluate(() => performance.getEntriesByName('gradscope:first-plot').length)).toBe(1);
  await watchLongTasks(page);
  await page.evaluate(() => performance.clearMeasures('gradscope:update'));
  const slider = page.locator('#g-sigma-range');
  await slider.focus();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    await page.waitForTimeout(40);
  }
  await settle(page);
  const { long, updates, computes } = await page.evaluate(() => ({
    long: window.__long,
    updates: performance.getEntriesByName('gradscope:update').map((m) => m.detail),
    computes: window.gradscope.cells.grad.computes,
  }));
  expect(long, `long tasks (ms): ${long.join(', ')}`).toEqual([]);
  expect(updates.length).toBeGreaterThan(0);
  // At this setting a σ change may first draw a preview (preview: true); the exact picture follows.
  expect(updates.every((d) => d.cell === 'gradients' && typeof d.preview === 'boolean')).toBe(true);
  expect(updates.some((d) => d.preview === false)).toBe(true);
  expect(computes).toBeGreaterThan(1);
  // The page shows the latest σ's numbers.
  const shown = await page.evaluate(() => [window.gradscope.cells.grad.settings.sigma, window.gradscope.cells.grad.state.sigma]);
  expect(shown[0]).toBe(shown[1]);
  if (hash.includes('theory=1')) {
    // The overlay shows the latest σ's prediction: the engine's, asked here for comparison.
    const [drawn, fresh] = await page.evaluate(() => {
      const g = window.gradscope.cells.grad;
      return [g.theory?.preact_std, window.gradscope.wasm.predictGradients(g.settings).map((l) => l.preact_std)];
    });
    expect(drawn).toEqual(fresh);
  }
  expect(problems).toEqual([]);
});

// The stability map's theory lines: at depth 200 the crossing takes up to a second of quadrature
// (sigmoid), and σ* some 100 ms (tanh); each change of the map's activation or width asks for
// both, in the map's Worker.
test('no main-thread task over 50 ms while the stability map changes activation and width at depth 200', async ({ page }) => {
  const problems = await openPage(page, { hash: 'map.depth=200&map.act=relu' });
  const map = page.locator('#cell-stability-map');
  await map.scrollIntoViewIfNeeded();
  const done = () => page.waitForFunction(() => {
    const c = window.gradscope.cells['stability-map'];
    return c?.complete && !c.theoryPending;
  }, null, { timeout: 120_000 });
  await done();
  await settle(page);
  await watchLongTasks(page);
  const seen = [];
  for (const [activation, width] of [['sigmoid', 64], ['tanh', 64], ['tanh', 128], ['sigmoid', 16]]) {
    await map.locator('[data-field="activation"]').selectOption(activation);
    await map.locator('[data-field="width"]').fill(String(width));
    await map.locator('[data-field="width"]').dispatchEvent('change');
    await done();
    seen.push(await page.evaluate(() => {
      const c = window.gradscope.cells['stability-map'];
      return { state: { ...c.state }, critical: c.critical, edge: c.edge };
    }));
  }
  const long = await page.evaluate(() => window.__long);
  expect(long, `long tasks (ms): ${long.join(', ')}`).toEqual([]);
  // The lines drawn are those of the settings shown: the engine's, computed here afterwards.
  for (const { state, critical, edge } of seen) {
    const fresh = await page.evaluate((s) => {
      const { wasm } = window.gradscope;
      const settings = { activation: s.activation, width: s.width, depth: s.depth, batch: s.batch, seed: s.seed };
      return { critical: wasm.criticalSigma(settings) ?? null, edge: wasm.theoryCrossing(settings, s.depth) ?? null };
    }, state);
    expect({ critical, edge }, JSON.stringify(state)).toEqual(fresh);
    expect(Number.isFinite(critical) && Number.isFinite(edge)).toBe(true);
  }
  expect(problems).toEqual([]);
});

// The cells below the main widget at their largest settings: on the page's thread the product of
// 10,000 matrices took 1.7 s (and its 20,000 overflow markers 0.6 s more to draw), softmax
// regression's 1,000 steps 0.15 s, the vanishing preset's two networks of depth 200 0.12 s.
test('no main-thread task over 50 ms while the product, softmax and vanishing cells compute at their largest settings', async ({ page }) => {
  const problems = await openPage(page);
  await page.evaluate(async () => {
    await window.gradscope.mountAll();
    await window.gradscope.settled();
  });
  await settle(page);
  await watchLongTasks(page);
  const largest = {
    product: { steps: 10000, sigma: 10, size: 64 },
    softmax: { steps: 1000, per_class: 100, classes: 6, learning_rate: 10 },
    'vanishing-preset': { sigma: 10, depth: 200 },
  };
  for (const [name, fields] of Object.entries(largest)) {
    await page.evaluate(async ([n, f]) => {
      const cell = window.gradscope.cells[n];
      for (const [field, value] of Object.entries(f)) cell.input(field, String(value));
      await window.gradscope.settled();
    }, [name, fields]);
  }
  const out = await page.evaluate(() => ({
    long: window.__long,
    steps: window.gradscope.cells.product.report?.steps.length,
    overflowed: window.gradscope.cells.product.report?.first_overflow != null,
    softmax: window.gradscope.cells.softmax.report != null,
    preset: window.gradscope.cells['vanishing-preset'].lastResult() != null,
  }));
  expect(out.long, `long tasks (ms): ${out.long.join(', ')}`).toEqual([]);
  expect(out).toMatchObject({ steps: 10001, overflowed: true, softmax: true, preset: true });
  expect(problems).toEqual([]);
});

test('σ back and forth and training played on: memory bounded, frame rate kept', async ({ page }) => {
  const problems = await openPage(page);
  const r = await longSession(page, { sigmaMoves: 500, trainingSteps: 1200, round: 400 });
  const { memoryAt100: base, memoryEnd: moved } = r.sigma;
  expect(r.sigma.computesAt100.grad).toBeGreaterThanOrEqual(100);
  expect(r.sigma.computes.grad - r.sigma.computesAt100.grad).toBeGreaterThanOrEqual(400);
  expect(r.sigma.computes.product - r.sigma.computesAt100.product).toBeGreaterThanOrEqual(400);
  expect(moved.page, `page wasm memory ${base.page} → ${moved.page}`).toBeLessThanOrEqual(2 * base.page);
  expect(moved.worker, `Worker wasm memory ${base.worker} → ${moved.worker}`).toBeLessThanOrEqual(2 * base.worker);
  // Training: played on and started over (which frees the runs) three times.
  expect(r.training.steps).toBeGreaterThanOrEqual(1200);
  expect(r.training.rounds).toBeGreaterThanOrEqual(3);
  // Every start over freed the wasm-bindgen objects of the runs it replaced.
  expect(r.training.objects).toBeGreaterThanOrEqual(3);
  expect(r.training.freed).toBe(r.training.objects);
  expect(r.training.end, `training: ${r.training.base} → ${r.training.end}`).toBeLessThanOrEqual(2 * r.training.base);
  // The page still draws as fast as at the start (half as fast at worst on this shared machine:
  // a leak of objects or listeners shows as a far larger drop).
  const { start, end } = r.fps;
  expect(end, `frames per second: ${start.toFixed(1)} at the start, ${end.toFixed(1)} at the end`).toBeGreaterThanOrEqual(0.5 * start);
  expect(problems).toEqual([]);
});
