// Exercise 3 of the chapter: the singular values of a product of two random matrices. The engine
// (gradscope_core::spectrum) draws A and B (n×n, N(0, σ²) entries) and returns the singular
// values of A, B and AB, the eigenvalue moduli of AB and the bounds
//   σ_min(A)·σ_min(B) ≤ σ_i(AB) ≤ σ_max(A)·σ_max(B),   σ_min(AB) ≤ |λ_i(AB)| ≤ σ_max(AB),
// with Horn's finer per-index bounds. This cell plots them on a log axis, states the bounds with
// the current numbers, and lists every number in a table (full precision in data-value).

import { applyTranslations, formatNumber } from '../i18n.js';
import { bindControls, cellSection, errorDisplay, fitCanvas, pytorchPanel, runCell, showTable } from './common.js';

export const PREFIX = 'svd';

/** The cell's state fields: n (URL key n), σ (s), the seed, whether the table is shown. */
export function spectrumSchema(wasm) {
  const l = wasm.spectrumLimits();
  return {
    size: { type: 'int', def: 4, min: l.size.min, max: l.size.max, key: 'n' },
    // The engine takes any σ in (0, 10]; the page offers 0.001 … 10 (the slider 0.01 … 10).
    sigma: { type: 'float', def: 1, min: 0.001, max: l.sigma.max, key: 's' },
    seed: { type: 'int', def: 1, min: 0, max: 4294967295, key: 'seed' },
    table: { type: 'bool', def: false, key: 'table' },
  };
}

const COMPUTE_FIELDS = new Set(['size', 'sigma', 'seed']);

/** The table's columns: report key → i18n key of the header. */
export const COLUMNS = [
  ['sv_a', 'svd.colA'],
  ['sv_b', 'svd.colB'],
  ['sv_ab', 'svd.colAB'],
  ['eig_abs_ab', 'svd.colEig'],
  ['horn_upper', 'svd.colHornUpper'],
  ['horn_lower', 'svd.colHornLower'],
];

const html = `
<h3 id="svd-heading" data-i18n="svd.heading"></h3>
<p class="prose" data-i18n="svd.intro"></p>
<form class="controls" onsubmit="return false" novalidate>
  <div class="control">
    <label for="svd-size" data-i18n="svd.size"></label>
    <input id="svd-size" type="number" step="1" data-field="size" inputmode="numeric" aria-describedby="svd-note-size">
    <p class="note" id="svd-note-size" data-note="size" role="status" hidden></p>
  </div>
  <div class="control wide">
    <label for="svd-sigma-range" data-i18n="svd.sigma"></label>
    <div class="pair">
      <input id="svd-sigma-range" type="range" min="0" max="1000" step="1" data-field="sigma" data-scale="log" data-log-min="-2" data-log-max="1" aria-describedby="svd-note-sigma">
      <input id="svd-sigma" type="number" step="any" data-field="sigma" inputmode="decimal" data-i18n-attr="aria-label:svd.sigmaNumber" aria-describedby="svd-note-sigma">
    </div>
    <p class="note" id="svd-note-sigma" data-note="sigma" role="status" hidden></p>
  </div>
  <div class="control">
    <label for="svd-seed" data-i18n="control.seed"></label>
    <div class="pair">
      <input id="svd-seed" type="number" step="1" data-field="seed" inputmode="numeric" aria-describedby="svd-note-seed">
      <button type="button" data-action="new-seed" data-i18n="svd.newSeed"></button>
    </div>
    <p class="note" id="svd-note-seed" data-note="seed" role="status" hidden></p>
  </div>
</form>
<figure class="output">
  <canvas class="chart" role="img" aria-describedby="svd-summary"></canvas>
  <figcaption>
    <p class="verdict" id="svd-summary" data-out="summary" aria-live="polite"></p>
    <p class="error" data-out="error" role="alert" hidden></p>
  </figcaption>
</figure>
<p class="svd-product" data-out="product"></p>
<button type="button" class="table-toggle" data-action="table" aria-controls="svd-table-wrap" aria-expanded="false"></button>
<div class="table-wrap visually-hidden" id="svd-table-wrap" data-out="table-wrap" role="region" aria-labelledby="svd-table-caption">
  <table class="numbers" id="svd-table">
    <caption id="svd-table-caption" data-out="table-caption"></caption>
    <thead>
      <tr>
        <th scope="col" data-i18n="svd.colIndex"></th>
        ${COLUMNS.map(([key, label]) => `<th scope="col" data-key="${key}" data-i18n="${label}"></th>`).join('')}
      </tr>
    </thead>
    <tbody></tbody>
    <tfoot>
      <tr data-row="bounds">
        <th scope="row" data-i18n="svd.rowBounds"></th>
        <td colspan="6" data-out="bounds"></td>
      </tr>
      <tr data-row="log-det">
        <th scope="row" data-i18n="svd.rowLogDet"></th>
        <td data-key="log10_det_a"></td>
        <td data-key="log10_det_b"></td>
        <td data-key="log10_det_ab"></td>
        <td data-key="log10_eig_prod_ab"></td>
        <td colspan="2"></td>
      </tr>
    </tfoot>
  </table>
</div>
<div data-out="pytorch"></div>`;

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const root = cellSection(slot, 'spectrum', html, 'svd-heading');
  applyTranslations(root, ctx.lang());

  const schema = spectrumSchema(wasm);
  const { state, notes } = store.register(PREFIX, schema);
  const canvas = root.querySelector('canvas');
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  const tbody = root.querySelector('tbody');
  const tableButton = root.querySelector('[data-action="table"]');
  const errors = errorDisplay(root, out('error'), t);
  const cell = { state, report: null, outcome: null, computes: 0, frames: 0, onLanguage: null };

  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema,
    t,
    notes,
    onChange: (name) => {
      syncView();
      schedule(COMPUTE_FIELDS.has(name));
    },
  });
  const pytorch = pytorchPanel(out('pytorch'), () => ctx.pytorchFor('spectrum', { size: state.size, sigma: state.sigma, seed: state.seed }), t);

  function syncView() {
    showTable(out('table-wrap'), state.table);
    tableButton.setAttribute('aria-expanded', String(state.table));
    tableButton.textContent = t.translate(state.table ? 'control.hideTable' : 'control.table');
    pytorch.refresh();
  }

  root.querySelector('[data-action="new-seed"]').addEventListener('click', () => {
    let seed = wasm.newSeed();
    if (seed === state.seed) seed = (seed + 1) % (schema.seed.max + 1);
    controls.showNote('seed', store.set(PREFIX, 'seed', String(seed)));
    controls.sync();
    syncView();
    schedule(true);
  });
  tableButton.addEventListener('click', () => {
    store.set(PREFIX, 'table', state.table ? '0' : '1');
    syncView();
  });

  function compute() {
    try {
      cell.report = wasm.spectrumCompute({ size: state.size, sigma: state.sigma, seed: state.seed });
      cell.computes += 1;
      errors.clear();
    } catch (e) {
      cell.report = null;
      errors.show(e);
    }
  }

  const fmt = (x) => formatNumber(x, ctx.lang());
  const fmtLog = (x) => formatNumber(x, ctx.lang(), 6);

  function summaryText(r) {
    const n = r.size;
    const vars = {
      n,
      upper: fmt(r.upper),
      lower: fmt(r.lower),
      maxAB: fmt(r.sv_ab[0]),
      minAB: fmt(r.sv_ab[n - 1]),
      maxA: fmt(r.sv_a[0]),
      maxB: fmt(r.sv_b[0]),
      minA: fmt(r.sv_a[n - 1]),
      minB: fmt(r.sv_b[n - 1]),
      eigMax: fmt(r.eig_abs_ab[0]),
      eigMin: fmt(r.eig_abs_ab[n - 1]),
      share: formatNumber((100 * r.sv_ab[0]) / r.upper, ctx.lang(), 3),
      logDetAB: fmtLog(r.log10_det_ab),
      logDetA: fmtLog(r.log10_det_a),
      logDetB: fmtLog(r.log10_det_b),
    };
    const first = t.translate(r.bounds_hold ? 'svd.boundsHold' : 'svd.boundsFail', vars);
    return `${first} ${t.translate('svd.eigSentence', vars)} ${t.translate('svd.detSentence', vars)}`;
  }

  function productText(r) {
    // A product of L factors like A stretches by at most σ_max per factor: σ_max^L; the chapter
    // multiplies 100 of them. Shown in decades so that nothing overflows.
    const decades = 100 * Math.log10(r.sv_a[0]);
    return t.translate('svd.productSentence', {
      maxA: fmt(r.sv_a[0]),
      edge: fmt(2 * r.sigma * Math.sqrt(r.size)),
      decades: formatNumber(decades, ctx.lang(), 3),
      share: formatNumber((100 * r.sv_ab[0]) / r.upper, ctx.lang(), 3),
    });
  }

  function setValue(el, v) {
    el.textContent = fmt(v);
    el.dataset.value = String(v);
  }

  function renderText() {
    const r = cell.report;
    const summary = out('summary');
    if (!r) {
      summary.textContent = '';
      out('product').textContent = '';
      return;
    }
    summary.textContent = summaryText(r);
    summary.dataset.hold = String(r.bounds_hold);
    summary.dataset.upper = String(r.upper);
    summary.dataset.lower = String(r.lower);
    summary.dataset.worst = String(r.worst_violation);
    summary.dataset.rounding = String(r.rounding);
    out('product').textContent = productText(r);
    canvas.setAttribute('aria-label', t.translate('svd.alt', { n: r.size, summary: summary.textContent }));
    out('table-caption').textContent = t.translate('svd.caption', { n: r.size, sigma: fmt(r.sigma), seed: r.seed });
    const n = r.size;
    while (tbody.rows.length > n) tbody.deleteRow(-1);
    while (tbody.rows.length < n) {
      const row = tbody.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      row.appendChild(th);
      for (const [key] of COLUMNS) row.insertCell().dataset.key = key;
    }
    for (let i = 0; i < n; i += 1) {
      const row = tbody.rows[i];
      row.cells[0].textContent = String(i + 1);
      row.cells[0].dataset.value = String(i + 1);
      COLUMNS.forEach(([key], j) => setValue(row.cells[j + 1], r[key][i]));
    }
    const bounds = out('bounds');
    bounds.textContent = t.translate('svd.boundsCell', { upper: fmt(r.upper), lower: fmt(r.lower) });
    bounds.dataset.upper = String(r.upper);
    bounds.dataset.lower = String(r.lower);
    for (const td of root.querySelectorAll('tfoot td[data-key]')) {
      const v = r[td.dataset.key];
      td.textContent = fmtLog(v);
      td.dataset.value = String(v);
    }
  }

  function draw() {
    const r = cell.report;
    if (!r) return;
    const scale = fitCanvas(canvas);
    const narrow = canvas.clientWidth < 520;
    const labels = {
      title: narrow ? t.translate('svd.chartTitleShort') : t.translate('svd.chartTitle', { n: r.size }),
      x_axis: t.translate('svd.chartX'),
      y_axis: t.translate('svd.chartY'),
      sv_a: t.translate('svd.legendA'),
      sv_b: t.translate('svd.legendB'),
      sv_ab: t.translate('svd.legendAB'),
      eig_ab: t.translate('svd.legendEig'),
      upper: t.translate('svd.legendUpper'),
      lower: t.translate('svd.legendLower'),
      underflow: t.translate('chart.underflow'),
      overflow: t.translate('chart.overflow'),
    };
    try {
      cell.outcome = wasm.drawSpectrumChart(canvas, r, labels, { font_family: ctx.fontFamily, scale });
    } catch (e) {
      errors.show(e);
    }
  }

  controls.sync();
  const schedule = runCell(cell, { canvases: [canvas], compute, renderText, draw, syncView, pytorch });
  return cell;
}
