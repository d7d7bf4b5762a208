// The browser half of `npm run bench`, and the assembly of bench/results.json:
//   - the notebook page (scripts/serve.mjs): compute and draw of the main widget at the default
//     and the largest setting (the old browser benchmark's cases), and the first-plot time;
//   - the main chart drawn in a Worker on an OffscreenCanvas against on the page (bench/offscreen.js);
//   - the benchmark page bench/index.html (served here, with TensorFlow.js from node_modules):
//     our wasm against TF.js 4.22 (wasm and cpu backends) on the same f32 MLP forward+backward
//     with per-layer gradient norms, a check of the norms on the same weights, TF.js matMul;
//   - the sizes of the wasm and the page's JS, raw and gzipped;
//   - every cell at its heaviest declared setting: long tasks (scripts/bench/extremes.mjs);
//   - the native numbers of `cargo bench` (target/bench/native.json, if present).
// Prints tables with ratios (the machine is shared and noisy: ratios measured in one run mean
// more than times) and writes bench/results.json.
//   node scripts/bench-browser.mjs [--quick]   (after the wasm build and scripts/vendor.mjs)
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { longSessionBench, longSessionLines } from './bench/long-session.mjs';
import { drawCost, drawTargets, lazyMount, playback, printDraw, widgetSizedCanvas } from './bench/draw.mjs';
import { downloadTargets, measureDownloads, printDownloads } from './bench/sizes.mjs';
import { poolBench, poolTargets } from './bench/pool.mjs';
import { extremes, extremesTargets, printExtremes } from './bench/extremes.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');
const nativePath = join(root, 'target', 'bench', 'native.json');
const native = existsSync(nativePath) ? JSON.parse(readFileSync(nativePath, 'utf8')) : null;
const SHAPES = [
  { depth: 30, width: 64, batch: 32 },
  { depth: 200, width: 64, batch: 32 },
  { depth: 200, width: 128, batch: 128 },
];
const keyOf = (s) => `${s.depth}x${s.width}x${s.batch}`;
const stepFlops = (s) => 6 * s.depth * s.batch * s.width * s.width; // 3 matmuls of 2·B·n² a layer
const round = (v, d = 3) => (Number.isFinite(v) ? Number(v.toPrecision(d + 1)) : v ?? null);
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b) : null);

// ---- the benchmark page's own static server: the bench page, our wasm, TF.js's dist files and
// the native bench's check weights; nothing else.
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.bin': 'application/octet-stream', '.json': 'application/json' };
const servable = ['bench/', 'www/pkg/', 'www/vendor/be-vietnam-pro/files/', 'target/bench/', ...['core', 'backend-cpu', 'backend-wasm'].map((p) => `node_modules/@tensorflow/tfjs-${p}/dist/`)];
function benchServer() {
  const server = createServer(async (req, res) => {
    try {
      let rel = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^[/\\]+/, '');
      if (rel === 'bench' || rel === 'bench/' || rel === '') rel = 'bench/index.html';
      const file = resolve(root, rel);
      const posix = relative(root, file).split(sep).join('/');
      if (!file.startsWith(root) || !servable.some((p) => posix.startsWith(p))) throw new Error('not found');
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// ---- sizes: the wasm, and the JS a page loads, following relative imports (static, dynamic,
// and `new URL('…', import.meta.url)` for Workers) from an entry.
const gz = (buf) => gzipSync(buf).length; // node:zlib's default level (6), as most servers use
function closure(entry) {
  const seen = new Set();
  const walk = (file) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    const re = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new\s+URL\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g;
    for (const m of src.matchAll(re)) {
      const dep = resolve(dirname(file), m[1]);
      if (dep.includes(`${sep}vendor${sep}`) || !dep.endsWith('.js')) continue; // KaTeX, fonts
      walk(dep);
    }
  };
  walk(entry);
  return [...seen];
}
function sizes() {
  const file = (p) => {
    const buf = readFileSync(join(root, p));
    return { file: p, raw: buf.length, gzip: gz(buf) };
  };
  const sum = (files) => files.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip }), { raw: 0, gzip: 0 });
  const wasm = file('www/pkg/gradscope_web_bg.wasm');
  const jsOf = (entry) => closure(join(root, entry)).map((f) => file(relative(root, f).split(sep).join('/')));
  const notebookJs = jsOf('www/main.js');
  const out = {
    wasm,
    notebook_js: { files: notebookJs.length, ...sum(notebookJs) },
    notebook_total: sum([wasm, ...notebookJs]),
    note: 'gzip at node:zlib default level; notebook JS = www/main.js and every relative import it reaches (KaTeX and fonts excluded), wasm-bindgen glue included',
  };
  for (const embed of ['www/embed.js', 'embed.js']) {
    if (existsSync(join(root, embed))) {
      const js = jsOf(embed);
      out.embed = { entry: embed, files: js.length, ...sum([wasm, ...js]) };
      break;
    }
  }
  return out;
}

// ---- the run
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
const port = 8900 + Math.floor(Math.random() * 90);
const notebookServer = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok) => notebookServer.stdout.once('data', ok));
const server = await benchServer();
const results = {
  generated: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model, loadavg_at_start: loadavg().map((v) => round(v, 2)), node: process.version, chromium: browser.version() },
  quick,
};
try {
  // 1. The notebook page: first plot, then the main widget's compute and draw.
  const firstPlot = [];
  for (let i = 0; i < (quick ? 2 : 5); i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    // The page marks its first plot, and `gradscope:text` as `ready` resolves (every text set).
    await page.waitForFunction(() => ['gradscope:first-plot', 'gradscope:text'].every((m) => performance.getEntriesByName(m).length), null, { timeout: 60000 });
    firstPlot.push(await page.evaluate(() => ({
      ready_ms: performance.getEntriesByName('gradscope:text')[0].startTime,
      first_plot_mark_ms: performance.getEntriesByName('gradscope:first-plot')[0].startTime,
      dom_content_loaded_ms: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
    })));
    if (i === (quick ? 1 : 4)) {
      results.widget = await widgetCases(page);
      results.cells = await cellComputes(page, quick ? 5 : 40);
      results.draw = await drawCost(page, { reps: quick ? 20 : 60 });
    }
    // Closed, so that no page of this step computes or draws during the later ones.
    await context.close();
  }
  const med = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
  results.first_plot = {
    loads: firstPlot.length,
    ready_ms: round(med(firstPlot.map((r) => r.ready_ms))),
    first_plot_mark_ms: round(med(firstPlot.map((r) => r.first_plot_mark_ms ?? NaN))),
    dom_content_loaded_ms: round(med(firstPlot.map((r) => r.dom_content_loaded_ms))),
    note: "median over fresh browser contexts on the development server, ms after navigation start: the 'gradscope:first-plot' mark, and 'gradscope:text' (window.gradscope.ready resolves: every section's text set)",
    runs: firstPlot,
  };

  // 1b. Pressing the arrow keys on the σ slider, at the defaults and at the largest setting:
  // Event Timing, long tasks, and the page's `gradscope:update` measures when it records them.
  results.interaction = [];
  for (const [name, hash] of [['defaults', ''], ['largest (200×128×128, f64)', '#depth=200&width=128&batch=128&act=relu&init=he-normal&sigma=1&prec=f64']]) {
    try {
      results.interaction.push({ setting: name, ...(await interaction(`http://127.0.0.1:${port}/${hash}`, quick ? 6 : 30)) });
    } catch (e) {
      results.interaction.push({ setting: name, error: String(e.message || e).split('\n')[0] });
    }
  }

  // 1c. The long session (issue 11 §3): scripts/bench/long-session.mjs.
  results.long_session = await longSessionBench(browser, `http://127.0.0.1:${port}/`, { quick });
  // 1d. The training playback (frames and steps per second) and the lazy mounting of the cells.
  results.playback = await playback(browser, `http://127.0.0.1:${port}`, { quick });
  results.lazy_mount = await lazyMount(browser, `http://127.0.0.1:${port}`, { loads: quick ? 1 : 3 });
  results.pool = await poolBench(browser, `http://127.0.0.1:${port}/`, { quick }).catch((e) => ({ error: String(e.message || e).split('\n')[0] }));
  // 1e. Every cell at its heaviest declared setting: long tasks (scripts/bench/extremes.mjs).
  results.extremes = await extremes(browser, `http://127.0.0.1:${port}`, { quick }).catch((e) => ({ error: String(e.message || e).split('\n')[0] }));

  // 2. The benchmark page: ours against TF.js.
  const page = await (await browser.newContext()).newPage();
  page.on('console', (m) => { if (m.type() === 'error') console.error('bench page:', m.text()); });
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/index.html`);
  results.browser_info = await page.evaluate(() => window.bench.ready);
  console.log(`bench page ready: TF.js ${results.browser_info.tfjs}, wasm SIMD ${results.browser_info.tfjs_wasm_simd}, threads ${results.browser_info.tfjs_wasm_threads}`);
  const check = native?.check;
  const shape = check ? { depth: check.settings.depth, width: check.settings.width, batch: check.settings.batch } : SHAPES[0];
  results.check = check
    ? { shape: keyOf(shape), ...(await page.evaluate(([url, s, n]) => window.bench.check(url, s, n), [`/target/bench/${check.file}`, shape, check])) }
    : { skipped: 'no target/bench/native.json: run cargo bench with GRADSCOPE_BENCH_OUT=target/bench first' };
  results.comparison = [];
  for (const s of SHAPES) {
    const opts = quick ? { budgetMs: 600, rounds: 1, cpuBudgetMs: 1 } : { budgetMs: 4500, rounds: 3, cpuBudgetMs: 6000 };
    const t = await page.evaluate(([s, o]) => window.bench.compare(s, o), [s, opts]);
    const mm = await page.evaluate(([s, b]) => window.bench.matmul(s, b), [s, quick ? 300 : 1500]);
    const nat = (p) => native?.cases.find((c) => c.key === keyOf(s) && c.precision === p && c.name === keyOf(s));
    const natGemm = (p) => native?.gemm.find((g) => g.n === s.width && g.batch === s.batch && g.precision === p);
    const ms = {
      native_f32: nat('f32')?.median_ms ?? null,
      native_f64: nat('f64')?.median_ms ?? null,
      wasm_f32: t.wasm_f32.median_ms,
      wasm_f64: t.wasm_f64.median_ms,
      tfjs_wasm: t.tfjs_wasm.median_ms,
      tfjs_cpu: t.tfjs_cpu.median_ms,
    };
    const gflops = (msPerStep) => round(stepFlops(s) / (msPerStep * 1e-3) / 1e9);
    const mmGflops = (m) => round((2 * s.batch * s.width * s.width) / (m * 1e-3) / 1e9);
    results.comparison.push({
      shape: keyOf(s),
      ...s,
      settings: 'relu, He normal, gain 1, seed 1 (ours); TF.js: He-normal weights of its own, x ~ N(0, 1)',
      step_ms: Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, round(v)])),
      detail: { browser: t, matmul: mm, native: { f32: nat('f32') ?? null, f64: nat('f64') ?? null } },
      ratios: {
        wasm_over_native_f32: ratio(ms.wasm_f32, ms.native_f32),
        wasm_over_native_f64: ratio(ms.wasm_f64, ms.native_f64),
        f64_over_f32_wasm: ratio(ms.wasm_f64, ms.wasm_f32),
        f64_over_f32_native: ratio(ms.native_f64, ms.native_f32),
        tfjs_wasm_over_ours_f32: ratio(ms.tfjs_wasm, ms.wasm_f32),
        tfjs_cpu_over_ours_f32: ratio(ms.tfjs_cpu, ms.wasm_f32),
      },
      flops: {
        per_step: stepFlops(s),
        step_gflops: { wasm_f32: gflops(ms.wasm_f32), wasm_f64: gflops(ms.wasm_f64), tfjs_wasm: gflops(ms.tfjs_wasm), tfjs_cpu: gflops(ms.tfjs_cpu), native_f32: gflops(ms.native_f32), native_f64: gflops(ms.native_f64) },
        gemm_gflops: {
          tfjs_wasm_matmul: mmGflops(mm.tfjs_wasm.median_ms),
          tfjs_cpu_matmul: mmGflops(mm.tfjs_cpu.median_ms),
          native_f32: round(natGemm('f32')?.gflops ?? NaN),
          native_f64: round(natGemm('f64')?.gflops ?? NaN),
          wasm_f32: null,
        },
        // How close the full step comes to a bare GEMM of its shapes.
        step_over_gemm_rate: {
          wasm_f32_vs_tfjs_wasm_matmul: ratio(gflops(ms.wasm_f32), mmGflops(mm.tfjs_wasm.median_ms)),
          native_f32_vs_native_gemm: ratio(gflops(ms.native_f32), natGemm('f32')?.gflops),
          native_f64_vs_native_gemm: ratio(gflops(ms.native_f64), natGemm('f64')?.gflops),
          wasm_f32_vs_wasm_gemm: null,
        },
        note: 'wasm_f32 GEMM in the same wasm waits for a binding exporting a pure GEMM (crates/web/src/bindings)',
      },
    });
    console.log(`${keyOf(s)}: ours f32 ${round(ms.wasm_f32)} ms, TF.js wasm ${round(ms.tfjs_wasm)} ms, cpu ${round(ms.tfjs_cpu)} ms`);
  }
  // 2b. Drawing the main chart in a Worker on an OffscreenCanvas against drawing it on the page
  // (issue 10 §1: "if that is faster. Measure it."): bench/offscreen.js, at the widget's defaults
  // and at the largest setting, σ changed in turns.
  results.offscreen = [];
  for (const [name, shape, trials] of [['defaults', {}, quick ? 10 : 60], ['largest', { depth: 200, width: 128, batch: 128 }, quick ? 3 : 12]]) {
    const o = await page.evaluate(([s, n]) => window.bench.offscreen(s, { trials: n }), [shape, trials]).catch((e) => ({ error: String(e.message || e).split('\n')[0] }));
    results.offscreen.push({ setting: name, ...shape, ...o });
    if (!o.error) console.log(`offscreen ${name}: input → drawn median ${round(o.page.drawn.median)} ms on the page, ${round(o.offscreen.drawn.median)} ms in the Worker; next frame ${round(o.page.frame.median)} / ${round(o.offscreen.frame.median)}`);
  }
  // 3. What a visitor downloads (the built site, from the network) and its first plot.
  results.downloads = await measureDownloads(browser, { quick }).catch((e) => ({ error: String(e.message || e).split('\n')[0] }));
} finally {
  await browser.close();
  server.close();
  notebookServer.kill();
}
// The widget's compute against the same settings natively (page default; largest = 200x128x128).
for (const w of results.widget ?? []) {
  const c = native?.cases.find((x) => x.precision === w.precision && (w.case === 'default' ? x.name === 'page default' : x.name === '200x128x128'));
  w.native_ms = c ? round(c.median_ms) : null;
  w.compute_over_native = ratio(w.compute_ms, c?.median_ms);
}
results.sizes = sizes();
results.native = native ? { threads: native.threads, target: native.target, cases: native.cases, gemm: native.gemm } : null;
results.targets = targets(results);
writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
printTables(results);
console.log('\nwrote bench/results.json');

/** Presses ArrowRight `presses` times on the σ slider, 120 ms apart, and reports the key
 * events' durations (Event Timing: only those ≥ 16 ms are reported, the rest count as 16 ms, an
 * upper bound), the long tasks, and the `gradscope:update` measures if the page records them. */
async function interaction(url, presses) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__bench = { events: [], longtasks: [] };
    const watch = (type, into, opts = {}) => {
      try {
        new PerformanceObserver((list) => into.push(...list.getEntries().map((e) => ({ name: e.name, start: e.startTime, duration: e.duration, id: e.interactionId })))).observe({ type, buffered: true, ...opts });
      } catch { /* not supported */ }
    };
    watch('event', window.__bench.events, { durationThreshold: 16 });
    watch('longtask', window.__bench.longtasks);
  });
  await page.goto(url);
  await page.evaluate(() => window.gradscope.ready.then(() => true));
  await page.waitForTimeout(1500);
  const slider = page.locator('#g-sigma-range');
  await slider.scrollIntoViewIfNeeded();
  await slider.focus();
  const t0 = await page.evaluate(() => performance.now());
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(120);
  }
  await page.waitForTimeout(2000);
  const out = await page.evaluate((since) => {
    const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : null; };
    const keys = window.__bench.events.filter((e) => e.name === 'keydown' && e.start >= since);
    const long = window.__bench.longtasks.filter((e) => e.start >= since).map((e) => e.duration);
    const updates = performance.getEntriesByName('gradscope:update').filter((e) => e.startTime >= since);
    const upd = (pred) => updates.filter(pred).map((e) => e.duration);
    const exact = upd((e) => !e.detail?.preview);
    const preview = upd((e) => e.detail?.preview);
    return {
      keydowns_over_16ms: keys.length,
      longtasks: { count: long.length, over_50ms: long.filter((d) => d > 50).length, max_ms: long.length ? Math.max(...long) : 0 },
      key_durations: keys.map((e) => e.duration),
      update_measures: updates.length,
      update_exact_ms: exact.length ? { p50: q(exact, 0.5), p95: q(exact, 0.95) } : null,
      update_preview_ms: preview.length ? { p50: q(preview, 0.5), p95: q(preview, 0.95) } : null,
    };
  }, t0);
  await context.close();
  const padded = [...out.key_durations, ...Array(Math.max(0, presses - out.key_durations.length)).fill(16)].sort((a, b) => a - b);
  return { presses, ...out, key_ms_upper: { p50: padded[Math.floor(0.5 * presses)], p95: padded[Math.min(presses - 1, Math.floor(0.95 * presses))] } };
}

/** The old browser benchmark's cases: the main widget's compute and draw, in the notebook page. */
/**
 * Every other cell's engine call at its declared defaults (an empty settings object), on the
 * page's main-thread wasm: median ms per call, for the speed of the code compiled for size
 * (Cargo.toml `profile.wasm`; only crates/kernels is compiled for speed).
 */
async function cellComputes(page, reps) {
  return page.evaluate((reps) => {
    const { wasm } = window.gradscope;
    const cases = [
      ['training (DeepRun, 20 steps)', () => { const r = new wasm.DeepRun({}); return [() => r.step(20), () => r.free()]; }],
      ['symmetry (20 steps)', () => { const r = new wasm.SymmetryTrainer({}); return [() => r.step(20), () => r.free()]; }],
      ['stability map (one column)', () => { const m = new wasm.StabilityMap(); let k = 0; return [() => m.column({}, 0.5 + (k++ % 40) / 10), () => m.free()]; }],
      ['softmax', () => [() => wasm.softmaxCompute({}), () => {}]],
      ['xavier', () => [() => wasm.xavierCompare({}), () => {}]],
      ['product', () => [() => wasm.randomProduct({}), () => {}]],
      ['rescaling', () => [() => wasm.rescalingCompute({}), () => {}]],
      ['spectrum', () => [() => wasm.spectrumCompute({}), () => {}]],
    ];
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    return cases.map(([name, make]) => {
      try {
        const [call, done] = make();
        call();
        const times = [];
        for (let i = 0; i < reps; i += 1) {
          const t0 = performance.now();
          call();
          times.push(performance.now() - t0);
        }
        done();
        return { cell: name, median_ms: median(times), samples: reps };
      } catch (e) {
        return { cell: name, error: String(e.message || e).split('\n')[0] };
      }
    });
  }, reps);
}

async function widgetCases(page) {
  await widgetSizedCanvas(page);
  return page.evaluate(async (reps) => {
    const { wasm } = window.gradscope;
    const canvas = window.__benchCanvas;
    const base = typeof wasm.defaultSettings === 'function' ? { ...wasm.defaultSettings() } : { seed: 1 };
    const largest = { depth: 200, width: 128, batch: 128, activation: 'relu', init: 'he-normal', sigma: 1 };
    const cases = [
      ['default', 'f64', { ...base }],
      ['default', 'f32', { ...base, precision: 'f32' }],
      ['largest', 'f64', { ...base, ...largest, precision: 'f64' }],
      ['largest', 'f32', { ...base, ...largest, precision: 'f32' }],
    ];
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const out = [];
    for (const [name, precision, s] of cases) {
      const engine = new wasm.Engine();
      engine.gradients(s); // draws the random numbers once, as the page does
      const n = s.depth > 100 ? reps.large : reps.small;
      const compute = [];
      const draw = [];
      let error = null;
      for (let i = 0; i < n; i += 1) {
        s.sigma *= 1.01; // a new σ each time, as while a slider moves
        const t0 = performance.now();
        const report = engine.gradients(s);
        const t1 = performance.now();
        try {
          wasm.drawChart('gradients', canvas, { layers: report.layers }, null, { scale: 1 });
        } catch (e) {
          error = String(e.message || e);
        }
        const t2 = performance.now();
        compute.push(t1 - t0);
        draw.push(t2 - t1);
      }
      engine.free();
      out.push({ case: name, precision, depth: s.depth, width: s.width, batch: s.batch, compute_ms: median(compute), draw_ms: error ? null : median(draw), samples: n, ...(error ? { draw_error: error } : {}) });
    }
    canvas.remove();
    return out;
  }, quick ? { small: 5, large: 2 } : { small: 40, large: 5 });
}

/** Issue 10's targets that this run measures, met or not, with the value; the others listed as
 * not measured. */
function targets(r) {
  const t = [];
  const add = (target, limit, value, unit, how) =>
    t.push({ target, limit, value: value == null ? null : round(value), unit, met: value == null ? null : value <= limit, how });
  const w = (c, p) => r.widget?.find((x) => x.case === c && x.precision === p);
  const d64 = w('default', 'f64');
  add('default setting: compute + draw of the main chart (proxy for input → exact chart)', 16.7, d64 && d64.draw_ms != null ? d64.compute_ms + d64.draw_ms : null, 'ms', 'median, main thread, f64');
  add('default setting: redraw of the main chart', 1.5, d64?.draw_ms, 'ms', 'median of drawChart("gradients", …)');
  const l64 = w('largest', 'f64');
  add('largest setting (200×128×128, f64): exact picture (compute + draw)', 250, l64 && l64.draw_ms != null ? l64.compute_ms + l64.draw_ms : null, 'ms', 'median, one thread');
  const downloads = downloadTargets(r.downloads);
  if (downloads) for (const x of downloads) add(...x);
  else add('first plot after navigation start', 500, r.first_plot?.first_plot_mark_ms ?? r.first_plot?.ready_ms, 'ms', r.first_plot?.first_plot_mark_ms != null ? "'gradscope:first-plot' mark" : 'window.gradscope.ready resolved (no first-plot mark yet)');
  if (!downloads) add('whole notebook JS + wasm, gzipped', 250, r.sizes?.notebook_total.gzip / 1000, 'kB', 'sum of gzipped files');
  if (!downloads) add('embedding the main widget (embed.js + what it loads), gzipped', 150, r.sizes?.embed ? r.sizes.embed.gzip / 1000 : null, 'kB', r.sizes?.embed ? r.sizes.embed.entry : 'no embed.js yet');
  const [di, li] = [r.interaction?.[0], r.interaction?.[1]];
  if (di?.update_exact_ms) add('defaults: input → exact chart p95 (gradscope:update)', 16.7, di.update_exact_ms.p95, 'ms', 'σ slider, arrow keys');
  else add('defaults: σ key press → next paint p95 (Event Timing; no gradscope:update measures yet)', 16.7, di?.key_ms_upper?.p95, 'ms', 'Event Timing, < 16 ms counted as 16');
  if (li?.update_preview_ms) add('largest: first picture p95 (gradscope:update, preview)', 50, li.update_preview_ms.p95, 'ms', 'σ slider, arrow keys');
  if (li?.update_exact_ms) add('largest: exact picture p95 (gradscope:update)', 250, li.update_exact_ms.p95, 'ms', 'σ slider, arrow keys');
  else add('largest: σ key press → next paint p95 (Event Timing; no gradscope:update measures yet)', 250, li?.key_ms_upper?.p95, 'ms', 'Event Timing, < 16 ms counted as 16');
  for (const x of r.interaction ?? []) add(`${x.setting}: longest main-thread task while σ moves`, 50, x.longtasks?.max_ms, 'ms', 'PerformanceObserver longtask (0 = none)');
  t.push(...extremesTargets(r.extremes));
  drawTargets(r, t);
  t.push(...poolTargets(r.pool)); // the Worker pool's speed-ups, frames skipped while dragging (scripts/bench/pool.mjs)
  for (const o of r.offscreen ?? []) {
    if (o.error) t.push({ target: `${o.setting}: chart drawn in the Worker (OffscreenCanvas) over on the page`, limit: null, value: null, met: null, how: o.error });
    else t.push({ target: `${o.setting}: input → chart drawn, OffscreenCanvas in the Worker over the page's draw (median)`, limit: null, value: ratio(o.offscreen.drawn.median, o.page.drawn.median), unit: '×', met: null, how: `${round(o.offscreen.drawn.median)} vs ${round(o.page.drawn.median)} ms; the first page frame after: ${round(o.offscreen.frame.median)} vs ${round(o.page.frame.median)} ms; main thread per update 0 vs ${round(o.page.main.median)} ms; ${o.trials} σ changes each (bench/offscreen.js)` });
  }
  return t;
}

function printTables(r) {
  const cell = (v, w = 10) => String(v ?? '–').padStart(w);
  console.log('\n== step: f32/f64 forward+backward with per-layer norms, median ms (ratios in the same run)');
  console.log('shape'.padEnd(13), ...['nat f32', 'nat f64', 'wasm f32', 'wasm f64', 'TFjs wasm', 'TFjs cpu', 'wasm/nat32', 'wasm/nat64', 'TFw/ours', 'TFcpu/ours'].map((h) => cell(h, 11)));
  for (const c of r.comparison) {
    const m = c.step_ms;
    const q = c.ratios;
    console.log(c.shape.padEnd(13), ...[m.native_f32, m.native_f64, m.wasm_f32, m.wasm_f64, m.tfjs_wasm, m.tfjs_cpu, q.wasm_over_native_f32, q.wasm_over_native_f64, q.tfjs_wasm_over_ours_f32, q.tfjs_cpu_over_ours_f32].map((v) => cell(v, 11)));
  }
  console.log('\n== FLOP rate, GFLOP/s (step: 6·L·B·n² per step; GEMM: one n×n · n×B matmul)');
  console.log('shape'.padEnd(13), ...['wasm f32', 'TFjs wasm', 'nat f32', 'nat f64', 'TFw matMul', 'TFc matMul', 'nat GEMM32', 'nat GEMM64', 'nat32/GEMM', 'wasm/TFmm'].map((h) => cell(h, 11)));
  for (const c of r.comparison) {
    const s = c.flops.step_gflops;
    const g = c.flops.gemm_gflops;
    const q = c.flops.step_over_gemm_rate;
    console.log(c.shape.padEnd(13), ...[s.wasm_f32, s.tfjs_wasm, s.native_f32, s.native_f64, g.tfjs_wasm_matmul, g.tfjs_cpu_matmul, g.native_f32, g.native_f64, q.native_f32_vs_native_gemm, q.wasm_f32_vs_tfjs_wasm_matmul].map((v) => cell(v, 11)));
  }
  if (r.check?.against) {
    console.log(`\n== same weights (${r.check.shape}), per-layer ‖∂ℓ/∂W‖: max relative difference from ${r.check.reference}`);
    for (const [k, v] of Object.entries(r.check.against)) console.log(`${k.padEnd(12)} ${cell(v.max_rel_diff.toExponential(2), 10)}  finite: ${v.all_finite}`);
  }
  console.log('\n== main widget in the notebook page (median ms)');
  for (const x of r.widget ?? []) console.log(`${x.case.padEnd(8)} ${x.precision} ${`${x.depth}x${x.width}x${x.batch}`.padEnd(12)} compute ${cell(round(x.compute_ms))} draw ${cell(round(x.draw_ms))} native ${cell(x.native_ms)} wasm/native ${cell(x.compute_over_native)}`);
  console.log(`\n== sizes: wasm ${r.sizes.wasm.raw} B (${r.sizes.wasm.gzip} gz); notebook JS ${r.sizes.notebook_js.raw} B (${r.sizes.notebook_js.gzip} gz, ${r.sizes.notebook_js.files} files)`);
  console.log(`== first plot: ${r.first_plot.first_plot_mark_ms ?? '–'} ms (mark), ready ${r.first_plot.ready_ms} ms after navigation start (median of ${r.first_plot.loads})`);
  for (const line of longSessionLines(r.long_session)) console.log(line);
  printDraw(r);
  printDownloads(r.downloads);
  printExtremes(r.extremes);
  console.log('\n== σ slider, arrow keys (ms)');
  for (const x of r.interaction ?? []) console.log(x.error ? `${x.setting}: ${x.error}` : `${x.setting.padEnd(28)} key→paint p50 ≤${x.key_ms_upper.p50} p95 ≤${x.key_ms_upper.p95}; long tasks ${x.longtasks.count} (max ${round(x.longtasks.max_ms)}); gradscope:update ${x.update_measures}${x.update_exact_ms ? ` exact p95 ${round(x.update_exact_ms.p95)}` : ''}${x.update_preview_ms ? ` preview p95 ${round(x.update_preview_ms.p95)}` : ''}`);
  console.log('\n== targets (issue 10)');
  for (const x of r.targets) console.log(`${x.met == null ? ' n/a ' : x.met ? ' met ' : ' NOT '} ${x.target}: ${x.value ?? '–'}${x.unit && x.value != null ? ` ${x.unit}` : ''} (limit ${x.limit ?? '–'}; ${x.how})`);
}
