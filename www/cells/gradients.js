// The main widget: controls → state → engine → per-layer numbers → chart, verdict and table.
// Computing and drawing are separate steps: the settings go to the Worker from the input event
// (at most one request in flight and one waiting: the latest state wins), an answer is drawn
// when it arrives (at most one drawing per frame), and a redraw alone (resize, language, a
// series toggled) computes nothing. Without a Worker the compute happens at most once per
// animation frame.

import { EnginePool } from '../engine/pool.js';
import { formatNumber, pow10 } from '../i18n.js';
import { drawChart, fillLayerTable } from './common.js';
import { mountCell, toggledTable } from './shell.js';

/** The widget's own markup below its controls: the limits, the chart, the table. */
const body = `
<p class="caps hint" data-out="caps"></p>
<figure class="output">
  <canvas class="chart" role="img" aria-describedby="g-verdict g-table-caption" width="800" height="440"></canvas>
  <figcaption>
    <p class="gain" data-out="gain"></p>
    <p class="verdict" id="g-verdict" data-out="verdict" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    <button type="button" class="reload-cell" data-out="reload" data-action="reload-cell" data-i18n="error.reload" hidden></button>
  </figcaption>
</figure>
${toggledTable({ id: 'g-table', caption: { key: 'table.caption' }, columns: ['table.layer', 'table.grad', 'table.backward', 'table.forward', 'table.status'], region: true })}`;

/** The verdict sentence for a result. */
export function verdictText(result, t) {
  const layers = result.layers;
  const L = layers.length;
  const v = result.verdict;
  const kind = t(`verdict.${v.kind}`);
  if (L < 2) return `${t('verdict.one')}: ${kind}.`;
  let body;
  if (v.first_overflow != null) body = t('verdict.overflow', { layer: v.first_overflow });
  else if (v.first_underflow != null) body = t('verdict.underflow', { layer: v.first_underflow });
  else {
    body = `${t('verdict.ratio', { ratio: pow10(v.weight_decades), L })}; ${t('verdict.backward', {
      factor: pow10(v.backward_decades),
      L,
    })}`;
  }
  return `${body}: ${kind}.`;
}

/** The gradient chart's texts in the page's language; `overrides` replaces some of them. */
export function gradientChartLabels(t, overrides = {}) {
  return {
    title: t.translate('chart.title'),
    x_axis: t.translate('chart.x'),
    y_axis: t.translate('chart.y'),
    grad: t.translate('chart.grad'),
    backward: t.translate('chart.backward'),
    forward: t.translate('chart.forward'),
    theory_suffix: t.translate('chart.theorySuffix'),
    underflow: t.translate('chart.underflow'),
    overflow: t.translate('chart.overflow'),
    ...overrides,
  };
}

export function mount(slot, ctx) {
  return mountCell('gradients', slot, ctx, {
    ids: 'g',
    text: 'grad',
    // The notebook's main widget: its first drawing is the page's first plot.
    firstPlot: true,
    labels: {
      depth: 'control.depth',
      sigma: 'control.sigma',
      activation: 'control.activation',
      init: 'control.init',
      width: 'control.width',
      batch: 'control.batch',
      seed: 'control.seed',
      precision: 'control.precision',
      backward: 'control.showBackward',
      forward: 'control.showForward',
      theory: 'control.theory',
    },
    numberLabels: { sigma: 'control.sigmaNumber' },
    sliders: ['depth', 'sigma'],
    groups: [{ fields: ['backward', 'forward', 'theory'], cls: 'toggles' }],
    hints: { sigma: { out: 'sigma-role' } },
    seedButton: 'control.newSeed',
    body,
    setup: (api) => setup(api, ctx),
  });
}

function setup(api, ctx) {
  const { root, state, fields, cell, t, out, errors, set, showNote } = api;
  const { wasm } = ctx;
  const engine = new wasm.Engine();
  const canvas = root.querySelector('canvas');
  const tbody = root.querySelector('tbody');
  const verdictEl = out('verdict');
  const roles = Object.fromEntries(wasm.initializers().map((i) => [i.name, i.sigma_role]));
  Object.assign(cell, { result: null, theory: null, outcome: null, engine, settings: null });

  // Switching to a scheme where σ is a gain (Xavier, He, LeCun) starts it at 1, the scheme as
  // published; the note says so. Otherwise the small σ of the opening picture would silently
  // shrink, say, He's scale tenfold.
  let lastRole = roles[state.init];
  const onChange = (name) => {
    if (name !== 'init') return;
    const role = roles[state.init];
    if (role === 'gain' && lastRole !== 'gain' && state.sigma !== 1) {
      set('sigma', '1');
      showNote('sigma', 'note.gainReset');
    }
    lastRole = role;
  };
  const syncView = () => {
    if (state.table && cell.tableDue) fillDueTable();
    out('sigma-role').textContent = t.translate(`role.${roles[state.init]}`);
    const sigmaIgnored = roles[state.init] === 'ignored';
    for (const el of root.querySelectorAll('[data-field="sigma"]')) el.setAttribute('aria-disabled', String(sigmaIgnored));
    root.classList.toggle('sigma-ignored', sigmaIgnored);
    out('caps').textContent = t.translate('caps', { depth: fields.depth.max, width: fields.width.max, batch: fields.batch.max });
  };

  // The engine runs in the page's Worker when there is one (the notebook): this thread only
  // sends the latest settings and draws. Without one (an embedded element on another origin,
  // which may not start a Worker from gradscope's origin), it computes here.
  const channel = ctx.engineHost?.channel('gradients');
  // A slow setting (the exact compute predicted over SLOW_MS, from the measured time of the
  // last one) first gets a preview: the same network on the first b examples of the batch
  // alone, b chosen so that it takes about PREVIEW_MS, computed in the page's Worker and drawn
  // marked as a preview; the exact picture then comes from the pool's first Worker, a few
  // layers per job (www/engine/pool.js `stepped`), and replaces it. The 50 ms to the first picture
  // hold two frames' wait (≤ 2 × 16.7 ms), the draw (≈ 5 ms) and the preview's compute: hence
  // PREVIEW_MS; an exact compute over SLOW_MS cannot make the first picture in time by itself.
  const SLOW_MS = 50;
  const PREVIEW_MS = 10;
  // The work (depth·width²·batch, 6 FLOP each) that takes SLOW_MS at 1 GFLOP/s, slower than any
  // wasm we measured: below it the first compute goes ahead without being timed first (timing
  // it costs two more round trips to the Worker, some 200 ms at the page's start).
  const SURELY_FAST_WORK = (SLOW_MS / 1000) * 1e9 / 6;
  const previewChannel = ctx.engineHost?.channel('gradients');
  let pool = null;
  let poolChannel = null;
  // Measured ms per unit of work (depth·width²·batch), per precision. `exact`: the fastest of the
  // last RATE_RUNS exact computes on one Worker, the page's or the pool's (one slow run, the
  // machine busy for a moment, neither holds the widget in the slow path nor flips it there); a
  // Worker's first run (`cold`: 30–60 ms more, the wasm not yet optimized) counts only until a
  // later one replaces it. `split`: by the pool's Workers together (key `precision:workers`);
  // `preview`: the latest preview; `first`: the one-example run that precedes the first compute
  // of a precision.
  const RATE_RUNS = 3;
  const rates = { exact: {}, split: {}, preview: {}, first: {} };
  const recent = {}; // `precision` or `precision:workers` → the last RATE_RUNS warm rates
  /** Records the time per unit of work `r` of an exact compute into `rate[key]`. */
  const noteRate = (rate, key, r, cold) => {
    if (cold) {
      if (!recent[key]) rate[key] = r;
      return;
    }
    const runs = (recent[key] = [...(recent[key] ?? []), r].slice(-RATE_RUNS));
    rate[key] = Math.min(...runs);
  };
  const work = (s, batch = s.batch) => s.depth * s.width * s.width * batch;
  /** The exact compute's predicted ms for `s` on one Worker, or null before any was measured. */
  const predictedMs = (s) => {
    const r = rates.exact[s.precision] ?? rates.first[s.precision] ?? null;
    return r == null ? null : r * work(s);
  };
  // The exact picture at a slow setting comes from the pool's first Worker alone, in steps: the
  // page's Worker stays free for the next preview. Splitting the batch across the pool's Workers gives
  // the same numbers only to rounding (the sums are added in another order), so a link reopened
  // later, computed whole, could differ in the last digits (measured speed-up on 2 cores: 1.3–1.4×
  // idle, below 1× under load; `npm run bench`, scripts/bench/pool.mjs). SPLIT_WORKERS > 1 turns
  // it on.
  const SPLIT_WORKERS = 1;
  // Latest state wins: every compute has a number; a result is shown only if it is for a newer
  // compute than the one shown, or it is the exact result for the preview shown.
  let seq = 0;
  let asked = null; // the settings of compute `seq`
  let shown = { seq: 0, preview: false };
  cell.view = null; // what the chart shows: {result, preview: {b, B} | null, seq}
  cell.inFlight = 0; // engine requests (previews and computes) not answered yet
  cell.tableDue = false; // a result's table is still to be filled (fillTableSoon)
  const reload = out('reload');
  reload?.addEventListener('click', () => {
    reload.hidden = true;
    errors.clear();
    api.schedule(2);
  });

  /** Whether the answer for compute `n` (a preview or not) may replace what is shown. */
  function newer(n, preview) {
    if (n < shown.seq || (n === shown.seq && (preview || !shown.preview))) return false;
    shown = { seq: n, preview };
    return true;
  }

  /** Takes a result for `settings`. */
  function accept(settings, result, n = seq) {
    cell.view = { result, preview: null, seq: n };
    cell.result = result;
    cell.gain = wasm.layerGain(settings) ?? null;
    cell.computes += 1;
    cell.settings = settings;
    errors.clear();
  }

  function compute() {
    const settings = {
      depth: state.depth,
      width: state.width,
      batch: state.batch,
      activation: state.activation,
      init: state.init,
      sigma: state.sigma,
      seed: state.seed,
      precision: state.precision,
    };
    const equal = (a) => a && Object.keys(settings).every((k) => settings[k] === a[k]);
    // The same settings as the exact result shown, with nothing on its way and no error: that
    // result stands (a compute asked again, by a hash or language change, would only repeat it,
    // maybe by another path whose sums round differently).
    const same = !shown.preview && cell.inFlight === 0 && !errors.active && equal(cell.settings);
    if (same && seq === shown.seq) return undefined;
    // The same settings as the latest compute, still on its way (a slider's `change` event
    // after its `input`, both sent at once): that answer will do.
    if (cell.inFlight > 0 && !errors.active && equal(asked)) return undefined;
    asked = settings;
    const n = ++seq;
    if (!channel) {
      try {
        shown = { seq: n, preview: false };
        accept(settings, engine.gradients(settings), n);
      } catch (e) {
        errors.show(e);
      }
      return undefined;
    }
    const predicted = predictedMs(settings);
    if (predicted == null && settings.batch >= 2 && work(settings) > SURELY_FAST_WORK) return measureFirst(settings, n);
    return exact(settings, n, predicted);
  }

  /**
   * Nothing of this precision timed yet (the page opened, maybe at a slow setting from a link):
   * the run on the first example alone goes first, twice: the first time also draws the random
   * matrices (for every later run too), the second is timed. It is about 1/B of the work, and its
   * time predicts the whole run's (over-, not under-: one column multiplies less efficiently than
   * many). At a slow setting it is also the first picture, marked as a preview.
   */
  function measureFirst(settings, n) {
    cell.inFlight += 1;
    const once = () => previewChannel.run('preview', { settings, examples: 1 });
    const timed = (answer) => answer.result && !answer.untimed;
    return once().then((first) => (timed(first) && n === seq ? once() : { ...first, untimed: true })).then((answer) => {
      cell.inFlight -= 1;
      if (answer.stale) return false;
      if (timed(answer)) rates.first[settings.precision] ??= answer.ms / work(settings, 1);
      if (answer.error || answer.trap || n !== seq) {
        // The whole run reports what went wrong (or a newer compute took over).
        return n === seq ? exact(settings, n, null) : false;
      }
      const predicted = predictedMs(settings);
      const shownNow = predicted > SLOW_MS && newer(n, true);
      if (shownNow) showPreview(answer.result, 1, settings, n);
      return exact(settings, n, predicted, !shownNow);
    });
  }

  /** The exact picture for compute `n`: whole in the page's Worker when it is predicted fast (or
   * nothing is timed yet); else a preview first (unless `preview` is false: one is shown), and
   * the exact result from the pool. */
  function exact(settings, n, predicted, preview = true) {
    if (predicted == null || predicted <= SLOW_MS || work(settings) <= SURELY_FAST_WORK || settings.batch < 2) {
      return request(() => channel.run('gradients', settings), settings, n);
    }
    const perExample = (rates.preview[settings.precision] ?? predicted / work(settings)) * work(settings, 1);
    const b = Math.max(1, Math.min(Math.floor(settings.batch / 2), Math.floor(PREVIEW_MS / perExample)));
    if (preview) requestPreview(settings, b, n);
    // The pool's Workers get the page's compiled wasm, as the page's Worker did.
    pool ??= new EnginePool(undefined, undefined, { wasmModule: ctx.engineHost.wasmModule, pkg: ctx.engineHost.pkg });
    poolChannel ??= pool.channel();
    cell.pool = pool;
    const workers = Math.min(SPLIT_WORKERS, pool.size);
    const [rate, key] = workers === 1 ? [rates.exact, settings.precision] : [rates.split, `${settings.precision}:${workers}`];
    // One Worker computes the exact report a few layers per job and drops it between jobs once
    // a newer compute is asked for: while σ moves, the newest setting's exact compute starts
    // within one job's time (STEP_MS) of its input, not after a whole outdated run.
    const stepping = workers === 1 ? { steps: Math.max(1, Math.round((STEP_MS * 2 * settings.depth) / predicted)), wanted: () => n === seq } : null;
    return request(() => poolChannel.run(settings, workers, stepping), settings, n, rate, key);
  }

  // An exact compute at a slow setting goes in jobs of about STEP_MS each (predicted from the
  // last run's time; a run is 2·depth layer steps): a newer setting waits at most about that
  // long for the Worker, and a job's own cost (a message each way) stays small beside it.
  const STEP_MS = 15;

  // The previews on their way, each {n}: counted in cell.inFlight while in this set, until it
  // answers or until an exact result for its compute (or a newer one) is shown, after which it
  // can no longer change the picture (on a loaded machine the exact one can arrive first), so
  // that the exact picture's `gradscope:update` is recorded then and not lost.
  const previewsOnTheirWay = new Set();
  /** Asks the page's Worker for the preview of compute `n` from the first `b` examples. */
  function requestPreview(settings, b, n) {
    cell.inFlight += 1;
    const pending = { n };
    previewsOnTheirWay.add(pending);
    previewChannel.run('preview', { settings, examples: b }).then((answer) => {
      uncount(pending);
      if (answer.stale || answer.error || !newer(n, true)) return;
      rates.preview[settings.precision] = answer.ms / work(settings, b);
      showPreview(answer.result, b, settings, n);
    });
  }

  /** Stops counting the preview `pending` as on its way. */
  function uncount(pending) {
    if (previewsOnTheirWay.delete(pending)) cell.inFlight -= 1;
  }

  /** Shows `result`, the preview of compute `n` from the first `b` examples (now, or at the
   * next frame if this one drew already). */
  function showPreview(result, b, settings, n) {
    cell.view = { result, preview: { b, B: settings.batch }, seq: n, measured: false };
    cell.previews = (cell.previews ?? 0) + 1;
    api.show(0);
  }

  /** Sends a job (`send()` → the channel's answer); its answer is a result for `settings`, or
   * says what went wrong; its time per unit of work goes into `rate[key]`. */
  function request(send, settings, n = seq, rate = rates.exact, key = settings.precision) {
    cell.inFlight += 1;
    return send().then((answer) => {
      cell.inFlight -= 1;
      // An exact run dropped between its steps (pool.js `stepped`), a newer one asked for.
      if (answer.jobs > 0 && answer.stale) cell.stoppedRuns = (cell.stoppedRuns ?? 0) + 1;
      if (answer.stale) return false;
      if (answer.ms != null && answer.result) noteRate(rate, key, answer.ms / work(settings), answer.cold);
      cell.rates = rates;
      if (!answer.trap && !answer.error && !newer(n, false)) return false;
      if (answer.trap) {
        errors.show(t.translate('error.trap'));
        if (reload) reload.hidden = false;
        return false;
      }
      if (answer.error) {
        errors.show(answer.error);
        return false;
      }
      accept(settings, answer.result, n);
      for (const p of previewsOnTheirWay) if (p.n <= n) uncount(p);
      api.show(1);
      return true;
    });
  }

  /** How many random matrices the engine has drawn (in the Worker, or here). */
  cell.matricesDrawn = async () => (channel ? (await ctx.engineHost.call('matricesDrawn', 'gradients')).result : engine.matricesDrawn());
  /** Only for the reliability test: makes the engine trap. */
  cell.forceTrap = () => (channel ? request(() => channel.run('trap', null), {}, ++seq) : Promise.resolve(false));

  /** The theory overlay, computed only while it is shown and only when the settings change. In
   * the page's Worker when there is one: at depth 200 the prediction takes 60–75 ms, a long task
   * here on every σ step. Until the new one arrives the chart keeps the last one. */
  const theoryChannel = ctx.engineHost?.channel('gradients-theory');
  let theoryFor = null; // the settings cell.theory was predicted for
  let theoryAsked = null; // the settings of the prediction on its way (settled() waits for it)
  function takeTheory(p) {
    cell.theory = {
      grad_norm: p.map((l) => l.grad_norm),
      backward_norm: p.map((l) => l.backward_norm),
      preact_std: p.map((l) => l.preact_std),
    };
  }
  function theoryLines() {
    if (!state.theory || !cell.settings) return null;
    if (theoryFor === cell.settings) return cell.theory;
    if (!theoryChannel) {
      try {
        takeTheory(wasm.predictGradients(cell.settings));
      } catch (e) {
        errors.show(e);
        cell.theory = null;
      }
      theoryFor = cell.settings;
      return cell.theory;
    }
    if (theoryAsked !== cell.settings) {
      const asked = (theoryAsked = cell.settings);
      theoryChannel.run('predictGradients', asked).then((answer) => {
        if (answer.stale || theoryAsked !== asked) return; // a newer prediction is on its way
        theoryAsked = null;
        if (answer.error) {
          errors.show(answer.error);
          cell.theory = null;
        } else takeTheory(answer.result);
        theoryFor = asked;
        api.show(0);
      });
    }
    return theoryFor ? cell.theory : null;
  }

  function renderText() {
    const r = cell.result;
    if (!r) return;
    const text = verdictText(r, t.translate);
    const gain = out('gain');
    if (cell.gain == null) {
      gain.textContent = t.translate('gain.none');
    } else {
      const side = cell.gain < 0.98 ? 'below' : cell.gain > 1.02 ? 'above' : 'at';
      gain.textContent = t.translate(`gain.${side}`, { gain: formatNumber(cell.gain, ctx.lang()) });
      gain.dataset.side = side;
    }
    gain.dataset.value = String(cell.gain);
    verdictEl.textContent = text;
    verdictEl.dataset.kind = r.verdict.kind;
    canvas.setAttribute('aria-label', t.translate('chart.alt', { verdict: text }));
    fillTableSoon(r);
  }

  // The table (up to 200 rows) is filled in a task of its own after the frame that drew the
  // chart, so that a frame never carries both; a newer result replaces one still waiting. While
  // the table is hidden (it is then the chart's text alternative, for screen readers) it is
  // filled once the results stop coming for HIDDEN_TABLE_WAIT_MS: 200 rows are some 2,000 boxes
  // to lay out again (20–30 ms, measured in a trace), too much to repeat on every result while σ
  // moves at a large setting. Showing the table fills it at once.
  const HIDDEN_TABLE_WAIT_MS = 300;
  let tableTimer = 0;
  let tableResult = null;
  function fillTableSoon(r) {
    clearTimeout(tableTimer);
    tableResult = r;
    cell.tableDue = true;
    tableTimer = setTimeout(fillDueTable, state.table ? 0 : HIDDEN_TABLE_WAIT_MS);
  }
  function fillDueTable() {
    clearTimeout(tableTimer);
    tableTimer = 0;
    if (!cell.tableDue) return;
    cell.tableDue = false;
    fillTable(tableResult);
  }

  function fillTable(r) {
    fillLayerTable(tbody, r.layers, ['grad_norm', 'backward_norm', 'preact_std'], ctx.lang(), 1);
    r.layers.forEach((s, i) => {
      const row = tbody.rows[i];
      // The layer's worst status, by the engine's rule (LayerStats::worst_status).
      row.cells[4].textContent = t.translate(`status.${s.status}`);
      row.cells[4].dataset.status = s.status;
      row.dataset.status = s.status;
    });
  }

  function draw() {
    const view = cell.view ?? (cell.result && { result: cell.result, preview: null });
    if (!view) return;
    const labels = gradientChartLabels(t);
    const preview = view.preview ? t.translate('chart.preview', view.preview) : null;
    const options = { show_backward: state.backward, show_forward: state.forward, theory: theoryLines(), preview };
    try {
      cell.outcome = drawChart(wasm, ctx, 'gradients', canvas, { layers: view.result.layers, options }, labels);
    } catch (e) {
      errors.show(e);
    }
    canvas.dataset.preview = String(Boolean(view.preview));
    // A preview of the latest compute records its `gradscope:update` (preview: true) from the
    // input; the shell records the exact one once nothing is on its way.
    if (view.preview && !view.measured && view.seq === seq && cell.inputAt != null) {
      performance.measure('gradscope:update', { start: cell.inputAt, end: performance.now(), detail: { cell: 'gradients', preview: true } });
      view.measured = true;
    }
  }

  // With a Worker, a changed setting is sent from its input event, and its answer is drawn when
  // it arrives (api.show): at the defaults the picture is then ready within one frame of the
  // input, where waiting for a frame before sending and another before drawing took two.
  return { compute, sendsAtInput: Boolean(channel), busy: () => theoryAsked !== null, renderText, draw, syncView, onChange, fillDue: fillDueTable, pytorch: () => ctx.pytorchFor('gradients', { ...state }) };
}
