// Two small read-only views of the same deep network: with sigmoid and with ReLU, one shared σ
// and depth. Each runs the main widget's engine (wasm.Engine) and draws its per-layer chart with
// the engine's gradient chart (drawChart); a link opens either setting in the main widget.

import { mainDefaults, mountGradientViews } from './gradient-views.js';
import '../strings/vanishing.js';

/** The width of both networks (the declared σ default is He's scale for it, √(2/64)). */
const WIDTH = 64;
const SIDES = ['sigmoid', 'relu'];
/** The engine settings of one side (the main widget's fields). */
export function sideSettings(wasm, state, activation) {
  const d = mainDefaults(wasm);
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

export function mount(slot, ctx) {
  return mountGradientViews(slot, ctx, {
    id: 'vanishing-preset',
    cls: 'van',
    sides: SIDES,
    settings: sideSettings,
    shell: {
      labels: { depth: 'control.depth' },
      numberLabels: { sigma: 'control.sigmaNumber' },
      sliders: ['sigma'],
      hints: { sigma: { key: 'van.sigmaHint' } },
    },
    sideTitle: (act) => `van.side.${act}`,
    caption: (t, act) => t.translate(`van.table.${act}`),
    alt: (t, act, verdict) => t.translate('van.chart.alt', { side: t.translate(`van.side.${act}`), verdict }),
    chartTitle: (t) => t.translate('chart.title'),
    xAxisKey: 'van.chart.x',
    pytorchSide: 'sigmoid',
  });
}
