// The Xavier cell: layers of different widths, the forward variance and the backward signal per
// layer, measured by the engine and predicted by the variance derivation, for N(0, σ²), Xavier
// normal and Xavier uniform. The sentence shows why no single σ keeps both directions at 1 when
// n_in ≠ n_out, and what Xavier's σ² = 2/(n_in + n_out) does instead.

import { applyTranslations, formatNumber } from '../i18n.js';
import { bindControls, cellSection, errorDisplay, fitCanvas, frameLoop, pytorchPanel } from './common.js';

export const PREFIX = 'xav';

export const PRESETS = {
  mixed: '64, 128, 32, 128, 16, 64',
  funnel: '128, 96, 64, 32, 16, 8',
  bottleneck: '128, 128, 16, 128, 128',
  alternating: '16, 128, 16, 128, 16, 128',
  equal: '64, 64, 64, 64, 64, 64',
};
const FALLBACK_WIDTH = 64;
const INITS = ['normal', 'xavier-normal', 'xavier-uniform'];

/**
 * Reads a list of widths: every entry is clamped to [min, max] (or replaced by 64 when it is not
 * a number, rounded when it is not whole); at most maxLayers + 1 entries are kept; with fewer
 * than two the default preset is used. Returns {widths, fixes, text}.
 */
export function parseWidths(text, { min, max, maxLayers }) {
  const tokens = String(text).split(/[,;\s]+/).filter((s) => s !== '');
  const fixes = [];
  let widths = tokens.map((raw) => {
    const x = Number(raw);
    if (!Number.isFinite(x)) {
      fixes.push({ kind: 'bad', raw, used: FALLBACK_WIDTH });
      return FALLBACK_WIDTH;
    }
    let v = Math.round(x);
    if (v !== x) fixes.push({ kind: 'rounded', raw, used: v });
    if (v < min || v > max) {
      v = Math.min(max, Math.max(min, v));
      fixes.push({ kind: 'clamped', raw, used: v });
    }
    return v;
  });
  if (widths.length > maxLayers + 1) {
    widths = widths.slice(0, maxLayers + 1);
    fixes.push({ kind: 'count', max: maxLayers + 1 });
  }
  if (widths.length < 2) {
    widths = parseWidths(PRESETS.mixed, { min, max, maxLayers }).widths;
    fixes.push({ kind: 'few' });
  }
  return { widths, fixes, text: widths.join(', ') };
}

export function xavierSchema(wasm) {
  const limits = wasm.xavierLimits();
  // The widths are free text in the URL; the cell checks every entry itself (parseWidths).
  const anyText = { includes: (s) => typeof s === 'string' && s.length <= 400 };
  return {
    limits,
    schema: {
      widths: { type: 'enum', def: PRESETS.mixed, values: anyText, key: 'w' },
      preset: { type: 'enum', def: 'mixed', values: [...Object.keys(PRESETS), 'custom'], key: 'preset' },
      init: { type: 'enum', def: 'normal', values: INITS, key: 'init' },
      sigma: { type: 'float', def: 0.1, min: 0.001, max: 10, key: 's' },
      activation: { type: 'enum', def: 'identity', values: ['identity', 'tanh'], key: 'act' },
      batch: { type: 'int', def: 64, min: limits.batch.min, max: limits.batch.max, key: 'batch' },
      seed: { type: 'int', def: 1, min: 0, max: 4294967295, key: 'seed' },
    },
  };
}

const COMPUTE_FIELDS = new Set(['widths', 'preset', 'sigma', 'activation', 'batch', 'seed']);

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


const TEMPLATE = `
  <h3 id="xav-heading" data-i18n="xav.heading"></h3>
  <p class="prose" data-i18n="xav.intro"></p>
  <form class="controls" onsubmit="return false" novalidate>
    <div class="control wide">
      <label for="xav-widths" data-i18n="xav.widths"></label>
      <input id="xav-widths" type="text" data-field="widths" inputmode="numeric" autocomplete="off" spellcheck="false" aria-describedby="xav-widths-hint xav-note-widths">
      <p class="hint" id="xav-widths-hint" data-out="widths-hint"></p>
      <p class="note" id="xav-note-widths" data-note="widths" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="xav-preset" data-i18n="xav.preset"></label>
      <select id="xav-preset" data-field="preset">
        <option value="mixed">64, 128, 32, 128, 16, 64</option>
        <option value="funnel" data-i18n="xav.presetFunnel"></option>
        <option value="bottleneck" data-i18n="xav.presetBottleneck"></option>
        <option value="alternating" data-i18n="xav.presetAlternating"></option>
        <option value="equal" data-i18n="xav.presetEqual"></option>
        <option value="custom" data-i18n="xav.presetCustom"></option>
      </select>
    </div>
    <div class="control">
      <label for="xav-init" data-i18n="xav.init"></label>
      <select id="xav-init" data-field="init">
        <option value="normal" data-i18n="init.normal"></option>
        <option value="xavier-normal" data-i18n="init.xavier-normal"></option>
        <option value="xavier-uniform" data-i18n="init.xavier-uniform"></option>
      </select>
    </div>
    <div class="control">
      <label for="xav-activation" data-i18n="xav.activation"></label>
      <select id="xav-activation" data-field="activation">
        <option value="identity" data-i18n="act.identity"></option>
        <option value="tanh" data-i18n="act.tanh"></option>
      </select>
    </div>
    <div class="control wide">
      <label for="xav-sigma-range" data-i18n="xav.sigma"></label>
      <div class="pair">
        <input id="xav-sigma-range" type="range" min="0" max="1000" step="1" data-field="sigma" data-scale="log" data-log-min="-3" data-log-max="1" aria-describedby="xav-note-sigma">
        <input id="xav-sigma" type="number" step="any" data-field="sigma" inputmode="decimal" data-i18n-attr="aria-label:xav.sigma" aria-describedby="xav-note-sigma">
      </div>
      <p class="note" id="xav-note-sigma" data-note="sigma" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="xav-batch" data-i18n="xav.batch"></label>
      <input id="xav-batch" type="number" step="1" data-field="batch" inputmode="numeric" aria-describedby="xav-note-batch">
      <p class="note" id="xav-note-batch" data-note="batch" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="xav-seed" data-i18n="xav.seed"></label>
      <input id="xav-seed" type="number" step="1" data-field="seed" inputmode="numeric" aria-describedby="xav-note-seed">
      <p class="note" id="xav-note-seed" data-note="seed" role="status" hidden></p>
    </div>
  </form>
  <div class="output">
    <canvas class="chart" role="img"></canvas>
    <p class="summary" data-out="summary"></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    <h4 data-i18n="xav.compare"></h4>
    <ul class="xav-compare" data-out="compare"></ul>
    <div class="table-wrap" tabindex="0">
      <table class="numbers">
        <caption data-out="caption"></caption>
        <thead><tr>
          <th scope="col" data-i18n="xav.colLayer"></th>
          <th scope="col" data-i18n="xav.colWidths"></th>
          <th scope="col" data-i18n="xav.colFwdFactor"></th>
          <th scope="col" data-i18n="xav.colBwdFactor"></th>
          <th scope="col" data-i18n="xav.colFwd"></th>
          <th scope="col" data-i18n="xav.colFwdPred"></th>
          <th scope="col" data-i18n="xav.colBwd"></th>
          <th scope="col" data-i18n="xav.colBwdPred"></th>
        </tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </div>
  <div data-out="pytorch"></div>`;

const COLUMNS = ['forward_factor', 'backward_factor', 'forward_var', 'forward_var_pred', 'backward_var', 'backward_var_pred'];

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const { limits, schema } = xavierSchema(wasm);
  const { state, notes } = store.register(PREFIX, schema);
  const root = cellSection(slot, 'xavier', TEMPLATE, 'xav-heading');
  applyTranslations(root, ctx.lang());

  const canvas = root.querySelector('canvas');
  const summaryEl = root.querySelector('[data-out="summary"]');
  const compareEl = root.querySelector('[data-out="compare"]');
  const captionEl = root.querySelector('[data-out="caption"]');
  const hintEl = root.querySelector('[data-out="widths-hint"]');
  const widthsInput = root.querySelector('#xav-widths');
  const tbody = root.querySelector('tbody');
  const errors = errorDisplay(root, root.querySelector('[data-out="error"]'), t);
  const parseOpts = { min: limits.width.min, max: limits.width.max, maxLayers: limits.layers.max };

  const cell = { state, frames: 0, computes: 0, result: null, parsed: null, outcome: null };

  const fixText = (fix) => {
    if (fix.kind === 'bad') return t.translate('xav.widthsBad', { value: fix.raw, used: fix.used });
    if (fix.kind === 'rounded') return t.translate('xav.widthsRounded', { value: fix.raw, used: fix.used });
    if (fix.kind === 'clamped') return t.translate('xav.widthsClamped', { value: fix.raw, min: limits.width.min, max: limits.width.max, used: fix.used });
    if (fix.kind === 'count') return t.translate('xav.widthsCount', { max: fix.max });
    return t.translate('xav.widthsFew');
  };
  function parse() {
    cell.parsed = parseWidths(state.widths, parseOpts);
  }
  function showWidthsNote() {
    const el = root.querySelector('[data-note="widths"]');
    const { fixes, text } = cell.parsed;
    el.textContent = fixes.length ? t.translate('xav.widthsNote', { fixes: fixes.map(fixText).join('; '), used: text }) : '';
    el.hidden = fixes.length === 0;
  }

  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema,
    t,
    notes,
    onChange: (name) => {
      if (name === 'preset' && state.preset !== 'custom') {
        store.set(PREFIX, 'widths', PRESETS[state.preset]);
        controls.sync();
      } else if (name === 'widths') {
        const match = Object.entries(PRESETS).find(([, w]) => parseWidths(w, parseOpts).text === parseWidths(state.widths, parseOpts).text);
        store.set(PREFIX, 'preset', match ? match[0] : 'custom');
        root.querySelector('#xav-preset').value = state.preset;
      }
      if (name === 'widths' || name === 'preset') {
        parse();
        showWidthsNote();
      }
      pytorch.refresh();
      schedule(COMPUTE_FIELDS.has(name));
    },
  });
  // When the widths field is left, it shows the widths actually used.
  widthsInput.addEventListener('change', () => {
    store.set(PREFIX, 'widths', cell.parsed.text);
    widthsInput.value = cell.parsed.text;
  });

  function compute() {
    try {
      cell.result = wasm.xavierCompare({
        widths: cell.parsed.widths,
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

  function renderText() {
    hintEl.textContent = t.translate('xav.widthsHint', {
      min: limits.width.min,
      max: limits.width.max,
      minLayers: limits.layers.min,
      maxLayers: limits.layers.max,
    });
    showWidthsNote();
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
    const scale = fitCanvas(canvas);
    try {
      cell.outcome = wasm.drawXavierChart(
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
        { font_family: ctx.fontFamily, scale },
      );
    } catch (e) {
      errors.show(e);
    }
  }

  const schedule = frameLoop((computeNow) => {
    cell.frames += 1;
    if (computeNow) compute();
    renderText();
    draw();
  });

  const pytorch = pytorchPanel(
    root.querySelector('[data-out="pytorch"]'),
    () => ctx.pytorchFor('xavier', { ...state, widths: cell.parsed.widths }),
    t,
  );

  parse();
  controls.sync();
  new ResizeObserver(() => schedule(false)).observe(canvas);
  cell.onLanguage = () => {
    applyTranslations(root, ctx.lang());
    pytorch.relabel();
    renderText();
    schedule(false);
  };
  schedule(true);
  return cell;
}
