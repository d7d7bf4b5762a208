// Default initialization: the main widget's engine with MXNet's default U[−0.07, 0.07] (no biases
// in our model, as MXNet's are zero), beside PyTorch's default and Xavier uniform (Keras'
// default), as small multiples with shared depth, width and activation. σ plays no part in the
// two framework defaults and is 1 (the scheme as published) for Xavier's gain.

import { formatNumber } from '../i18n.js';
import { bindControls, errorDisplay, fitCanvas, frameLoop, pytorchPanel } from './common.js';
import { verdictText } from './gradients.js';

export const PREFIX = 'def';
const SIDES = ['mxnet-default', 'pytorch-default', 'xavier-uniform'];

export function defaultInitSchema(wasm) {
  const limits = wasm.limits();
  return {
    depth: { type: 'int', def: 20, min: 2, max: limits.depth.max, key: 'depth' },
    width: { type: 'int', def: 64, min: limits.width.min, max: limits.width.max, key: 'width' },
    activation: { type: 'enum', def: 'relu', values: ['sigmoid', 'tanh', 'relu', 'identity'], key: 'act' },
    table: { type: 'bool', def: false, key: 'table' },
  };
}

/** The engine settings of one initializer (the main widget's fields); σ = 1 is ignored by the
 * framework defaults and is Xavier's published gain. */
export function sideSettings(wasm, state, init) {
  const d = wasm.defaultSettings();
  return {
    depth: state.depth,
    width: state.width,
    batch: d.batch,
    activation: state.activation,
    init,
    sigma: 1,
    seed: d.seed,
    precision: 'f64',
  };
}

const sideHtml = (act) => `
<div class="def-side" data-side="${act}">
  <h3 id="def-${act}-title" data-i18n="init.${act}"></h3>
  <p class="hint" data-out="role"></p>
  <canvas class="chart def-chart" role="img" aria-describedby="def-${act}-verdict"></canvas>
  <p class="verdict" id="def-${act}-verdict" data-out="verdict"></p>
  <a class="def-open" data-out="open" href="#" data-i18n="def.open"></a>
  <div class="table-wrap visually-hidden" data-out="table-wrap">
    <table class="numbers">
      <caption data-out="caption"></caption>
      <thead><tr><th scope="col" data-i18n="table.layer"></th><th scope="col" data-i18n="table.grad"></th><th scope="col" data-i18n="table.backward"></th></tr></thead>
      <tbody></tbody>
    </table>
  </div>
</div>`;

const html = `
<h2 id="def-heading" data-i18n="def.heading"></h2>
<p class="prose" data-i18n="def.intro"></p>
<form class="controls" onsubmit="return false" novalidate>
  <div class="control">
    <label for="def-depth" data-i18n="control.depth"></label>
    <input id="def-depth" type="number" step="1" data-field="depth" inputmode="numeric" aria-describedby="def-note-depth">
    <p class="note" id="def-note-depth" data-note="depth" role="status" hidden></p>
  </div>
  <div class="control">
    <label for="def-width" data-i18n="control.width"></label>
    <input id="def-width" type="number" step="1" data-field="width" inputmode="numeric" aria-describedby="def-note-width">
    <p class="note" id="def-note-width" data-note="width" role="status" hidden></p>
  </div>
  <div class="control">
    <label for="def-activation" data-i18n="control.activation"></label>
    <select id="def-activation" data-field="activation" aria-describedby="def-note-activation">
      <option value="sigmoid" data-i18n="act.sigmoid"></option>
      <option value="tanh" data-i18n="act.tanh"></option>
      <option value="relu" data-i18n="act.relu"></option>
      <option value="identity" data-i18n="act.identity"></option>
    </select>
    <p class="note" id="def-note-activation" data-note="activation" role="status" hidden></p>
  </div>
</form>
<div class="def-sides">${SIDES.map(sideHtml).join('')}</div>
<p class="error" data-out="error" role="alert" hidden></p>
<button type="button" class="table-toggle" data-action="table" aria-expanded="false"></button>
<div data-out="pytorch"></div>`;

const SCROLL_KEY = 'gradscope.def.scrollToMain';

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const root = document.createElement('section');
  root.className = 'cell live';
  root.id = 'cell-default-init';
  root.setAttribute('aria-labelledby', 'def-heading');
  root.innerHTML = html;
  slot.appendChild(root);

  const schema = defaultInitSchema(wasm);
  const roles = Object.fromEntries(wasm.initializers().map((i) => [i.name, i.sigma_role]));
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
    () => ctx.pytorchFor?.('gradients', sideSettings(wasm, state, 'mxnet-default')) || '',
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
      const role = side.el.querySelector('[data-out="role"]');
      role.textContent = t.now(`role.${roles[act]}`) + (roles[act] === 'ignored' ? '' : ` ${t.now('def.gainOne')}`);
      role.dataset.role = roles[act];
      side.el.querySelector('[data-out="caption"]').textContent = t.now('def.table', { init: t.now(`init.${act}`) });
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
      side.canvas.setAttribute('aria-label', t.now('def.chart.alt', { init: t.now(`init.${act}`), verdict: verdict.textContent }));
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
        title: t.now(`init.${act}`),
        x_axis: t.now('def.chart.x'),
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
