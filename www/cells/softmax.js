// Exercise 2 of the chapter, live: softmax regression from constant weights. The engine
// (gradscope_core::softmax_regression) trains it on seeded Gaussian blobs by full-batch gradient
// descent from W = c everywhere and returns the loss, the accuracy and the spread between the
// classes' weight columns after every step, the first gradient and each class's mean input.
// The first gradient's column k is (1/K)·x̄ − (n_k/n)·x̄_k: different labels, different columns,
// so nothing holds the classes together, unlike the hidden units of an MLP.

import { setNumber, tableRows } from './common.js';
import { mountReportCell } from './report-cell.js';
import { chartFigure, toggledTable } from './shell.js';
import '../strings/softmax.js';

const body = `${chartFigure('soft-summary')}
<p class="soft-why" data-out="why"></p>
${toggledTable({ id: 'soft-table', caption: { out: 'table-caption' }, columns: ['soft.colClass', 'soft.colMean', 'soft.colGradient', 'soft.colWeights', 'soft.colBias'] })}`;

export function mount(slot, ctx) {
  return mountReportCell('softmax', slot, ctx, {
    engine: 'softmaxCompute',
    labels: { seed: 'control.seed' },
    numberLabels: { learning_rate: 'soft.lrNumber', spread: 'soft.spreadNumber' },
    sliders: ['learning_rate', 'spread', 'steps'],
    seedButton: 'soft.newSeed',
    body,
    texts: ['summary', 'why'],
    setup,
  });
}

function setup({ cell, t, out, canvas, tbody, ctx, fmt }) {
  const vector = (v) => `(${v.map((x) => fmt(x)).join('; ')})`;

  function renderText(r) {
    const summary = out('summary');
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
    // One row per class: its number, its mean input, its first gradient, its weights, its bias.
    const rows = tableRows(tbody, r.class_means.length, 4);
    r.class_means.forEach((mean, k) => {
      const cells = rows[k].cells;
      cells[0].textContent = String(k + 1);
      cells[0].dataset.value = String(k + 1);
      [mean, r.first_gradient[k], r.weights[k]].forEach((v, i) => {
        cells[i + 1].textContent = vector(v);
        cells[i + 1].dataset.value = JSON.stringify(v);
      });
      setNumber(cells[4], r.bias[k], ctx.lang());
    });
  }

  const labels = (narrow) => ({
    title: t.translate(narrow ? 'soft.chartTitleShort' : 'soft.chartTitle', { c: fmt(cell.report.settings.value) }),
    x_axis: t.translate('soft.chartX'),
    y_axis: t.translate('soft.chartY'),
    loss: t.translate('soft.legendLoss'),
    chance: t.translate('soft.legendChance'),
    spread: t.translate('soft.legendSpread'),
    underflow: t.translate('soft.legendZero'),
    overflow: t.translate('chart.overflow'),
  });

  return { renderText, labels };
}
