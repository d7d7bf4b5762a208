// Default initialization: the main widget's engine with MXNet's default U[−0.07, 0.07] (no biases
// in our model, as MXNet's are zero), beside PyTorch's default and Xavier uniform (Keras'
// default), as small multiples with shared depth, width and activation. σ plays no part in the
// two framework defaults and is 1 (the scheme as published) for Xavier's gain.

import { mountGradientViews } from './gradient-views.js';

export const PREFIX = 'def';
const SIDES = ['mxnet-default', 'pytorch-default', 'xavier-uniform'];

export function defaultInitSchema(wasm) {
  const limits = wasm.limits();
  return {
    depth: { type: 'int', def: 20, min: 2, max: limits.depth.max, key: 'depth' },
    width: { type: 'int', def: 64, min: limits.width.min, max: limits.width.max, key: 'width' },
    activation: { type: 'enum', def: 'relu', values: ['sigmoid', 'tanh', 'relu', 'identity'], key: 'act' },
    table: { type: 'bool', def: false, key: 'table' },
  };
}

/** The engine settings of one initializer (the main widget's fields); σ = 1 is ignored by the
 * framework defaults and is Xavier's published gain. */
export function sideSettings(wasm, state, init) {
  const d = wasm.defaultSettings();
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

const controlsHtml = `
  <div class="control">
    <label for="def-depth" data-i18n="control.depth"></label>
    <input id="def-depth" type="number" step="1" data-field="depth" inputmode="numeric" aria-describedby="def-note-depth">
    <p class="note" id="def-note-depth" data-note="depth" role="status" hidden></p>
  </div>
  <div class="control">
    <label for="def-width" data-i18n="control.width"></label>
    <input id="def-width" type="number" step="1" data-field="width" inputmode="numeric" aria-describedby="def-note-width">
    <p class="note" id="def-note-width" data-note="width" role="status" hidden></p>
  </div>
  <div class="control">
    <label for="def-activation" data-i18n="control.activation"></label>
    <select id="def-activation" data-field="activation" aria-describedby="def-note-activation">
      <option value="sigmoid" data-i18n="act.sigmoid"></option>
      <option value="tanh" data-i18n="act.tanh"></option>
      <option value="relu" data-i18n="act.relu"></option>
      <option value="identity" data-i18n="act.identity"></option>
    </select>
    <p class="note" id="def-note-activation" data-note="activation" role="status" hidden></p>
  </div>
`;

export function mount(slot, ctx) {
  const roles = Object.fromEntries(ctx.wasm.initializers().map((i) => [i.name, i.sigma_role]));
  return mountGradientViews(slot, ctx, {
    id: 'default-init',
    cls: 'def',
    prefix: PREFIX,
    sides: SIDES,
    schema: defaultInitSchema,
    settings: sideSettings,
    controlsHtml,
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
