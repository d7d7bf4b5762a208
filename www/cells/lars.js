// The LARS cell: the setting that diverges with plain SGD (a deep ReLU net, weights N(0, 1),
// a large learning rate) trained twice from the same start, without and with LARS, side by side.

import { applyTranslations, formatNumber } from '../i18n.js';
import { bindControls, cellSection, errorDisplay, fitCanvas, pytorchPanel } from './common.js';
import { runPlayback } from './run-playback.js';

export const PREFIX = 'lars';
export const MAX_STEPS = 1000;

export function larsSchema(wasm) {
  const d = wasm.divergingSettings();
  return {
    depth: { type: 'int', def: d.depth, min: 1, max: 8, key: 'depth' },
    width: { type: 'int', def: d.width, min: 2, max: 64, key: 'w' },
    sigma: { type: 'float', def: d.sigma, min: 0.01, max: 3, key: 's' },
    lr: { type: 'float', def: d.learning_rate, min: 0.0001, max: 1, key: 'lr' },
    seed: { type: 'int', def: d.seed, min: 0, max: 4294967295, key: 'seed' },
    speed: { type: 'int', def: 2, min: 1, max: 20, key: 'speed' },
  };
}

const RESET_FIELDS = new Set(['depth', 'width', 'sigma', 'lr', 'seed']);

/** The engine's settings for a state, with or without LARS. */
export function larsSettings(state, lars) {
  return {
    depth: state.depth,
    width: state.width,
    activation: 'relu',
    init: 'normal',
    sigma: state.sigma,
    learning_rate: state.lr,
    batch: 0,
    samples: 128,
    lars,
    seed: state.seed,
  };
}


const TEMPLATE = `
  <h3 data-i18n="lars.heading"></h3>
  <p class="prose" data-i18n="lars.intro"></p>
  <form class="controls" onsubmit="return false" novalidate>
    ${[
      ['depth', 'numeric', '1'],
      ['width', 'numeric', '1'],
      ['sigma', 'decimal', 'any'],
      ['lr', 'decimal', 'any'],
      ['seed', 'numeric', '1'],
      ['speed', 'numeric', '1'],
    ]
      .map(
        ([f, mode, step]) => `<div class="control">
      <label for="lars-${f}" data-i18n="lars.${f}"></label>
      <input id="lars-${f}" type="number" step="${step}" data-field="${f}" inputmode="${mode}" aria-describedby="lars-note-${f}">
      <p class="note" id="lars-note-${f}" data-note="${f}" role="status" hidden></p>
    </div>`,
      )
      .join('\n    ')}
    <div class="control wide lars-buttons">
      <button type="button" data-action="play" aria-pressed="false"></button>
      <button type="button" data-action="step" data-i18n="train.step"></button>
      <button type="button" data-action="reset" data-i18n="train.reset"></button>
      <span data-out="counter"></span>
    </div>
  </form>
  <div class="output">
    <canvas class="chart lars-chart" role="img"></canvas>
    <p class="verdict" data-out="verdict" aria-live="polite"></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    <div class="table-wrap" tabindex="0">
      <table class="numbers" data-out="loss-table">
        <caption data-i18n="lars.lossCaption"></caption>
        <thead><tr><th scope="col" data-i18n="lars.colRun"></th><th scope="col" data-i18n="lars.colStart"></th><th scope="col" data-i18n="lars.colNow"></th><th scope="col" data-i18n="lars.colPeak"></th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <div class="table-wrap" tabindex="0">
      <table class="numbers" data-out="trust-table">
        <caption data-i18n="lars.trustCaption"></caption>
        <thead><tr><th scope="col" data-i18n="train.colLayer"></th><th scope="col" data-i18n="lars.colTrust"></th><th scope="col" data-i18n="lars.colWeight"></th><th scope="col" data-i18n="lars.colGrad"></th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </div>
  <div data-out="pytorch"></div>`;

/** The PyTorch script's settings: the diverging network, trained with LARS (set use_lars = False
 * in the script to see it diverge). */
export function pytorchState(state) {
  const s = larsSettings(state, true);
  return {
    inits: [{ id: s.init, init: s.init, sigma: s.sigma }],
    depth: s.depth,
    width: s.width,
    activation: s.activation,
    lr: s.learning_rate,
    batch: s.batch,
    samples: s.samples,
    steps: 200,
    seed: s.seed,
    lars: true,
  };
}

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const schema = larsSchema(wasm);
  const { state, notes } = store.register(PREFIX, schema);
  const root = cellSection(slot, 'lars', TEMPLATE, 'lars-heading');
  applyTranslations(root, ctx.lang());

  const canvas = root.querySelector('canvas');
  const counterEl = root.querySelector('[data-out="counter"]');
  const verdictEl = root.querySelector('[data-out="verdict"]');
  const lossBody = root.querySelector('[data-out="loss-table"] tbody');
  const trustBody = root.querySelector('[data-out="trust-table"] tbody');
  const playButton = root.querySelector('[data-action="play"]');
  const errors = errorDisplay(root, root.querySelector('[data-out="error"]'), t);
  const cell = { state, frames: 0, computes: 0, playing: false, runs: [], step: 0, outcome: null };
  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema,
    t,
    notes,
    onChange: (name) => {
      syncView();
      if (RESET_FIELDS.has(name)) playback.restart();
      else schedule(true);
    },
  });

  function syncView() {
    playButton.textContent = t.translate(cell.playing ? 'train.pause' : 'train.play');
    playButton.setAttribute('aria-pressed', String(cell.playing));
    pytorch.refresh();
  }

  const runLabel = (r) => t.translate(r.lars ? 'lars.withLars' : 'lars.plain');
  const put = (td, v, lang) => {
    td.textContent = formatNumber(v, lang);
    td.dataset.value = String(v);
  };

  function renderText() {
    const lang = ctx.lang();
    counterEl.textContent = t.translate('train.counter', { step: cell.step, max: MAX_STEPS });
    counterEl.dataset.step = String(cell.step);
    lossBody.replaceChildren();
    const parts = [];
    for (const r of cell.runs) {
      const losses = Array.from(r.losses);
      const start = losses[0];
      const now = r.snapshot.loss;
      const peak = losses.some((v) => !Number.isFinite(v)) ? Infinity : Math.max(...losses);
      const diverged = r.snapshot.diverged || !(now <= 10 * start);
      const row = lossBody.insertRow();
      row.dataset.run = r.lars ? 'lars' : 'sgd';
      row.dataset.diverged = String(diverged);
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = runLabel(r);
      row.appendChild(th);
      put(row.insertCell(), start, lang);
      put(row.insertCell(), now, lang);
      put(row.insertCell(), peak, lang);
      if (cell.step > 0) {
        parts.push(
          t.translate(diverged ? 'lars.diverges' : 'lars.trains', {
            run: runLabel(r),
            start: formatNumber(start, lang),
            now: formatNumber(now, lang),
            step: cell.step,
          }),
        );
      }
    }
    verdictEl.textContent = parts.length ? parts.join(' ') : t.translate('lars.pressPlay');
    canvas.setAttribute('aria-label', t.translate('lars.alt', { verdict: verdictEl.textContent }));
    trustBody.replaceChildren();
    const lr = cell.runs.find((r) => r.lars)?.snapshot.report;
    if (lr) {
      lr.trust_ratios.forEach((tau, i) => {
        const row = trustBody.insertRow();
        const th = document.createElement('th');
        th.scope = 'row';
        th.textContent = i === lr.trust_ratios.length - 1 ? t.translate('lars.output') : String(i + 1);
        row.appendChild(th);
        put(row.insertCell(), tau, lang);
        put(row.insertCell(), lr.layer_weight_norms[i], lang);
        put(row.insertCell(), lr.layer_grad_norms[i], lang);
      });
    }
  }

  function draw() {
    const scale = fitCanvas(canvas);
    try {
      cell.outcome = wasm.drawTrainingChart(
        canvas,
        cell.runs.map((r) => ({ label: runLabel(r), values: Array.from(r.losses) })),
        {
          title: t.translate('lars.chartTitle'),
          x_axis: t.translate('train.chartX'),
          y_axis: t.translate('train.chartY'),
          underflow: t.translate('chart.underflow'),
          overflow: t.translate('chart.overflow'),
        },
        { font_family: ctx.fontFamily, scale },
      );
    } catch (e) {
      errors.show(e);
    }
  }

  const playback = runPlayback(cell, {
    wasm,
    maxSteps: MAX_STEPS,
    runs: () => [false, true].map((lars) => ({ lars, settings: larsSettings(state, lars) })),
    speed: () => state.speed,
    buttons: { play: playButton, step: root.querySelector('[data-action="step"]'), reset: root.querySelector('[data-action="reset"]') },
    afterFrame: (moved, changed) => {
      if (changed || moved) renderText();
    },
    draw,
    syncView: () => syncView(),
    errors,
  });
  const { schedule } = playback;
  const pytorch = pytorchPanel(root.querySelector('[data-out="pytorch"]'), () => ctx.pytorchFor('lars', pytorchState(state)), t);

  controls.sync();
  syncView();
  new ResizeObserver(() => schedule(false)).observe(canvas);
  cell.onLanguage = () => {
    applyTranslations(root, ctx.lang());
    syncView();
    pytorch.relabel();
    renderText();
    schedule(false);
  };
  schedule(true);
  return cell;
}
