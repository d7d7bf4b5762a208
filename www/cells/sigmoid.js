// The chapter's first figure: the sigmoid σ(x) = 1/(1 + e⁻ˣ) and its derivative on [−8, 8],
// drawn by the engine (plotters), with a readout of x, σ(x), σ′(x) at the hovered x. Pointer,
// touch and keyboard (the focused chart, or the x slider) all move the same x, kept in the URL.

import { formatNumber } from '../i18n.js';
import { drawChart } from './common.js';
import { mountCell, toggledTable } from './shell.js';
import '../strings/sigmoid.js';

/** The hovered x snaps to this grid, so that the point x = 0 of the figure can be hit exactly. */
const SNAP = 0.05;

const snap = (x, lo, hi) => {
  const v = Math.round(Math.min(hi, Math.max(lo, x)) / SNAP) * SNAP;
  return Number(v.toFixed(2)) + 0; // + 0 turns −0 into 0
};


const body = `
<figure class="output">
  <canvas class="chart" role="img" tabindex="0" aria-describedby="sig-readout sig-keys"></canvas>
  <figcaption>
    <p class="sig-readout" id="sig-readout" data-out="readout" data-verdict>
      <span>x = <output data-out="x"></output></span>
      <span>σ(x) = <output data-out="value"></output></span>
      <span>σ′(x) = <output data-out="derivative"></output></span>
    </p>
    <p class="hint" id="sig-keys" data-i18n="sig.keys"></p>
    <p class="error" data-out="error" role="alert" hidden></p>
  </figcaption>
</figure>
${toggledTable({ id: 'sig-table', caption: { key: 'sig.table.caption' }, columns: ['sig.table.x', 'sig.table.value', 'sig.table.derivative'] })}`;

export function mount(slot, ctx) {
  return mountCell('sigmoid', slot, ctx, {
    numberLabels: { x: 'sig.xNumber' },
    sliders: ['x'],
    steps: { x: SNAP },
    body,
    setup: (api) => setup(api, ctx),
  });
}

function setup({ root, state, fields, cell, t, out, errors, input }, ctx) {
  const { wasm } = ctx;
  // The chart's domain is the declared range of x.
  const LO = fields.x.min;
  const HI = fields.x.max;
  const canvas = root.querySelector('canvas');
  Object.assign(cell, { curve: null, point: null, outcome: null });

  /** Sets the hovered x (snapped) from the pointer or the keyboard. */
  function setX(x) {
    if (!Number.isFinite(x)) return;
    const v = snap(x, LO, HI);
    if (v === state.x) return;
    input('x', String(v));
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
    const labels = {
      title: t.translate('sig.chart.title'),
      x_axis: 'x',
      y_axis: t.translate('sig.chart.y'),
      value: t.translate('sig.chart.value'),
      derivative: t.translate('sig.chart.derivative'),
      max_note: t.translate('sig.chart.max'),
    };
    try {
      cell.outcome = drawChart(wasm, ctx, 'sigmoid', canvas, { ...cell.curve, hover: state.x }, labels);
    } catch (e) {
      errors.show(e);
    }
  }

  return {
    compute,
    renderText: renderReadout,
    draw,
    syncView: () => {
      if (cell.curve) renderTable();
    },
    // x is a view field, but the readout at x is computed.
    onChange: () => true,
    pytorch: () => ctx.pytorchFor('sigmoid', { ...state }),
  };
}
