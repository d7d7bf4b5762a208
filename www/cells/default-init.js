// Default initialization: the main widget's engine with MXNet's default U[−0.07, 0.07] (no biases
// in our model, as MXNet's are zero), beside PyTorch's default and Xavier uniform (Keras'
// default), as small multiples with shared depth, width and activation. σ plays no part in the
// two framework defaults and is 1 (the scheme as published) for Xavier's gain.

import { mainDefaults, mountGradientViews } from './gradient-views.js';
import '../strings/default-init.js';

const SIDES = ['mxnet-default', 'pytorch-default', 'xavier-uniform'];

/** The engine settings of one initializer (the main widget's fields); σ = 1 is ignored by the
 * framework defaults and is Xavier's published gain. */
export function sideSettings(wasm, state, init) {
  const d = mainDefaults(wasm);
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

export function mount(slot, ctx) {
  const roles = Object.fromEntries(ctx.wasm.initializers().map((i) => [i.name, i.sigma_role]));
  return mountGradientViews(slot, ctx, {
    id: 'default-init',
    cls: 'def',
    sides: SIDES,
    settings: sideSettings,
    shell: { labels: { depth: 'control.depth', width: 'control.width', activation: 'control.activation' } },
    sideTitle: (init) => `init.${init}`,
    sideExtraHtml: '<p class="hint" data-out="role"></p>',
    syncSide: (t, init, el) => {
      const role = el.querySelector('[data-out="role"]');
      role.textContent = t.translate(`role.${roles[init]}`) + (roles[init] === 'ignored' ? '' : ` ${t.translate('def.gainOne')}`);
      role.dataset.role = roles[init];
    },
    caption: (t, init) => t.translate('def.table', { init: t.translate(`init.${init}`) }),
    alt: (t, init, verdict) => t.translate('def.chart.alt', { init: t.translate(`init.${init}`), verdict }),
    chartTitle: (t, init) => t.translate(`init.${init}`),
    xAxisKey: 'def.chart.x',
    pytorchSide: 'mxnet-default',
  });
}
