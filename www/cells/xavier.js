// The Xavier cell: layers of different widths, the forward variance and the backward signal per
// layer, measured by the engine and predicted by the variance derivation, for N(0, σ²), Xavier
// normal and Xavier uniform. The sentence shows why no single σ keeps both directions at 1 when
// n_in ≠ n_out, and what Xavier's σ² = 2/(n_in + n_out) does instead.

import { formatNumber } from '../i18n.js';
import { drawChart } from './common.js';
import { listText } from './controls.js';
import { mountCell, shownTable } from './shell.js';
import '../strings/xavier.js';

/** The preset lists of widths (the cell's own examples); "mixed" is the declared default. */
const PRESETS = {
  funnel: [128, 96, 64, 32, 16, 8],
  bottleneck: [128, 128, 16, 128, 128],
  alternating: [16, 128, 16, 128, 16, 128],
  equal: [64, 64, 64, 64, 64, 64],
};

/** The numbers behind the sentence, for one run (exported for tests). */
export function factorSummary(run) {
  const f = run.layers.map((l) => l.forward_factor);
  const b = run.layers.map((l) => l.backward_factor);
  const ratios = run.layers.map((l) => Math.max(l.n_out / l.n_in, l.n_in / l.n_out));
  const worst = Math.max(...f.map((x) => Math.max(x, 1 / x)), ...b.map((x) => Math.max(x, 1 / x)));
  return {
    fmin: Math.min(...f),
    fmax: Math.max(...f),
    bmin: Math.min(...b),
    bmax: Math.max(...b),
    ratio: Math.max(...ratios),
    worst,
    fprod: run.layers.at(-1).forward_var,
    bprod: run.layers[0].backward_var,
  };
}


const body = `
  <div class="output">
    <canvas class="chart" role="img"></canvas>
    <p class="summary" data-out="summary" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    <h4 data-i18n="xav.compare"></h4>
    <ul class="xav-compare" data-out="compare"></ul>
    ${shownTable({ caption: { out: 'caption' }, columns: ['xav.colLayer', 'xav.colWidths', 'xav.colFwdFactor', 'xav.colBwdFactor', 'xav.colFwd', 'xav.colFwdPred', 'xav.colBwd', 'xav.colBwdPred'] })}
  </div>`;

const COLUMNS = ['forward_factor', 'backward_factor', 'forward_var', 'forward_var_pred', 'backward_var', 'backward_var_pred'];

export function mount(slot, ctx) {
  return mountCell('xavier', slot, ctx, {
    sliders: ['sigma'],
    // The default preset is labelled by its widths (set in syncView).
    choices: { preset: (v) => (v === 'mixed' ? null : `xav.preset.${v}`) },
    hints: { widths: { out: 'widths-hint' } },
    body,
    setup: (api) => setup(api, ctx),
  });
}

function setup({ root, state, fields, cell, t, out, errors, notes, set, showNote }, ctx) {
  const { wasm } = ctx;
  const canvas = root.querySelector('canvas');
  const summaryEl = out('summary');
  const compareEl = out('compare');
  const captionEl = out('caption');
  const tbody = root.querySelector('tbody');
  const presets = { mixed: fields.widths.def, ...PRESETS };
  Object.assign(cell, { result: null, outcome: null });

  /** The preset the widths equal, or custom. */
  const presetOf = (widths) => Object.entries(presets).find(([, w]) => w.join() === widths.join())?.[0] ?? 'custom';
  /** A preset sets the widths; widths typed by hand select the preset they equal, or custom. */
  function onChange(name) {
    if (name === 'preset' && state.preset !== 'custom') {
      set('widths', presets[state.preset]);
      return true;
    }
    if (name === 'widths') set('preset', presetOf(state.widths));
    return false;
  }
  // Widths from a link select their preset too; a preset from the link that was not valid stays
  // noted, with the preset now in use.
  if (presetOf(state.widths) !== state.preset) {
    set('preset', presetOf(state.widths));
    if (notes.preset) showNote('preset', { ...notes.preset, value: state.preset });
  }

  function compute() {
    try {
      cell.result = wasm.xavierCompare({
        widths: state.widths,
        sigma: state.sigma,
        activation: state.activation,
        batch: state.batch,
        seed: state.seed,
      });
      cell.computes += 1;
      errors.clear();
    } catch (e) {
      errors.show(e);
    }
  }

  const initName = (name) => t.translate(`init.${name}`);
  const fmt = (x) => formatNumber(x, ctx.lang());

  function summaryText(run) {
    const s = factorSummary(run);
    const vars = {
      sigma: fmt(run.sigma),
      fmin: fmt(s.fmin),
      fmax: fmt(s.fmax),
      bmin: fmt(s.bmin),
      bmax: fmt(s.bmax),
      ratio: fmt(s.ratio),
      worst: fmt(s.worst),
      fprod: fmt(s.fprod),
      bprod: fmt(s.bprod),
    };
    if (run.init !== 'normal') return t.translate('xav.xavierSummary', vars);
    return t.translate(s.ratio === 1 ? 'xav.normalSummaryEqual' : 'xav.normalSummary', vars);
  }

  function syncView() {
    const w = fields.widths;
    root.querySelector('#xav-preset option[value="mixed"]').textContent = listText(presets.mixed);
    out('widths-hint').textContent = t.translate('xav.widthsHint', { min: w.min, max: w.max, minLayers: w.minLen - 1, maxLayers: w.maxLen - 1 });
  }

  function renderText() {
    const r = cell.result;
    if (!r) return;
    const run = r.runs.find((x) => x.init === state.init) || r.runs[0];
    const summary = summaryText(run);
    summaryEl.textContent = summary;
    summaryEl.dataset.init = run.init;
    canvas.setAttribute('aria-label', t.translate('xav.alt', { init: initName(run.init), summary }));
    captionEl.textContent = t.translate('xav.caption', { init: initName(run.init) });
    compareEl.replaceChildren(
      ...r.runs.map((x) => {
        const li = document.createElement('li');
        const s = factorSummary(x);
        li.textContent = t.translate('xav.compareRow', { init: initName(x.init), fprod: fmt(s.fprod), bprod: fmt(s.bprod) });
        li.dataset.init = x.init;
        li.dataset.forward = String(s.fprod);
        li.dataset.backward = String(s.bprod);
        li.dataset.current = String(x.init === run.init);
        return li;
      }),
    );
    while (tbody.rows.length > run.layers.length) tbody.deleteRow(-1);
    while (tbody.rows.length < run.layers.length) {
      const row = tbody.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      row.appendChild(th);
      for (let i = 0; i < 1 + COLUMNS.length; i += 1) row.insertCell();
    }
    run.layers.forEach((l, i) => {
      const row = tbody.rows[i];
      row.cells[0].textContent = String(l.layer);
      row.cells[1].textContent = `${l.n_in} → ${l.n_out}`;
      row.cells[1].dataset.nIn = String(l.n_in);
      row.cells[1].dataset.nOut = String(l.n_out);
      COLUMNS.forEach((key, j) => {
        const c = row.cells[j + 2];
        c.textContent = fmt(l[key]);
        c.dataset.value = String(l[key]);
        c.dataset.key = key;
      });
    });
  }

  function draw() {
    const r = cell.result;
    if (!r) return;
    const run = r.runs.find((x) => x.init === state.init) || r.runs[0];
    try {
      cell.outcome = drawChart(
        wasm,
        ctx,
        'xavier',
        canvas,
        run,
        {
          // On a phone the caption is only the initializer's name, so that it fits.
          title: canvas.clientWidth < 520 ? initName(run.init) : t.translate('xav.chartTitle', { init: initName(run.init) }),
          x_axis: t.translate('xav.chartX'),
          y_axis: t.translate('xav.chartY'),
          forward: t.translate('xav.forward'),
          backward: t.translate('xav.backward'),
          predicted_suffix: t.translate('xav.predicted'),
          underflow: t.translate('chart.underflow'),
          overflow: t.translate('chart.overflow'),
        },
      );
    } catch (e) {
      errors.show(e);
    }
  }

  return { compute, renderText, draw, syncView, onChange, pytorch: () => ctx.pytorchFor('xavier', { ...state, widths: [...state.widths] }) };
}
