// Two small read-only views of the same deep network: with sigmoid and with ReLU, one shared σ
// and depth. Each runs the main widget's engine (wasm.Engine) and draws its per-layer chart with
// the shared drawGradientChart export; a link opens either setting in the main widget.

import { mountGradientViews } from './gradient-views.js';

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

const controlsHtml = `
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
`;

export function mount(slot, ctx) {
  return mountGradientViews(slot, ctx, {
    id: 'vanishing-preset',
    cls: 'van',
    prefix: PREFIX,
    sides: SIDES,
    schema: vanishingSchema,
    settings: sideSettings,
    controlsHtml,
    sideTitle: (act) => `van.side.${act}`,
    caption: (t, act) => t.translate(`van.table.${act}`),
    alt: (t, act, verdict) => t.translate('van.chart.alt', { side: t.translate(`van.side.${act}`), verdict }),
    chartTitle: (t) => t.translate('chart.title'),
    xAxisKey: 'van.chart.x',
    pytorchSide: 'sigmoid',
  });
}
