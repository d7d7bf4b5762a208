// The main widget: controls → state → engine → per-layer numbers → chart, verdict and table.
// Computing and drawing are separate steps: a compute happens at most once per animation frame
// (the latest state wins), and a redraw alone (resize, language, a series toggled) computes
// nothing.

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
  cell.pending = 0;
  const reload = out('reload');
  reload?.addEventListener('click', () => {
    reload.hidden = true;
    errors.clear();
    api.schedule(2);
  });

  /** Takes a result for `settings`. */
  function accept(settings, result) {
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
    if (!channel) {
      try {
        accept(settings, engine.gradients(settings));
      } catch (e) {
        errors.show(e);
      }
      return undefined;
    }
    return request('gradients', settings);
  }

  /** Sends a job to the Worker; its answer is a result for `settings`, or says what went wrong. */
  function request(job, settings) {
    cell.pending += 1;
    return channel.run(job, settings).then((answer) => {
      cell.pending -= 1;
      if (answer.stale) return false;
      if (answer.trap) {
        errors.show(t.translate('error.trap'));
        if (reload) reload.hidden = false;
        return false;
      }
      if (answer.error) {
        errors.show(answer.error);
        return false;
      }
      accept(settings, answer.result);
      api.schedule(1);
      return true;
    });
  }

  /** How many random matrices the engine has drawn (in the Worker, or here). */
  cell.matricesDrawn = async () => (channel ? (await ctx.engineHost.call('matricesDrawn', 'gradients')).result : engine.matricesDrawn());
  /** Only for the reliability test: makes the engine trap. */
  cell.forceTrap = () => (channel ? request('trap', null) : Promise.resolve(false));

  /** The theory overlay, computed only while it is shown and only when the settings change. */
  let theoryFor = null;
  function theoryLines() {
    if (!state.theory || !cell.settings) return null;
    if (theoryFor !== cell.settings) {
      try {
        const p = wasm.predictGradients(cell.settings);
        cell.theory = {
          grad_norm: p.map((l) => l.grad_norm),
          backward_norm: p.map((l) => l.backward_norm),
          preact_std: p.map((l) => l.preact_std),
        };
      } catch (e) {
        errors.show(e);
        cell.theory = null;
      }
      theoryFor = cell.settings;
    }
    return cell.theory;
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
  // chart, so that a frame never carries both; a newer result replaces one still waiting.
  let tableTimer = 0;
  function fillTableSoon(r) {
    if (tableTimer) clearTimeout(tableTimer);
    else cell.pending += 1;
    tableTimer = setTimeout(() => {
      tableTimer = 0;
      cell.pending -= 1;
      fillTable(r);
    }, 0);
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
    const r = cell.result;
    if (!r) return;
    const labels = gradientChartLabels(t);
    const options = { show_backward: state.backward, show_forward: state.forward, theory: theoryLines() };
    try {
      cell.outcome = drawChart(wasm, ctx, 'gradients', canvas, { layers: r.layers, options }, labels);
    } catch (e) {
      errors.show(e);
    }
  }

  return { compute, renderText, draw, syncView, onChange, pytorch: () => ctx.pytorchFor('gradients', { ...state }) };
}
