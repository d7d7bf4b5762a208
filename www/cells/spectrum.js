// Exercise 3 of the chapter: the singular values of a product of two random matrices. The engine
// (gradscope_core::spectrum) draws A and B (n×n, N(0, σ²) entries) and returns the singular
// values of A, B and AB, the eigenvalue moduli of AB and the bounds
//   σ_min(A)·σ_min(B) ≤ σ_i(AB) ≤ σ_max(A)·σ_max(B),   σ_min(AB) ≤ |λ_i(AB)| ≤ σ_max(AB),
// with Horn's finer per-index bounds. This cell plots them on a log axis, states the bounds with
// the current numbers, and lists every number in a table (full precision in data-value).

import { formatNumber } from '../i18n.js';
import { drawChart } from './common.js';
import { mountCell } from './shell.js';

/** The table's columns: report key → i18n key of the header. */
export const COLUMNS = [
  ['sv_a', 'svd.colA'],
  ['sv_b', 'svd.colB'],
  ['sv_ab', 'svd.colAB'],
  ['eig_abs_ab', 'svd.colEig'],
  ['horn_upper', 'svd.colHornUpper'],
  ['horn_lower', 'svd.colHornLower'],
];

const body = `
<figure class="output">
  <canvas class="chart" role="img" aria-describedby="svd-summary"></canvas>
  <figcaption>
    <p class="verdict" id="svd-summary" data-out="summary" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
  </figcaption>
</figure>
<p class="svd-product" data-out="product"></p>
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
</div>`;

export function mount(slot, ctx) {
  return mountCell('spectrum', slot, ctx, {
    labels: { seed: 'control.seed' },
    numberLabels: { sigma: 'svd.sigmaNumber' },
    sliders: ['sigma'],
    seedButton: 'svd.newSeed',
    body,
    setup: (api) => setup(api, ctx),
  });
}

function setup({ root, state, cell, t, out, errors }, ctx) {
  const { wasm } = ctx;
  const canvas = root.querySelector('canvas');
  const tbody = root.querySelector('tbody');
  Object.assign(cell, { report: null, outcome: null });

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
      cell.outcome = drawChart(wasm, ctx, 'spectrum', canvas, r, labels);
    } catch (e) {
      errors.show(e);
    }
  }

  return {
    compute,
    renderText,
    draw,
    pytorch: () => ctx.pytorchFor('spectrum', { size: state.size, sigma: state.sigma, seed: state.seed }),
  };
}
