// The main widget: controls → state → engine → per-layer numbers → chart, verdict and table.
// Computing and drawing are separate steps: a compute happens at most once per animation frame
// (the latest state wins), and a redraw alone (resize, language, a series toggled) computes
// nothing.

import { formatNumber, pow10 } from '../i18n.js';
import { bindControls, errorDisplay, fitCanvas, pytorchPanel, runCell, showTable } from './common.js';

export const PREFIX = '';

/** The widget's state fields, with defaults and ranges taken from the engine. */
export function gradientSchema(wasm) {
  const limits = wasm.limits();
  const d = wasm.defaultSettings();
  const inits = wasm.initializers().map((i) => i.name);
  return {
    depth: { type: 'int', def: d.depth, min: limits.depth.min, max: limits.depth.max, key: 'depth' },
    sigma: { type: 'float', def: d.sigma, min: limits.sigma.min, max: limits.sigma.max, key: 'sigma' },
    activation: { type: 'enum', def: d.activation, values: ['sigmoid', 'tanh', 'relu', 'identity'], key: 'act' },
    init: { type: 'enum', def: d.init, values: inits, key: 'init' },
    width: { type: 'int', def: d.width, min: limits.width.min, max: limits.width.max, key: 'width' },
    batch: { type: 'int', def: d.batch, min: limits.batch.min, max: limits.batch.max, key: 'batch' },
    seed: { type: 'int', def: d.seed, min: limits.seed.min, max: limits.seed.max, key: 'seed' },
    precision: { type: 'enum', def: d.precision, values: ['f64', 'f32'], key: 'prec' },
    backward: { type: 'bool', def: true, key: 'bwd' },
    forward: { type: 'bool', def: true, key: 'fwd' },
    theory: { type: 'bool', def: false, key: 'theory' },
    table: { type: 'bool', def: false, key: 'table' },
  };
}

/** Fields whose change needs a new computation; the others only redraw. */
const COMPUTE_FIELDS = new Set(['depth', 'sigma', 'activation', 'init', 'width', 'batch', 'seed', 'precision']);

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

/**
 * Writes one row per layer into `tbody` (updating rows in place): the layer number in a row
 * header, then the fields `keys` of each layer as formatted numbers with the full-precision value
 * in `data-value`, then `extra` empty cells for the caller.
 */
export function fillLayerTable(tbody, layers, keys, lang, extra = 0) {
  while (tbody.rows.length > layers.length) tbody.deleteRow(-1);
  while (tbody.rows.length < layers.length) {
    const row = tbody.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    row.appendChild(th);
    for (let i = 0; i < keys.length + extra; i += 1) row.insertCell();
  }
  layers.forEach((s, i) => {
    const row = tbody.rows[i];
    row.cells[0].textContent = String(s.layer);
    row.cells[0].dataset.value = String(s.layer);
    keys.forEach((key, k) => {
      row.cells[k + 1].textContent = formatNumber(s[key], lang);
      row.cells[k + 1].dataset.value = String(s[key]);
    });
  });
}

export function mountGradientCell(root, ctx) {
  const { wasm, store, t } = ctx;
  const schema = gradientSchema(wasm);
  const { state, notes } = store.register(PREFIX, schema);
  const engine = new wasm.Engine();
  const canvas = root.querySelector('canvas');
  const verdictEl = root.querySelector('[data-out="verdict"]');
  const roleEl = root.querySelector('[data-out="sigma-role"]');
  const capsEl = root.querySelector('[data-out="caps"]');
  const tableWrap = root.querySelector('[data-out="table-wrap"]');
  const tbody = root.querySelector('tbody');
  const tableButton = root.querySelector('[data-action="table"]');
  const roles = Object.fromEntries(wasm.initializers().map((i) => [i.name, i.sigma_role]));
  const limits = wasm.limits();
  const errors = errorDisplay(root, root.querySelector('[data-out="error"]'), t);

  const cell = { state, result: null, theory: null, outcome: null, computes: 0, frames: 0, engine, settings: null };

  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema,
    t,
    notes,
    onChange: (name) => {
      if (name === 'init') onSchemeChange();
      syncView();
      schedule(COMPUTE_FIELDS.has(name));
    },
  });
  // Switching to a scheme where σ is a gain (Xavier, He, LeCun) starts it at 1, the scheme as
  // published; the note says so. Otherwise the small σ of the opening picture would silently
  // shrink, say, He's scale tenfold.
  let lastRole = roles[state.init];
  const onSchemeChange = () => {
    const role = roles[state.init];
    if (role === 'gain' && lastRole !== 'gain' && state.sigma !== 1) {
      store.set(PREFIX, 'sigma', '1');
      controls.sync();
      const note = root.querySelector('[data-note="sigma"]');
      note.textContent = t.translate('note.gainReset');
      note.hidden = false;
    }
    lastRole = role;
  };
  const syncView = () => {
    roleEl.textContent = t.translate(`role.${roles[state.init]}`);
    const sigmaIgnored = roles[state.init] === 'ignored';
    for (const el of root.querySelectorAll('[data-field="sigma"]')) el.setAttribute('aria-disabled', String(sigmaIgnored));
    root.classList.toggle('sigma-ignored', sigmaIgnored);
    showTable(tableWrap, state.table);
    tableButton.setAttribute('aria-expanded', String(state.table));
    tableButton.textContent = t.translate(state.table ? 'control.hideTable' : 'control.table');
    capsEl.textContent = t.translate('caps', { depth: limits.depth.max, width: limits.width.max, batch: limits.batch.max });
    pytorch.refresh();
  };
  root.querySelector('[data-action="new-seed"]').addEventListener('click', () => {
    controls.showNote('seed', store.set(PREFIX, 'seed', String(wasm.newSeed())));
    controls.sync();
    syncView();
    schedule(true);
  });
  tableButton.addEventListener('click', () => {
    store.set(PREFIX, 'table', state.table ? '0' : '1');
    syncView();
  });
  const pytorch = pytorchPanel(root.querySelector('[data-out="pytorch"]') || root, () => ctx.pytorchFor?.('gradients', { ...state }) ?? '', t);

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
    try {
      cell.result = engine.gradients(settings);
      cell.computes += 1;
      cell.settings = settings;
      errors.clear();
    } catch (e) {
      errors.show(e);
    }
  }

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
    verdictEl.textContent = text;
    verdictEl.dataset.kind = r.verdict.kind;
    canvas.setAttribute('aria-label', t.translate('chart.alt', { verdict: text }));
    fillLayerTable(tbody, r.layers, ['grad_norm', 'backward_norm', 'preact_std'], ctx.lang(), 1);
    r.layers.forEach((s, i) => {
      const row = tbody.rows[i];
      const statuses = [s.grad_status, s.backward_status, s.forward_status];
      const worst = statuses.includes('overflow') ? 'overflow' : statuses.includes('underflow') ? 'underflow' : 'ok';
      row.cells[4].textContent = t.translate(`status.${worst}`);
      row.cells[4].dataset.status = worst;
      row.dataset.status = worst;
    });
  }

  function draw() {
    const r = cell.result;
    if (!r) return;
    const scale = fitCanvas(canvas);
    const labels = gradientChartLabels(t);
    const options = { show_backward: state.backward, show_forward: state.forward, theory: theoryLines() };
    try {
      cell.outcome = wasm.drawGradientChart(canvas, r, labels, options, { font_family: ctx.fontFamily, scale });
    } catch (e) {
      errors.show(e);
    }
  }

  controls.sync();
  const schedule = runCell(cell, { canvases: [canvas], compute, renderText, draw, syncView, pytorch });
  return cell;
}
