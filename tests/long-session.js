// A long session on the notebook page (issue 11 §3): σ moved back and forth, then the training
// cell played on and started over, while the wasm memory of the page and of the engine's Worker
// and the frame rate are measured. tests/timing.spec.js runs it with a reduced count and checks
// it; `npm run bench` runs it at full length (scripts/bench/long-session.mjs). Each step takes a
// Playwright page of the notebook, opened and ready, and drives it through what the page offers
// its users and tests: `window.gradscope.cells[…].input`, the training cell's play and start-over
// buttons and its step counter.

/** Animation frames per second over `ms`, measured in the page. */
export const frameRate = (page, ms = 1000) =>
  page.evaluate(
    (ms) =>
      new Promise((ok) => {
        let n = 0;
        const start = performance.now();
        const tick = (now) => {
          n += 1;
          if (now - start < ms) requestAnimationFrame(tick);
          else ok((n * 1000) / (now - start));
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );

/** The median of three one-second frame rates (one alone swings with the machine's load). */
export async function steadyFrameRate(page) {
  const rates = [];
  for (let i = 0; i < 3; i += 1) rates.push(await frameRate(page));
  return rates.sort((a, b) => a - b)[1];
}

/** The wasm memory of the page and of the main widget's Worker, in bytes. */
export const memory = (page) =>
  page.evaluate(async () => ({
    page: window.gradscope.wasm.memoryBytes(),
    worker: (await window.gradscope.engineHost.call('memoryBytes', 'gradients')).result,
  }));

/** Moves σ of the main widget and of the product cell `n` times, each time waiting for its numbers. */
export const moveSigma = (page, n) =>
  page.evaluate(async (n) => {
    const { grad, product } = window.gradscope.cells;
    for (let i = 0; i < n; i += 1) {
      const sigma = String(i % 2 ? 0.05 : 3);
      grad.input('sigma', sigma);
      product.input('sigma', sigma);
      await window.gradscope.settled();
    }
    return { grad: grad.computes, product: product.computes };
  }, n);

/**
 * Plays the training cell through its buttons: play until `round` steps (or until it stops by
 * itself at its last step), start over, and again, until `steps` steps have been played in all.
 * The page's wasm memory is read after the first 100 steps (`base`) and at the end. Each start
 * over must free the runs it replaces: `objects` counts the wasm-bindgen objects replaced,
 * `freed` those whose pointer wasm-bindgen has cleared (null when the cell does not show its
 * runs).
 */
export async function playTraining(page, { steps, round }) {
  const training = page.locator('#cell-training');
  await training.scrollIntoViewIfNeeded();
  await training.locator('[data-action="play"]').waitFor();
  return page.evaluate(
    async ({ steps, round }) => {
      const root = document.getElementById('cell-training');
      const play = root.querySelector('[data-action="play"]');
      const reset = root.querySelector('[data-action="reset"]');
      const counter = root.querySelector('[data-out="counter"]');
      const step = () => Number(counter.dataset.step ?? 0);
      const playing = () => play.getAttribute('aria-pressed') === 'true';
      const until = (f) => new Promise((ok) => { const t = () => (f() ? ok() : setTimeout(t, 20)); t(); });
      const t0 = performance.now();
      const cell = window.gradscope.cells.training;
      // The runs train in a Worker (the notebook): its memory and its count of freed runs; else
      // this thread's memory and the runs' own wasm-bindgen pointers.
      const remote = Boolean(cell.workerRuns);
      const memoryBytes = async () => (remote ? cell.workerMemory() : window.gradscope.wasm.memoryBytes());
      play.click();
      await until(() => step() >= 100);
      const base = await memoryBytes();
      const counts0 = remote ? await cell.workerRuns() : null;
      let played = 0;
      let rounds = 0;
      let objects = 0;
      let freed = 0;
      const runs = () => (remote ? cell.runs : cell.runs?.map((r) => r.run));
      while (played < steps) {
        if (!playing()) play.click();
        const goal = Math.min(round, steps - played);
        await until(() => step() >= goal || !playing());
        played += step();
        rounds += 1;
        const replaced = runs() ?? [];
        reset.click();
        await window.gradscope.settled();
        objects += replaced.length;
        if (!remote) freed += replaced.filter((r) => r.__wbg_ptr === 0).length;
      }
      if (playing()) play.click();
      if (remote) {
        // The Worker counts the runs it replaced and those whose wasm object it freed.
        const counts = await cell.workerRuns();
        objects = counts.replaced - counts0.replaced;
        freed = counts.freed - counts0.freed;
      }
      const objectsFreed = runs() ? { objects, freed } : { objects: null, freed: null };
      return { base, end: await memoryBytes(), steps: played, rounds, ...objectsFreed, remote, ms: performance.now() - t0 };
    },
    { steps, round },
  );
}

/**
 * The whole session: the frame rate at the start (steadyFrameRate), `sigmaMoves` moves of σ (memory read after the
 * first 100 and at the end), `trainingSteps` steps of training in rounds of `round`, the frame
 * rate at the end. Returns the numbers; the caller judges them.
 */
export async function longSession(page, { sigmaMoves, trainingSteps, round }) {
  // The start is measured once the stability map has filled in (from its own Worker, at load).
  await page.waitForFunction(() => window.gradscope.cells['stability-map']?.complete !== false, null, { timeout: 120_000 });
  const fpsStart = await steadyFrameRate(page);
  const t0 = Date.now();
  const first = await moveSigma(page, 100);
  const base = await memory(page);
  const moved = await moveSigma(page, sigmaMoves - 100);
  const end = await memory(page);
  const sigmaMs = Date.now() - t0;
  const training = await playTraining(page, { steps: trainingSteps, round });
  const fpsEnd = await steadyFrameRate(page);
  return {
    sigma: { moves: sigmaMoves, computes: { grad: moved.grad, product: moved.product }, computesAt100: first, memoryAt100: base, memoryEnd: end, ms: sigmaMs },
    training,
    fps: { start: fpsStart, end: fpsEnd },
  };
}
