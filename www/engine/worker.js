// The engine's Worker: its own wasm instance, so that no computation ever runs on the page's
// main thread. It answers {id, job, client, args} with {id, result, ms} or {id, error, trap}.
// Each client (a cell) keeps its own wasm.Engine, whose random draws survive between calls (a
// new σ rescales them; nothing is resampled).
// The first messages say which build to load ({prepare: pkg}, then {load: {pkg, wasmModule}}: the
// page's compiled module, so that nothing is downloaded or compiled twice); without them, the
// full build.
const PKGS = { full: () => import('../pkg/gradscope_web.js'), widget: () => import('../pkg-widget/gradscope_web.js') };
let wasm = null;
let ready = null;
// The build's JavaScript glue, imported as soon as the page names the build ({prepare: pkg}, sent
// when the Worker starts), while the page still compiles the wasm.
let glue = null;
const glueOf = (pkg) => (glue ??= (PKGS[pkg] ?? PKGS.full)());
const load = ({ pkg = 'full', wasmModule = null } = {}) =>
  glueOf(pkg).then(async (m) => {
    await m.default(wasmModule ? { module_or_path: wasmModule } : undefined);
    wasm = m;
  });
const engines = new Map();
const done = new Set(); // the jobs this Worker has run at least once

/** The jobs a cell may ask for, by name. */
const engine = (client) => {
  if (!engines.has(client)) engines.set(client, new wasm.Engine());
  return engines.get(client);
};
const maps = new Map();
// The training playbacks (www/cells/run-playback.js): each client's runs live here, stepped on
// request, so that the page's thread only draws. `replaced`/`freed` count the runs replaced by a
// new build and those whose wasm object was freed (wasm-bindgen clears its pointer), for the
// long-session test.
const playbacks = new Map(); // client → [wasm DeepRun]
const runCounts = { replaced: 0, freed: 0 };
function buildRuns(client, list) {
  const old = playbacks.get(client) ?? [];
  for (const r of old) r.free();
  runCounts.replaced += old.length;
  runCounts.freed += old.filter((r) => r.__wbg_ptr === 0).length;
  playbacks.set(client, []);
  const runs = [];
  try {
    for (const settings of list) runs.push(new wasm.DeepRun(settings));
  } catch (e) {
    for (const r of runs) r.free();
    throw e;
  }
  playbacks.set(client, runs);
}
const JOBS = {
  // Builds the runs anew (`build`: their settings) and/or steps every run `steps` times; answers
  // each run's snapshot and losses, and the histograms of run `histogram.index` if asked.
  play: (client, { build = null, steps = 0, histogram = null }) => {
    if (build) buildRuns(client, build);
    const runs = playbacks.get(client) ?? [];
    const snapshots = runs.map((r) => (steps > 0 ? r.step(steps) : r.state()));
    const h = histogram && runs[histogram.index];
    return {
      snapshots,
      losses: runs.map((r) => r.losses()),
      histograms: h ? { index: histogram.index, bins: h.histograms(histogram.bins, undefined, undefined) } : null,
    };
  },
  playRuns: (client) => ({ live: (playbacks.get(client) ?? []).length, ...runCounts }),
  mapColumn: (client, { settings, sigma }) => {
    if (!maps.has(client)) maps.set(client, new wasm.StabilityMap());
    return maps.get(client).column(settings, sigma);
  },
  // The stability map's theory lines: σ* and the crossing at the map's deepest row.
  mapTheory: (_client, { settings, depth }) => ({ critical: wasm.criticalSigma(settings) ?? null, edge: wasm.theoryCrossing(settings, depth) ?? null }),
  gradients: (client, args) => engine(client).gradients(args),
  // The same run a few layers per job (pool.js `stepped`): null until its last step.
  gradientSteps: (client, { settings, steps }) => engine(client).gradientsInSteps(settings, steps),
  // A report cell's compute (www/cells/report-cell.js): the wasm export `engine` on `settings`.
  report: (_client, { engine: name, settings }) => {
    if (typeof wasm[name] !== 'function') throw new Error(`engine: no report "${name}"`);
    return wasm[name](settings);
  },
  // The batch split (www/engine/pool.js): a slice's sums, their merge, and a preview from the
  // first examples alone.
  partial: (client, { settings, start, end, meanOver }) => engine(client).partial(settings, start, end, meanOver),
  combine: (_client, { parts }) => wasm.combinePartials(parts),
  keepPartial: (client, { settings, start, end, meanOver }) => engine(client).keepPartial(settings, start, end, meanOver),
  combineKept: (client, { parts }) => engine(client).combineKept(parts),
  preview: (client, { settings, examples }) => engine(client).preview(settings, examples),
  matricesDrawn: (client) => engine(client).matricesDrawn(),
  // The Worker's wasm memory, for the long-session test and the benchmark.
  memoryBytes: () => wasm.memoryBytes(),
  // Only for the test that checks that the page survives a trap.
  trap: () => wasm.testTrap(),
  predictGradients: (_client, args) => wasm.predictGradients(args),
};

self.onmessage = async ({ data }) => {
  if (data.prepare) {
    glueOf(data.prepare).catch(() => {}); // a failure is reported by the load that follows
    return;
  }
  if (data.load) {
    ready ??= load(data.load);
    return;
  }
  const { id, job, client, args } = data;
  try {
    await (ready ??= load());
    const run = JOBS[job];
    if (!run) throw new Error(`engine: unknown job "${job}"`);
    const t0 = performance.now();
    const result = run(client, args);
    // A slice's arrays go back transferred, not copied; `ms` is the job's own time; `cold`: the
    // first job of its kind in this Worker, whose time is no guide to the next ones (the wasm's
    // code not yet optimized by the browser, the random matrices drawn).
    const transfer = result?.grads ? [result.grads.buffer, result.stats.buffer] : [];
    const cold = !done.has(job);
    done.add(job);
    self.postMessage({ id, result, ms: performance.now() - t0, cold }, transfer);
  } catch (e) {
    // A trap (a wasm panic aborts with `unreachable`) leaves this instance unusable: say so, so
    // that the host starts a new Worker.
    const trap = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id, error: String(e?.message ?? e), trap });
  }
};

// Says that this module loaded (the host restarts a Worker that fails after this; one that fails
// before it cannot load its script here, and is not started again).
self.postMessage({ started: true });
