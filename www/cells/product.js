// The chapter's exploding experiment: one random n×n N(0, σ²) matrix times k more. The engine
// (gradscope_core::product) computes; this cell prints the first matrix and the product the way
// numpy prints arrays, and plots ‖M‖_F and max |Mᵢⱼ| after each step on a log axis.

import { setNumber, tableRows } from './common.js';
import { mountReportCell } from './report-cell.js';
import { chartFigure, toggledTable } from './shell.js';
import '../strings/product.js';

// ---------------------------------------------------------------------------------------------
// numpy-style printing of a 2-D float array, following numpy ≥ 1.14's `str(array)` with the
// default print options (precision=8, floatmode='maxprec', suppress=False, linewidth=75,
// threshold=1000, edgeitems=3, sign='-'): numpy/core/arrayprint.py, FloatingFormat.fillFormat
// and _formatArray.
// ---------------------------------------------------------------------------------------------

const NP = { precision: 8, linewidth: 75, threshold: 1000, edgeitems: 3 };

/**
 * The shortest decimal digits that read back as `x` (as an f32 when `f32`), like numpy's
 * dragon4 in unique mode: {digits, exp} with x = d.ddd × 10^exp, no trailing zeros.
 */
function shortest(a, f32) {
  let s = a.toExponential();
  if (f32) {
    for (let p = 0; p <= 8; p += 1) {
      const c = a.toExponential(p);
      if (Math.fround(Number(c)) === a) {
        s = c;
        break;
      }
    }
  }
  return splitExp(s);
}

function splitExp(s) {
  const [m, e] = s.split('e');
  const digits = m.replace('.', '').replace(/0+$/, '') || '0';
  return { digits, exp: Number(e) };
}

/** dragon4_scientific(x, precision=p, unique=True, trim='.') without padding: [int, frac, exp]. */
function sciParts(x, f32, p) {
  const a = Math.abs(x);
  let { digits, exp } = shortest(a, f32);
  if (digits.length - 1 > p) ({ digits, exp } = splitExp(a.toExponential(p)));
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return [sign + digits[0], digits.slice(1), exp];
}

/** dragon4_positional(x, precision=p, unique=True, fractional=True, trim='.'): [int, frac]. */
function posParts(x, f32, p) {
  const a = Math.abs(x);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (a === 0) return [`${sign}0`, ''];
  const { digits, exp } = shortest(a, f32);
  let int;
  let frac;
  if (exp >= 0) {
    int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    frac = digits.slice(exp + 1);
  } else {
    int = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  if (frac.length > p) {
    [int, frac] = a.toFixed(p).split('.');
    frac = frac.replace(/0+$/, '');
  }
  return [sign + int, frac];
}

/** numpy's FloatingFormat for the values `data` (a flat list): returns x → padded string. */
function floatFormatter(data, f32) {
  const finite = data.filter(Number.isFinite);
  const nonzero = finite.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonzero.length) {
    const max = Math.max(...nonzero);
    const min = Math.min(...nonzero);
    expFormat = max >= 1e8 || min < 0.0001 || max / min > 1000;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = NP.precision;
  let expSize = -1;
  if (finite.length === 0) {
    expFormat = false;
  } else if (expFormat) {
    const parts = finite.map((v) => sciParts(v, f32, NP.precision));
    precision = Math.max(...parts.map((q) => q[1].length));
    expSize = Math.max(2, ...parts.map((q) => String(Math.abs(q[2])).length));
    padLeft = Math.max(...parts.map((q) => q[0].length));
    padRight = expSize + 2 + precision;
  } else {
    const parts = finite.map((v) => posParts(v, f32, NP.precision));
    padLeft = Math.max(...parts.map((q) => q[0].length));
    padRight = Math.max(...parts.map((q) => q[1].length));
  }
  if (finite.length !== data.length) {
    const negInf = data.some((v) => v === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + negInf - offset);
  }
  return (x) => {
    if (!Number.isFinite(x)) {
      const ret = Number.isNaN(x) ? 'nan' : x < 0 ? '-inf' : 'inf';
      return ret.padStart(padLeft + padRight + 1);
    }
    if (expFormat) {
      const [int, frac, exp] = sciParts(x, f32, precision);
      const e = `${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(expSize, '0')}`;
      return `${int.padStart(padLeft)}.${frac.padEnd(precision, '0')}e${e}`;
    }
    const [int, frac] = posParts(x, f32, precision);
    return `${int.padStart(padLeft)}.${frac.padEnd(padRight)}`;
  };
}

function extendLine(s, line, word, width, prefix) {
  let wrap = line.length + word.length > width;
  if (line.length <= prefix.length) wrap = false;
  if (wrap) {
    s += `${line.trimEnd()}\n`;
    line = prefix;
  }
  return [s, line + word];
}

/**
 * A 2-D array (rows of numbers) as numpy's `print(a)` shows it; `f32` formats like a float32
 * array (shortest digits that read back as the same f32).
 */
export function formatNumpy(rows, { f32 = false } = {}) {
  const nRows = rows.length;
  const nCols = nRows ? rows[0].length : 0;
  if (nRows === 0 || nCols === 0) return '[]';
  const summary = nRows * nCols > NP.threshold;
  const E = NP.edgeitems;
  const pick = (n) => (summary && 2 * E < n ? [...Array(E).keys(), ...Array.from({ length: E }, (_, i) => n - E + i)] : [...Array(n).keys()]);
  const shown = pick(nRows).map((i) => pick(nCols).map((j) => rows[i][j]));
  const fmt = floatFormatter(shown.flat(), f32);
  const rowText = (row) => {
    // The last axis: words wrapped at the line width (75 − 1 for the outer bracket − 1 for ']').
    const indent = '  ';
    const width = NP.linewidth - 1 - 1;
    const n = row.length;
    const cut = summary && 2 * E < n;
    const idx = cut ? [...Array(E).keys(), '...', ...Array.from({ length: E }, (_, i) => n - E + i)] : [...Array(n).keys()];
    let s = '';
    let line = indent;
    idx.forEach((i, k) => {
      const word = i === '...' ? '...' : fmt(row[i]);
      [s, line] = extendLine(s, line, word, width, indent);
      if (k < idx.length - 1) line += ' ';
    });
    s += line;
    return `[${s.slice(indent.length)}]`;
  };
  const rowIdx = summary && 2 * E < nRows ? [...Array(E).keys(), '...', ...Array.from({ length: E }, (_, i) => nRows - E + i)] : [...Array(nRows).keys()];
  const lines = rowIdx.map((i) => (i === '...' ? '...' : rowText(rows[i])));
  return `[${lines.join('\n ')}]`;
}

// ---------------------------------------------------------------------------------------------

/** The cell's own markup: the two matrices, the chart and the table (controls: shell.js). */
const body = `
<div class="prod-matrices">
  <div class="prod-matrix">
    <h4 id="prod-first-title" data-i18n="prod.first"></h4>
    <pre class="numpy" data-out="first" tabindex="0" aria-labelledby="prod-first-title"></pre>
  </div>
  <div class="prod-matrix">
    <h4 id="prod-product-title" data-out="product-title"></h4>
    <pre class="numpy" data-out="product" tabindex="0" aria-labelledby="prod-product-title"></pre>
  </div>
</div>
${chartFigure('prod-summary', 'prod-table-caption')}
${toggledTable({ id: 'prod-table', caption: { out: 'table-caption' }, columns: ['prod.table.step', 'prod.table.frobenius', 'prod.table.maxAbs', 'table.status'] })}`;

/** The steps listed in the text alternative: all of them up to 201, else about 200 evenly
 * spaced ones plus the first overflow/underflow and the last. */
function tableSteps(report) {
  const n = report.steps.length;
  if (n <= 201) return report.steps;
  const every = Math.ceil(n / 200);
  const keep = new Set([0, n - 1]);
  for (let i = 0; i < n; i += every) keep.add(i);
  if (report.first_overflow != null) keep.add(report.first_overflow);
  if (report.first_underflow != null) keep.add(report.first_underflow);
  return [...keep].sort((a, b) => a - b).map((i) => report.steps[i]);
}

export function mount(slot, ctx) {
  return mountReportCell('product', slot, ctx, {
    engine: 'randomProduct',
    labels: { precision: 'control.precision', seed: 'control.seed' },
    numberLabels: { sigma: 'prod.sigmaNumber' },
    sliders: ['sigma'],
    seedButton: 'prod.runAgain',
    body,
    setup,
  });
}

function setup({ cell, t, out, canvas, tbody, ctx, fmt }) {
  function summaryText(r) {
    const last = r.steps.at(-1);
    const parts = [];
    if (r.first_overflow != null) parts.push(t.translate('prod.overflowAt', { k: r.first_overflow, prec: r.settings.precision }));
    else if (r.first_underflow != null) parts.push(t.translate('prod.underflowAt', { k: r.first_underflow, prec: r.settings.precision }));
    parts.push(
      t.translate('prod.summary', {
        k: r.settings.steps,
        max: fmt(last.max_abs),
        fro: fmt(last.frobenius),
        first: fmt(r.steps[0].max_abs),
      }),
    );
    return parts.join(' ');
  }

  function renderText(r) {
    const f32 = r.settings.precision === 'f32';
    out('first').textContent = formatNumpy(r.first, { f32 });
    out('first').dataset.values = JSON.stringify(r.first.map((row) => row.map(String)));
    out('product').textContent = formatNumpy(r.product, { f32 });
    out('product').dataset.values = JSON.stringify(r.product.map((row) => row.map(String)));
    out('product-title').textContent = t.translate('prod.product', { k: r.settings.steps });
    const summary = out('summary');
    summary.textContent = summaryText(r);
    summary.dataset.kind = r.first_overflow != null ? 'exploding' : r.first_underflow != null ? 'vanishing' : '';
    summary.dataset.overflow = r.first_overflow ?? '';
    canvas.setAttribute('aria-label', t.translate('prod.chart.alt', { summary: summary.textContent }));
    const steps = tableSteps(r);
    const rows = tableRows(tbody, steps.length, 3);
    steps.forEach((s, i) => {
      const row = rows[i];
      row.cells[0].textContent = String(s.step);
      row.cells[0].dataset.value = String(s.step);
      setNumber(row.cells[1], s.frobenius, ctx.lang());
      setNumber(row.cells[2], s.max_abs, ctx.lang());
      row.cells[3].textContent = t.translate(`status.${s.status}`);
      row.cells[3].dataset.status = s.status;
    });
  }

  const labels = () => {
    const r = cell.report;
    return {
      title: t.translate('prod.chart.title'),
      x_axis: t.translate('prod.chart.x'),
      y_axis: t.translate('prod.chart.y'),
      frobenius: t.translate('prod.chart.frobenius'),
      max_abs: t.translate('prod.chart.maxAbs'),
      underflow: r.first_underflow != null ? t.translate('prod.underflowAt', { k: r.first_underflow, prec: r.settings.precision }) : t.translate('chart.underflow'),
      overflow: r.first_overflow != null ? t.translate('prod.overflowAt', { k: r.first_overflow, prec: r.settings.precision }) : t.translate('chart.overflow'),
    };
  };

  return {
    renderText,
    labels,
    syncView: () => {
      out('table-caption').textContent = t.translate('prod.table.caption');
    },
  };
}
