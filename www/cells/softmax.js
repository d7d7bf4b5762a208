// Exercise 2 of the chapter, live: softmax regression from constant weights. The engine
// (gradscope_core::softmax_regression) trains it on seeded Gaussian blobs by full-batch gradient
// descent from W = c everywhere and returns the loss, the accuracy and the spread between the
// classes' weight columns after every step, the first gradient and each class's mean input.
// The first gradient's column k is (1/K)·x̄ − (n_k/n)·x̄_k: different labels, different columns,
// so nothing holds the classes together, unlike the hidden units of an MLP.

import { formatNumber } from '../i18n.js';
import { computeReport, drawReport } from './common.js';
import { fillLayerTable } from './gradients.js';
import { chartFigure, mountCell, toggledTable } from './shell.js';

const body = `${chartFigure('soft-summary')}
<p class="soft-why" data-out="why"></p>
${toggledTable({ id: 'soft-table', caption: { out: 'table-caption' }, columns: ['soft.colClass', 'soft.colMean', 'soft.colGradient', 'soft.colWeights', 'soft.colBias'] })}`;

/** The engine's settings from the cell's state. */
export function softmaxSettings(state) {
  const { value, learning_rate, steps, classes, per_class, spread, seed } = state;
  return { value, learning_rate, steps, classes, per_class, spread, seed };
}

export function mount(slot, ctx) {
  return mountCell('softmax', slot, ctx, {
    labels: { seed: 'control.seed' },
    numberLabels: { learning_rate: 'soft.lrNumber', spread: 'soft.spreadNumber' },
    sliders: ['learning_rate', 'spread', 'steps'],
    seedButton: 'soft.newSeed',
    body,
    setup: (api) => setup(api, ctx),
  });
}

function setup({ root, state, cell, t, out, errors }, ctx) {
  const { wasm } = ctx;
  const canvas = root.querySelector('canvas');
  const tbody = root.querySelector('tbody');
  Object.assign(cell, { report: null, outcome: null });

  const compute = () => computeReport(cell, errors, () => wasm.softmaxCompute(softmaxSettings(state)));

  const fmt = (x, digits = 3) => formatNumber(x, ctx.lang(), digits);
  const vector = (v) => `(${v.map((x) => fmt(x)).join('; ')})`;

  function renderText() {
    const r = cell.report;
    const summary = out('summary');
    if (!r) {
      summary.textContent = '';
      out('why').textContent = '';
      return;
    }
    const first = r.history[0];
    const last = r.history[r.history.length - 1];
    const vars = {
      c: fmt(r.settings.value),
      k: r.settings.classes,
      steps: last.step,
      start: fmt(first.loss, 4),
      end: fmt(last.loss, 4),
      chance: fmt(r.chance_loss, 4),
      accuracy: fmt(100 * last.accuracy, 3),
      spread1: fmt(r.history[Math.min(1, r.history.length - 1)].spread),
    };
    summary.textContent = t.translate(last.loss < first.loss ? 'soft.learns' : 'soft.stalls', vars);
    Object.assign(summary.dataset, {
      lossStart: String(first.loss), lossEnd: String(last.loss), accuracy: String(last.accuracy),
      spreadStart: String(first.spread), spreadOne: String(r.history[Math.min(1, r.history.length - 1)].spread),
    });
    const columns = r.first_gradient.map((g, k) => t.translate('soft.column', { k: k + 1, g: vector(g) })).join('; ');
    out('why').textContent = t.translate('soft.why', { ...vars, columns });
    canvas.setAttribute('aria-label', t.translate('soft.alt', { summary: summary.textContent }));
    out('table-caption').textContent = t.translate('soft.caption', vars);
    // One row per class, through the shared layer-table filler (its first column is `layer`).
    const rows = r.class_means.map((mean, k) => ({ layer: k + 1, bias: r.bias[k] }));
    fillLayerTable(tbody, rows, ['bias'], ctx.lang(), 3);
    rows.forEach((_, k) => {
      const cells = tbody.rows[k].cells;
      const bias = cells[1].textContent;
      const biasValue = cells[1].dataset.value;
      [r.class_means[k], r.first_gradient[k], r.weights[k]].forEach((v, i) => {
        cells[i + 1].textContent = vector(v);
        cells[i + 1].dataset.value = JSON.stringify(v);
      });
      cells[4].textContent = bias;
      cells[4].dataset.value = biasValue;
    });
  }

  const draw = () => drawReport(cell, { canvas, errors, ctx }, 'softmax', (narrow) => ({
    title: t.translate(narrow ? 'soft.chartTitleShort' : 'soft.chartTitle', { c: fmt(cell.report.settings.value) }),
    x_axis: t.translate('soft.chartX'),
    y_axis: t.translate('soft.chartY'),
    loss: t.translate('soft.legendLoss'),
    chance: t.translate('soft.legendChance'),
    spread: t.translate('soft.legendSpread'),
    underflow: t.translate('soft.legendZero'),
    overflow: t.translate('chart.overflow'),
  }));

  return {
    compute,
    renderText,
    draw,
    pytorch: () => ctx.pytorchFor('softmax', softmaxSettings(state)),
  };
}
