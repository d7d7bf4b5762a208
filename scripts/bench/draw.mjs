// Issue 10 §2–§4 in the notebook page, for scripts/bench-browser.mjs (and runnable alone:
// `node scripts/bench/draw.mjs [--quick]` against a server it starts):
// - drawing: the main chart's redraw at the defaults, with the canvas calls it makes and the
//   document layouts it forces (none since the lean canvas backend);
// - playback: the training playback's frames and steps per second at the defaults and at the
//   largest training setting, with steps per frame adapting to their cost (the page) and with
//   the cell's speed taken every frame whatever it costs (the old behaviour: budget ∞);
// - lazy mounting: how many cells are mounted when the first plot shows and 2 s after.

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};
const round = (x, d = 3) => (x == null || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** Adds a canvas of the main widget's size to the page, of our own (the widget's may belong to a
 * Worker), as `window.__benchCanvas`: the draw benchmarks draw on it and remove it. */
export async function widgetSizedCanvas(page) {
  await page.evaluate(() => {
    const shown = document.querySelector('#cell-gradients canvas');
    const canvas = document.createElement('canvas');
    canvas.width = shown?.width || 720;
    canvas.height = shown?.height || 450;
    document.body.append(canvas);
    window.__benchCanvas = canvas;
  });
}

/** The main chart's redraw on a canvas of the widget's size, at the default setting: median ms,
 * canvas calls per draw and elements added to the document per draw (plotters' text measuring). */
export async function drawCost(page, { reps = 60 } = {}) {
  await widgetSizedCanvas(page);
  return page.evaluate(async (n) => {
    const { wasm } = window.gradscope;
    const canvas = window.__benchCanvas;
    const engine = new wasm.Engine();
    const s = { ...wasm.defaultSettings() };
    const reports = [];
    for (let i = 0; i < n; i += 1) {
      s.sigma *= 1.01;
      reports.push(engine.gradients(s).layers);
    }
    engine.free();
    const draw = (layers) => wasm.drawChart('gradients', canvas, { layers }, null, { scale: 1 });
    draw(reports[0]); // warm
    // Count the calls of one draw: wrap the context's methods and setters for its duration.
    const P = CanvasRenderingContext2D.prototype;
    const saved = [];
    const calls = {};
    for (const k of Object.getOwnPropertyNames(P)) {
      const d = Object.getOwnPropertyDescriptor(P, k);
      if (typeof d.value === 'function' && k !== 'constructor') {
        saved.push([k, d]);
        P[k] = function counted(...a) { calls[k] = (calls[k] ?? 0) + 1; return d.value.apply(this, a); };
      } else if (d.set) {
        saved.push([k, d]);
        Object.defineProperty(P, k, { ...d, set(v) { calls[`set ${k}`] = (calls[`set ${k}`] ?? 0) + 1; d.set.call(this, v); } });
      }
    }
    let added = 0;
    const observer = new MutationObserver((records) => { for (const r of records) added += r.addedNodes.length; });
    observer.observe(document.body, { childList: true, subtree: true });
    draw(reports[1]);
    await Promise.resolve();
    observer.takeRecords().forEach((r) => { added += r.addedNodes.length; });
    observer.disconnect();
    for (const [k, d] of saved) Object.defineProperty(P, k, d);
    const times = reports.map((layers) => {
      const t0 = performance.now();
      draw(layers);
      return performance.now() - t0;
    });
    canvas.remove();
    times.sort((a, b) => a - b);
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    return {
      canvas: `${canvas.width}x${canvas.height}`,
      samples: times.length,
      median_ms: times[Math.floor(times.length / 2)],
      p90_ms: times[Math.floor(0.9 * times.length)],
      canvas_calls: total,
      canvas_calls_by_kind: calls,
      document_nodes_added: added,
    };
  }, reps);
}

/** Plays the training cell for `ms` at `hash` and returns frames/s and steps/s; `budget` null
 * keeps the page's frame budget, Infinity takes the cell's speed every frame (the old way). */
async function playTraining(browser, url, { ms, budget }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.gradscope.mount('training'));
  await page.waitForFunction(() => window.gradscope.cells.training?.frames > 0, null, { timeout: 60000 });
  await page.locator('#slot-training').scrollIntoViewIfNeeded();
  const out = await page.evaluate(async ([dur, b]) => {
    const cell = window.gradscope.cells.training;
    if (b != null) cell.frameBudgetMs = b;
    const frameGaps = [];
    let last = null;
    let on = true;
    const tick = (t) => {
      if (last != null) frameGaps.push(t - last);
      last = t;
      if (on) requestAnimationFrame(tick);
    };
    cell.setPlaying(true);
    await new Promise((ok) => setTimeout(ok, 300)); // the cost estimate settles
    const [f0, s0, t0, p0] = [cell.frames, cell.step, performance.now(), cell.pictures];
    requestAnimationFrame(tick);
    await new Promise((ok) => setTimeout(ok, dur));
    on = false;
    const [f1, s1, t1, p1] = [cell.frames, cell.step, performance.now(), cell.pictures];
    cell.setPlaying(false);
    frameGaps.sort((x, y) => x - y);
    const secs = (t1 - t0) / 1000;
    return {
      runs: cell.runs.length,
      reached_max: s1 >= 2000,
      fps: (f1 - f0) / secs,
      // With the runs in a Worker, the frames that drew a new answer (else every frame does).
      pictures_per_s: p0 == null ? null : (p1 - p0) / secs,
      in_worker: Boolean(cell.workerRuns),
      steps_per_s: (s1 - s0) / secs,
      steps_per_frame_last: cell.stepsPerFrame,
      ms_per_step: cell.msPerStep,
      frame_gap_p50_ms: frameGaps[Math.floor(frameGaps.length / 2)] ?? null,
      frame_gap_p95_ms: frameGaps[Math.floor(0.95 * frameGaps.length)] ?? null,
    };
  }, [ms, budget]);
  await context.close();
  const r = Object.fromEntries(Object.entries(out).map(([k, v]) => [k, typeof v === 'number' ? round(v, 2) : v]));
  return r;
}

/** The training playback at the defaults and at the largest setting (every run ticked, depth 8,
 * width 64, full batch of 128, speed 20), adaptive and with the old fixed speed. */
export async function playback(browser, base, { quick = false } = {}) {
  const settings = [
    ['defaults', ''],
    ['largest (6 runs, depth 8, width 64, full batch 128, speed 20)', '#train.depth=8&train.w=64&train.b=0&train.speed=20&train.n1=1&train.lecun=1'],
  ];
  const ms = quick ? 1000 : 3000;
  const out = [];
  for (const [name, hash] of settings) {
    try {
      out.push({
        setting: name,
        adaptive: await playTraining(browser, `${base}/${hash}`, { ms, budget: null }),
        fixed_speed: await playTraining(browser, `${base}/${hash}`, { ms, budget: Infinity }),
      });
    } catch (e) {
      out.push({ setting: name, error: String(e.message || e).split('\n')[0] });
    }
  }
  return out;
}

/** How many cells are mounted at the first plot and 2 s later, over `loads` fresh loads. */
export async function lazyMount(browser, base, { loads = 3 } = {}) {
  const runs = [];
  for (let i = 0; i < loads; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      new PerformanceObserver((list) => {
        if (list.getEntriesByName('gradscope:first-plot').length) window.__mountedAtFirstPlot = Object.keys(window.gradscope?.cells ?? {}).length;
      }).observe({ type: 'mark' });
    });
    await page.goto(`${base}/`);
    await page.waitForFunction(() => window.__mountedAtFirstPlot !== undefined, null, { timeout: 60000 });
    await page.waitForTimeout(2000);
    runs.push(await page.evaluate(() => ({
      slots: document.querySelectorAll('[data-cell]').length,
      at_first_plot: window.__mountedAtFirstPlot,
      after_2s: Object.keys(window.gradscope.cells).length,
      first_plot_ms: performance.getEntriesByName('gradscope:first-plot')[0]?.startTime ?? null,
    })));
    await context.close();
  }
  return {
    loads: runs.length,
    slots: runs[0]?.slots ?? null,
    mounted_at_first_plot: median(runs.map((r) => r.at_first_plot)),
    mounted_2s_after: median(runs.map((r) => r.after_2s)),
    first_plot_ms: round(median(runs.map((r) => r.first_plot_ms)), 1),
    runs,
  };
}

/** The lines bench-browser.mjs prints. */
export function printDraw(r) {
  if (r.draw) {
    const d = r.draw;
    console.log(`\n== main chart redraw (defaults, ${d.canvas}): median ${round(d.median_ms)} ms, p90 ${round(d.p90_ms)} ms; ${d.canvas_calls} canvas calls, ${d.document_nodes_added} nodes added to the document per draw`);
  }
  for (const p of r.playback ?? []) {
    if (p.error) { console.log(`training playback ${p.setting}: ${p.error}`); continue; }
    const line = (x) => `${x.fps} frames/s${x.in_worker ? ` (runs in a Worker, ${x.pictures_per_s} new pictures/s)` : ''}, ${x.steps_per_s} steps/s (last ${x.steps_per_frame_last} steps/frame, ${x.ms_per_step} ms/step, frame gap p95 ${x.frame_gap_p95_ms} ms)`;
    console.log(`training playback, ${p.setting}:\n  adaptive    ${line(p.adaptive)}\n  fixed speed ${line(p.fixed_speed)}`);
  }
  if (r.lazy_mount) console.log(`lazy mount: ${r.lazy_mount.mounted_at_first_plot} of ${r.lazy_mount.slots} cells mounted at the first plot, ${r.lazy_mount.mounted_2s_after} 2 s later`);
}

/** Targets for bench-browser.mjs `targets()`, pushed onto its list `t`: the playback keeps the
 * frame rate (≥ 50 frames/s while playing, the default and the largest training setting). */
export function drawTargets(r, t) {
  for (const p of r.playback ?? []) {
    const fps = p.adaptive?.fps ?? null;
    t.push({ target: `training playback, ${p.setting}: frames per second while playing`, limit: '≥ 50', value: fps, unit: 'fps', met: fps == null ? null : fps >= 50, how: `requestAnimationFrame while playing; ${p.adaptive?.in_worker ? `runs in a Worker, ${p.adaptive.pictures_per_s} new pictures/s, ` : ''}${p.adaptive?.steps_per_s ?? '–'} steps/s (fixed speed: ${p.fixed_speed?.fps ?? '–'} fps, ${p.fixed_speed?.steps_per_s ?? '–'} steps/s)` });
  }
}

// Alone: `node scripts/bench/draw.mjs [--quick]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('@playwright/test');
  const { spawn } = await import('node:child_process');
  const { fileURLToPath } = await import('node:url');
  const quick = process.argv.includes('--quick');
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const port = 8900 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server.stdout.once('data', ok));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const base = `http://127.0.0.1:${port}`;
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await page.goto(`${base}/`);
    await page.evaluate(() => window.gradscope.ready);
    await page.waitForTimeout(1000);
    const r = { draw: await drawCost(page, { reps: quick ? 20 : 60 }) };
    r.playback = await playback(browser, base, { quick });
    r.lazy_mount = await lazyMount(browser, base, { loads: quick ? 1 : 3 });
    printDraw(r);
    console.log(JSON.stringify(r, null, 1));
  } finally {
    await browser.close();
    server.kill();
  }
}
