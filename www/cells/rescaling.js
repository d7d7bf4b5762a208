// Exercise 1 of the chapter, live: the rescaling symmetry of ReLU networks. The engine
// (gradscope_core::rescaling) multiplies layer l's weights by α and layer l + 1's by 1/α and
// returns how much the output moved (max |Δy|, against a derived rounding bound) and each layer's
// gradient norm before and after. For ReLU and α > 0, ReLU(αz) = α·ReLU(z), so the output is
// unchanged while ‖∂ℓ/∂Wˡ‖ scales by 1/α and ‖∂ℓ/∂Wˡ⁺¹‖ by α. This cell shows those numbers,
// plots the gradient norms per layer, and lists them in a table.

import { fillLayerTable } from './common.js';
import { mountReportCell } from './report-cell.js';
import { chartFigure, toggledTable } from './shell.js';
import '../strings/rescaling.js';

/** The table's columns: report key of a layer → i18n key of the header. */
export const COLUMNS = [
  ['weight_norm', 'resc.colWeight'],
  ['weight_norm_scaled', 'resc.colWeightScaled'],
  ['grad_norm', 'resc.colGrad'],
  ['grad_norm_scaled', 'resc.colGradScaled'],
  ['ratio', 'resc.colRatio'],
  ['predicted', 'resc.colPredicted'],
];

const body = `${chartFigure('resc-summary')}
<ul class="readout">
  <li data-out="output"></li>
  <li data-out="ratio-l"></li>
  <li data-out="ratio-next"></li>
  <li data-out="step"></li>
</ul>
${toggledTable({ id: 'resc-table', caption: { out: 'table-caption' }, columns: ['resc.colLayer', ...COLUMNS.map(([, key]) => key)] })}`;

export function mount(slot, ctx) {
  return mountReportCell('rescaling', slot, ctx, {
    engine: 'rescalingCompute',
    labels: { seed: 'control.seed', activation: 'control.activation' },
    numberLabels: { alpha: 'resc.alphaNumber' },
    sliders: ['alpha'],
    seedButton: 'control.newSeed',
    body,
    setup,
  });
}

function setup({ cell, t, out, canvas, tbody, ctx, fmt }) {
  /** Writes `text` into the readout `name` and keeps the full-precision numbers beside it. */
  function readout(name, text, data) {
    const el = out(name);
    el.textContent = text;
    for (const [k, v] of Object.entries(data)) el.dataset[k] = String(v);
  }

  function renderText(r) {
    const summary = out('summary');
    const l = r.settings.layer;
    const rel = r.output_scale > 0 ? r.output_difference / r.output_scale : r.output_difference;
    const vars = {
      alpha: fmt(r.alpha, 4),
      l,
      next: l + 1,
      diff: fmt(r.output_difference),
      rel: fmt(rel),
      bound: fmt(r.rounding_bound),
      activation: t.translate(`act.${r.settings.activation}`),
    };
    summary.textContent = t.translate(r.commutes ? 'resc.same' : 'resc.changed', vars);
    summary.dataset.commutes = String(r.commutes);
    readout('output', t.translate('resc.outputLine', vars), {
      difference: r.output_difference, relative: rel, bound: r.rounding_bound,
    });
    const [at, next] = [r.layers[l - 1], r.layers[l]];
    readout('ratio-l', t.translate('resc.ratioLine', { l, ratio: fmt(at.ratio, 6), predicted: fmt(at.predicted, 6), formula: '1/|α|' }), {
      ratio: at.ratio, predicted: at.predicted,
    });
    readout('ratio-next', t.translate('resc.ratioLine', { l: l + 1, ratio: fmt(next.ratio, 6), predicted: fmt(next.predicted, 6), formula: '|α|' }), {
      ratio: next.ratio, predicted: next.predicted,
    });
    readout('step', t.translate('resc.stepLine', {
      eta: fmt(r.step_size), diff: fmt(r.step_difference), change: fmt(r.step_change),
    }), { difference: r.step_difference, change: r.step_change });
    canvas.setAttribute('aria-label', t.translate('resc.alt', { summary: summary.textContent }));
    out('table-caption').textContent = t.translate('resc.caption', vars);
    fillLayerTable(tbody, r.layers, COLUMNS.map(([key]) => key), ctx.lang());
  }

  const labels = (narrow) => ({
    title: t.translate(narrow ? 'resc.chartTitleShort' : 'resc.chartTitle'),
    x_axis: t.translate('resc.chartX'),
    y_axis: t.translate('resc.chartY'),
    original: t.translate('resc.legendOriginal'),
    rescaled: t.translate('resc.legendRescaled'),
    predicted: t.translate('resc.legendPredicted'),
    underflow: t.translate('chart.underflow'),
    overflow: t.translate('chart.overflow'),
  });

  return { renderText, labels };
}
