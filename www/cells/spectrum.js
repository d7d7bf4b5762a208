// Exercise 3 of the chapter: the singular values of a product of two random matrices. The engine
// (gradscope_core::spectrum) draws A and B (n×n, N(0, σ²) entries) and returns the singular
// values of A, B and AB, the eigenvalue moduli of AB and the bounds
//   σ_min(A)·σ_min(B) ≤ σ_i(AB) ≤ σ_max(A)·σ_max(B),   σ_min(AB) ≤ |λ_i(AB)| ≤ σ_max(AB),
// with Horn's finer per-index bounds. This cell plots them on a log axis, states the bounds with
// the current numbers, and lists every number in a table (full precision in data-value).

import { setNumber, tableRows } from './common.js';
import { mountReportCell } from './report-cell.js';
import { chartFigure } from './shell.js';
import '../strings/spectrum.js';

/** The table's columns: report key → i18n key of the header. */
export const COLUMNS = [
  ['sv_a', 'svd.colA'],
  ['sv_b', 'svd.colB'],
  ['sv_ab', 'svd.colAB'],
  ['eig_abs_ab', 'svd.colEig'],
  ['horn_upper', 'svd.colHornUpper'],
  ['horn_lower', 'svd.colHornLower'],
];

const body = `${chartFigure('svd-summary')}
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
  return mountReportCell('spectrum', slot, ctx, {
    engine: 'spectrumCompute',
    labels: { seed: 'control.seed' },
    numberLabels: { sigma: 'svd.sigmaNumber' },
    sliders: ['sigma'],
    seedButton: 'svd.newSeed',
    body,
    texts: ['summary', 'product'],
    setup,
  });
}

function setup({ root, cell, t, out, canvas, tbody, ctx, fmt }) {
  const fmtLog = (x) => fmt(x, 6);

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
      share: fmt((100 * r.sv_ab[0]) / r.upper),
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
      decades: fmt(decades),
      share: fmt((100 * r.sv_ab[0]) / r.upper),
    });
  }

  function renderText(r) {
    const summary = out('summary');
    summary.textContent = summaryText(r);
    summary.dataset.hold = String(r.bounds_hold);
    summary.dataset.upper = String(r.upper);
    summary.dataset.lower = String(r.lower);
    summary.dataset.worst = String(r.worst_violation);
    summary.dataset.rounding = String(r.rounding);
    out('product').textContent = productText(r);
    canvas.setAttribute('aria-label', t.translate('svd.alt', { n: r.size, summary: summary.textContent }));
    out('table-caption').textContent = t.translate('svd.caption', { n: r.size, sigma: fmt(r.sigma), seed: r.seed });
    const rows = tableRows(tbody, r.size, COLUMNS.length, (td, j) => {
      td.dataset.key = COLUMNS[j][0];
    });
    for (let i = 0; i < r.size; i += 1) {
      rows[i].cells[0].textContent = String(i + 1);
      rows[i].cells[0].dataset.value = String(i + 1);
      COLUMNS.forEach(([key], j) => setNumber(rows[i].cells[j + 1], r[key][i], ctx.lang()));
    }
    const bounds = out('bounds');
    bounds.textContent = t.translate('svd.boundsCell', { upper: fmt(r.upper), lower: fmt(r.lower) });
    bounds.dataset.upper = String(r.upper);
    bounds.dataset.lower = String(r.lower);
    for (const td of root.querySelectorAll('tfoot td[data-key]')) setNumber(td, r[td.dataset.key], ctx.lang(), 6);
  }

  const labels = (narrow) => ({
    title: narrow ? t.translate('svd.chartTitleShort') : t.translate('svd.chartTitle', { n: cell.report.size }),
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
  });

  return { renderText, labels };
}
