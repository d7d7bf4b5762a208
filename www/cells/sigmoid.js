// The chapter's first figure: the sigmoid σ(x) = 1/(1 + e⁻ˣ) and its derivative on [−8, 8],
// drawn by the engine (plotters), with a readout of x, σ(x), σ′(x) at the hovered x. Pointer,
// touch and keyboard (the focused chart, or the x slider) all move the same x, kept in the URL.

import { formatNumber } from '../i18n.js';
import { bindControls, cellSection, errorDisplay, fitCanvas, pytorchPanel, runCell, showTable } from './common.js';

export const PREFIX = 'sig';
const LO = -8;
const HI = 8;
/** The hovered x snaps to this grid, so that the point x = 0 of the figure can be hit exactly. */
const SNAP = 0.05;

export const sigmoidSchema = {
  x: { type: 'float', def: 2, min: LO, max: HI, key: 'x' },
  table: { type: 'bool', def: false, key: 'table' },
};

const snap = (x) => {
  const v = Math.round(Math.min(HI, Math.max(LO, x)) / SNAP) * SNAP;
  return Number(v.toFixed(2)) + 0; // + 0 turns −0 into 0
};


const html = `
<h3 id="sig-heading" data-i18n="sig.heading"></h3>
<p class="prose" data-i18n="sig.intro"></p>
<form class="controls" onsubmit="return false" novalidate>
  <div class="control wide">
    <label for="sig-x-range" data-i18n="sig.x"></label>
    <div class="pair">
      <input id="sig-x-range" type="range" step="${SNAP}" data-field="x" aria-describedby="sig-readout sig-note-x">
      <input id="sig-x" type="number" step="${SNAP}" data-field="x" inputmode="decimal" data-i18n-attr="aria-label:sig.xNumber" aria-describedby="sig-note-x">
    </div>
    <p class="note" id="sig-note-x" data-note="x" role="status" hidden></p>
  </div>
</form>
<figure class="output">
  <canvas class="chart" role="img" tabindex="0" aria-describedby="sig-readout sig-keys"></canvas>
  <figcaption>
    <p class="sig-readout" id="sig-readout" data-out="readout" aria-live="polite">
      <span>x = <output data-out="x"></output></span>
      <span>σ(x) = <output data-out="value"></output></span>
      <span>σ′(x) = <output data-out="derivative"></output></span>
    </p>
    <p class="hint" id="sig-keys" data-i18n="sig.keys"></p>
    <p class="error" data-out="error" role="alert" hidden></p>
  </figcaption>
</figure>
<button type="button" class="table-toggle" data-action="table" aria-controls="sig-table-wrap" aria-expanded="false"></button>
<div class="table-wrap visually-hidden" id="sig-table-wrap" data-out="table-wrap">
  <table class="numbers" id="sig-table">
    <caption data-i18n="sig.table.caption"></caption>
    <thead><tr><th scope="col">x</th><th scope="col">σ(x)</th><th scope="col">σ′(x)</th></tr></thead>
    <tbody></tbody>
  </table>
</div>
<div data-out="pytorch"></div>`;

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const root = cellSection(slot, 'sigmoid', html, 'sig-heading');

  const { state, notes } = store.register(PREFIX, sigmoidSchema);
  const canvas = root.querySelector('canvas');
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  const errors = errorDisplay(root, out('error'), t);
  const tableButton = root.querySelector('[data-action="table"]');
  const cell = { state, curve: null, point: null, outcome: null, computes: 0, frames: 0, onLanguage: null };

  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema: sigmoidSchema,
    t,
    notes,
    onChange: () => {
      syncView();
      schedule(true);
    },
  });
  const pytorch = pytorchPanel(out('pytorch'), () => ctx.pytorchFor('sigmoid', { ...state }), t);

  function syncView() {
    showTable(out('table-wrap'), state.table);
    tableButton.setAttribute('aria-expanded', String(state.table));
    tableButton.textContent = t.translate(state.table ? 'control.hideTable' : 'control.table');
    pytorch.refresh();
  }
  tableButton.addEventListener('click', () => {
    store.set(PREFIX, 'table', state.table ? '0' : '1');
    syncView();
  });

  /** Sets the hovered x (snapped) from the pointer or the keyboard. */
  function setX(x) {
    if (!Number.isFinite(x)) return;
    const v = snap(x);
    if (v === state.x) return;
    controls.showNote('x', store.set(PREFIX, 'x', String(v)));
    controls.sync();
    syncView();
    schedule(true);
  }

  /** The data x under a pointer event, from the plot area the chart reported. */
  function pointerX(ev) {
    const o = cell.outcome;
    if (!o) return NaN;
    const rect = canvas.getBoundingClientRect();
    const px = ((ev.clientX - rect.left) * canvas.width) / rect.width;
    return o.x_min + ((px - o.left) / (o.right - o.left)) * (o.x_max - o.x_min);
  }
  canvas.addEventListener('pointermove', (ev) => setX(pointerX(ev)));
  canvas.addEventListener('pointerdown', (ev) => setX(pointerX(ev)));
  canvas.addEventListener('keydown', (ev) => {
    const step = ev.shiftKey ? 1 : SNAP * 2;
    const moves = { ArrowLeft: -step, ArrowDown: -step, ArrowRight: step, ArrowUp: step };
    if (ev.key in moves) setX(state.x + moves[ev.key]);
    else if (ev.key === 'Home') setX(LO);
    else if (ev.key === 'End') setX(HI);
    else return;
    ev.preventDefault();
  });

  function compute() {
    try {
      if (!cell.curve) {
        cell.curve = wasm.sigmoidCurve(LO, HI, 321);
        renderTable();
      }
      cell.point = wasm.sigmoidAt(state.x);
      cell.computes += 1;
      errors.clear();
    } catch (e) {
      errors.show(e);
    }
  }

  function renderTable() {
    const tbody = root.querySelector('tbody');
    tbody.textContent = '';
    const lang = ctx.lang();
    for (let x = LO; x <= HI; x += 1) {
      const p = wasm.sigmoidAt(x);
      const row = tbody.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = formatNumber(x, lang);
      th.dataset.value = String(x);
      row.appendChild(th);
      for (const v of [p.value, p.derivative]) {
        const td = row.insertCell();
        td.textContent = formatNumber(v, lang, 4);
        td.dataset.value = String(v);
      }
    }
  }

  function renderReadout() {
    const p = cell.point;
    if (!p) return;
    const lang = ctx.lang();
    for (const [name, v, digits] of [['x', p.x, 3], ['value', p.value, 4], ['derivative', p.derivative, 4]]) {
      const el = out(name);
      el.textContent = name === 'x' ? formatNumber(v, lang, digits).replace(/([.,]\d*?)0+$/, '$1').replace(/[.,]$/, '') : formatNumber(v, lang, digits);
      el.dataset.value = String(v);
    }
    canvas.setAttribute('aria-label', t.translate('sig.chart.alt', { x: out('x').textContent, value: out('value').textContent, derivative: out('derivative').textContent }));
  }

  function draw() {
    if (!cell.curve) return;
    const scale = fitCanvas(canvas);
    const labels = {
      title: t.translate('sig.chart.title'),
      x_axis: 'x',
      y_axis: t.translate('sig.chart.y'),
      value: t.translate('sig.chart.value'),
      derivative: t.translate('sig.chart.derivative'),
      max_note: t.translate('sig.chart.max'),
    };
    try {
      cell.outcome = wasm.drawSigmoidChart(canvas, cell.curve, labels, state.x, { font_family: ctx.fontFamily, scale });
    } catch (e) {
      errors.show(e);
    }
  }

  for (const el of root.querySelectorAll('[data-field="x"]')) {
    el.min = String(LO);
    el.max = String(HI);
  }
  controls.sync();
  const schedule = runCell(cell, {
    canvases: [canvas],
    compute,
    renderText: renderReadout,
    draw,
    syncView: () => {
      syncView();
      if (cell.curve) renderTable();
    },
    pytorch,
  });
  return cell;
}
