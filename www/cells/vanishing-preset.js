// Two small read-only views of the same deep network: with sigmoid and with ReLU, one shared σ
// and depth. Each runs the main widget's engine (wasm.Engine) and draws its per-layer chart with
// the shared drawGradientChart export; a link opens either setting in the main widget.

import { formatNumber } from '../i18n.js';
import { bindControls, errorDisplay, fitCanvas, frameLoop, pytorchPanel } from './common.js';
import { verdictText } from './gradients.js';

export const PREFIX = 'van';
const WIDTH = 64;
const SIDES = ['sigmoid', 'relu'];
/** He's scale for width 64: σ = √(2/n), the σ at which ReLU keeps the signal's size. */
export const HE_SIGMA = Number(Math.sqrt(2 / WIDTH).toPrecision(4));

export function vanishingSchema(wasm) {
  const limits = wasm.limits();
  return {
    sigma: { type: 'float', def: HE_SIGMA, min: limits.sigma.min, max: limits.sigma.max, key: 'sigma' },
    depth: { type: 'int', def: 30, min: 2, max: limits.depth.max, key: 'depth' },
    table: { type: 'bool', def: false, key: 'table' },
  };
}

/** The engine settings of one side (the main widget's fields). */
export function sideSettings(wasm, state, activation) {
  const d = wasm.defaultSettings();
  return {
    depth: state.depth,
    width: WIDTH,
    batch: d.batch,
    activation,
    init: 'normal',
    sigma: state.sigma,
    seed: d.seed,
    precision: 'f64',
  };
}

const sideHtml = (act) => `
<div class="van-side" data-side="${act}">
  <h3 id="van-${act}-title" data-i18n="van.side.${act}"></h3>
  <canvas class="chart van-chart" role="img" aria-describedby="van-${act}-verdict"></canvas>
  <p class="verdict" id="van-${act}-verdict" data-out="verdict"></p>
  <a class="van-open" data-out="open" href="#" data-i18n="van.open"></a>
  <div class="table-wrap visually-hidden" data-out="table-wrap">
    <table class="numbers">
      <caption data-i18n="van.table.${act}"></caption>
      <thead><tr><th scope="col" data-i18n="table.layer"></th><th scope="col" data-i18n="table.grad"></th><th scope="col" data-i18n="table.backward"></th></tr></thead>
      <tbody></tbody>
    </table>
  </div>
</div>`;

const html = `
<h2 id="van-heading" data-i18n="van.heading"></h2>
<p class="prose" data-i18n="van.intro"></p>
<form class="controls" onsubmit="return false" novalidate>
  <div class="control wide">
    <label for="van-sigma-range" data-i18n="van.sigma"></label>
    <div class="pair">
      <input id="van-sigma-range" type="range" min="0" max="1000" step="1" data-field="sigma" data-scale="log" data-log-min="-3" data-log-max="1" aria-describedby="van-note-sigma">
      <input id="van-sigma" type="number" step="any" data-field="sigma" inputmode="decimal" data-i18n-attr="aria-label:control.sigmaNumber" aria-describedby="van-note-sigma">
    </div>
    <p class="hint" data-i18n="van.sigmaHint"></p>
    <p class="note" id="van-note-sigma" data-note="sigma" role="status" hidden></p>
  </div>
  <div class="control">
    <label for="van-depth" data-i18n="control.depth"></label>
    <input id="van-depth" type="number" step="1" data-field="depth" inputmode="numeric" aria-describedby="van-note-depth">
    <p class="note" id="van-note-depth" data-note="depth" role="status" hidden></p>
  </div>
</form>
<div class="van-sides">${SIDES.map(sideHtml).join('')}</div>
<p class="error" data-out="error" role="alert" hidden></p>
<button type="button" class="table-toggle" data-action="table" aria-expanded="false"></button>
<div data-out="pytorch"></div>`;

const SCROLL_KEY = 'gradscope.van.scrollToMain';

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const root = document.createElement('section');
  root.className = 'cell live';
  root.id = 'cell-vanishing-preset';
  root.setAttribute('aria-labelledby', 'van-heading');
  root.innerHTML = html;
  slot.appendChild(root);

  const schema = vanishingSchema(wasm);
  const { state, notes } = store.register(PREFIX, schema);
  const errors = errorDisplay(root, root.querySelector('[data-out="error"]'), t);
  const tableButton = root.querySelector('[data-action="table"]');
  const sides = Object.fromEntries(
    SIDES.map((act) => {
      const el = root.querySelector(`[data-side="${act}"]`);
      return [act, { el, engine: new wasm.Engine(), canvas: el.querySelector('canvas'), result: null, settings: null, outcome: null }];
    }),
  );
  const cell = { state, sides, computes: 0, frames: 0, onLanguage: null };

  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema,
    t,
    notes,
    onChange: (name) => {
      syncView();
      schedule(name !== 'table');
    },
  });
  const pytorch = pytorchPanel(
    root.querySelector('[data-out="pytorch"]'),
    () => ctx.pytorchFor?.('gradients', sideSettings(wasm, state, 'sigmoid')) || '',
    t,
  );

  /** The page's hash with the main widget's keys set to `settings`. */
  function mainHash(settings) {
    const params = new URLSearchParams(store.hash().replace(/^#/, ''));
    const keys = { depth: 'depth', sigma: 'sigma', activation: 'act', init: 'init', width: 'width', batch: 'batch', seed: 'seed', precision: 'prec' };
    for (const [field, key] of Object.entries(keys)) params.set(key, String(settings[field]));
    return `#${params.toString()}`;
  }

  function syncView() {
    for (const act of SIDES) {
      const side = sides[act];
      const settings = sideSettings(wasm, state, act);
      const link = side.el.querySelector('[data-out="open"]');
      link.href = `${window.location.pathname}${window.location.search}${mainHash(settings)}`;
      side.el.querySelector('[data-out="table-wrap"]').classList.toggle('visually-hidden', !state.table);
    }
    tableButton.setAttribute('aria-expanded', String(state.table));
    tableButton.textContent = t.now(state.table ? 'control.hideTable' : 'control.table');
    pytorch.refresh();
  }

  for (const act of SIDES) {
    sides[act].el.querySelector('[data-out="open"]').addEventListener('click', (ev) => {
      // The main widget reads its state from the hash when the page loads: go there by reloading.
      ev.preventDefault();
      try { window.sessionStorage.setItem(SCROLL_KEY, '1'); } catch { /* blocked storage */ }
      window.location.hash = mainHash(sideSettings(wasm, state, act));
      window.location.reload();
    });
  }
  tableButton.addEventListener('click', () => {
    store.set(PREFIX, 'table', state.table ? '0' : '1');
    syncView();
  });

  function compute() {
    errors.clear();
    for (const act of SIDES) {
      const side = sides[act];
      const settings = sideSettings(wasm, state, act);
      try {
        side.result = side.engine.gradients(settings);
        side.settings = settings;
      } catch (e) {
        errors.show(e);
      }
    }
    cell.computes += 1;
  }

  function renderText() {
    const lang = ctx.lang();
    for (const act of SIDES) {
      const side = sides[act];
      const r = side.result;
      if (!r) continue;
      const verdict = side.el.querySelector('[data-out="verdict"]');
      verdict.textContent = verdictText(r, t.now);
      verdict.dataset.kind = r.verdict.kind;
      side.canvas.setAttribute('aria-label', t.now('van.chart.alt', { side: t.now(`van.side.${act}`), verdict: verdict.textContent }));
      const tbody = side.el.querySelector('tbody');
      while (tbody.rows.length > r.layers.length) tbody.deleteRow(-1);
      while (tbody.rows.length < r.layers.length) {
        const row = tbody.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        row.appendChild(th);
        row.insertCell();
        row.insertCell();
      }
      r.layers.forEach((s, i) => {
        const row = tbody.rows[i];
        row.cells[0].textContent = String(s.layer);
        row.cells[0].dataset.value = String(s.layer);
        for (const [c, v] of [[1, s.grad_norm], [2, s.backward_norm]]) {
          row.cells[c].textContent = formatNumber(v, lang);
          row.cells[c].dataset.value = String(v);
        }
      });
    }
  }

  function draw() {
    for (const act of SIDES) {
      const side = sides[act];
      if (!side.result) continue;
      const scale = fitCanvas(side.canvas);
      const labels = {
        title: t.now('chart.title'),
        x_axis: t.now('van.chart.x'),
        y_axis: t.now('chart.y'),
        grad: t.now('chart.grad'),
        backward: t.now('chart.backward'),
        forward: t.now('chart.forward'),
        theory_suffix: t.now('chart.theorySuffix'),
        underflow: t.now('chart.underflow'),
        overflow: t.now('chart.overflow'),
      };
      try {
        side.outcome = wasm.drawGradientChart(side.canvas, side.result, labels, { show_backward: true, show_forward: false }, { font_family: ctx.fontFamily, scale });
      } catch (e) {
        errors.show(e);
      }
    }
  }

  const schedule = frameLoop((computeNow) => {
    cell.frames += 1;
    if (computeNow) {
      compute();
      renderText();
      pytorch.refresh();
    }
    draw();
  });

  controls.sync();
  syncView();
  const resize = new ResizeObserver(() => schedule(false));
  for (const act of SIDES) resize.observe(sides[act].canvas);
  cell.onLanguage = () => {
    syncView();
    pytorch.relabel();
    renderText();
    schedule(false);
  };
  schedule(true);
  let scroll = null;
  try {
    scroll = window.sessionStorage.getItem(SCROLL_KEY);
    window.sessionStorage.removeItem(SCROLL_KEY);
  } catch { /* blocked storage */ }
  if (scroll) document.getElementById('cell-gradients')?.scrollIntoView();
  return cell;
}
