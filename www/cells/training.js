// The training cell: the same deep network trained from several initializers, a few steps per
// animation frame, loss curves side by side on one log-y chart, and the hidden layers'
// activation histograms for one chosen initializer.

import { applyTranslations, formatNumber } from '../i18n.js';
import { bindControls, cellSection, errorDisplay, fitCanvas, pytorchPanel } from './common.js';
import { runPlayback } from './run-playback.js';

export const PREFIX = 'train';

/** The initializers offered, each as the engine's {init, sigma}. */
export const INITS = [
  { id: 'n001', init: 'normal', sigma: 0.01 },
  { id: 'n1', init: 'normal', sigma: 1 },
  { id: 'xavier', init: 'xavier-normal', sigma: 1 },
  { id: 'he', init: 'he-normal', sigma: 1 },
  { id: 'lecun', init: 'lecun-normal', sigma: 1 },
  { id: 'torch', init: 'pytorch-default', sigma: 1 },
];
/** The training stops by itself after this many steps. */
export const MAX_STEPS = 2000;
/** Training examples N (fixed). */
export const SAMPLES = 128;
const BINS = 20;

export function trainingSchema() {
  const schema = {
    activation: { type: 'enum', def: 'relu', values: ['relu', 'tanh'], key: 'act' },
    depth: { type: 'int', def: 4, min: 1, max: 8, key: 'depth' },
    width: { type: 'int', def: 32, min: 2, max: 64, key: 'w' },
    lr: { type: 'float', def: 0.05, min: 0.0001, max: 1, key: 'lr' },
    batch: { type: 'int', def: 0, min: 0, max: SAMPLES, key: 'b' },
    seed: { type: 'int', def: 1, min: 0, max: 4294967295, key: 'seed' },
    speed: { type: 'int', def: 2, min: 1, max: 20, key: 'speed' },
    hist: { type: 'enum', def: 'he', values: INITS.map((i) => i.id), key: 'hist' },
  };
  for (const i of INITS) {
    schema[`use_${i.id}`] = { type: 'bool', def: ['n001', 'xavier', 'he', 'torch'].includes(i.id), key: i.id };
  }
  return schema;
}

const RESET_FIELDS = new Set(['activation', 'depth', 'width', 'lr', 'batch', 'seed', ...INITS.map((i) => `use_${i.id}`)]);

/** The engine's settings for one initializer under a state. */
export function runSettings(state, choice) {
  return {
    depth: state.depth,
    width: state.width,
    activation: state.activation,
    init: choice.init,
    sigma: choice.sigma,
    learning_rate: state.lr,
    batch: state.batch,
    samples: SAMPLES,
    lars: false,
    seed: state.seed,
  };
}

const TEMPLATE = `
  <h3 data-i18n="train.heading"></h3>
  <p class="prose" data-i18n="train.intro"></p>
  <form class="controls" onsubmit="return false" novalidate>
    <fieldset class="control wide train-inits">
      <legend data-i18n="train.inits"></legend>
      ${INITS.map((i) => `<label><input type="checkbox" data-field="use_${i.id}"> <span data-i18n="train.init.${i.id}"></span></label>`).join('\n      ')}
    </fieldset>
    <div class="control">
      <label for="train-act" data-i18n="train.activation"></label>
      <select id="train-act" data-field="activation"><option value="relu">ReLU</option><option value="tanh">tanh</option></select>
    </div>
    <div class="control">
      <label for="train-depth" data-i18n="train.depth"></label>
      <input id="train-depth" type="number" step="1" data-field="depth" inputmode="numeric" aria-describedby="train-note-depth">
      <p class="note" id="train-note-depth" data-note="depth" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="train-width" data-i18n="train.width"></label>
      <input id="train-width" type="number" step="1" data-field="width" inputmode="numeric" aria-describedby="train-note-width">
      <p class="note" id="train-note-width" data-note="width" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="train-lr" data-i18n="train.lr"></label>
      <input id="train-lr" type="number" step="any" data-field="lr" inputmode="decimal" aria-describedby="train-note-lr">
      <p class="note" id="train-note-lr" data-note="lr" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="train-batch" data-i18n="train.batch"></label>
      <input id="train-batch" type="number" step="1" data-field="batch" inputmode="numeric" aria-describedby="train-note-batch">
      <p class="note" id="train-note-batch" data-note="batch" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="train-seed" data-i18n="train.seed"></label>
      <input id="train-seed" type="number" step="1" data-field="seed" inputmode="numeric" aria-describedby="train-note-seed">
      <button type="button" data-action="new-seed" data-i18n="train.newSeed"></button>
      <p class="note" id="train-note-seed" data-note="seed" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="train-speed" data-i18n="train.speed"></label>
      <input id="train-speed" type="number" step="1" data-field="speed" inputmode="numeric" aria-describedby="train-note-speed">
      <p class="note" id="train-note-speed" data-note="speed" role="status" hidden></p>
    </div>
    <div class="control wide train-buttons">
      <button type="button" data-action="play" aria-pressed="false"></button>
      <button type="button" data-action="step" data-i18n="train.step"></button>
      <button type="button" data-action="reset" data-i18n="train.reset"></button>
      <span data-out="counter"></span>
    </div>
  </form>
  <div class="output">
    <canvas class="chart train-chart" role="img" data-out="loss-canvas"></canvas>
    <p class="error" data-out="error" role="alert" hidden></p>
    <div class="table-wrap" tabindex="0">
      <table class="numbers" data-out="loss-table">
        <caption data-out="loss-caption"></caption>
        <thead><tr><th scope="col" data-i18n="train.colInit"></th><th scope="col" data-i18n="train.colLoss"></th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
    <div class="control">
      <label for="train-hist" data-i18n="train.histFor"></label>
      <select id="train-hist" data-field="hist">
        ${INITS.map((i) => `<option value="${i.id}" data-i18n="train.init.${i.id}"></option>`).join('')}
      </select>
    </div>
    <canvas class="chart train-hist" role="img" data-out="hist-canvas"></canvas>
    <div class="table-wrap" tabindex="0">
      <table class="numbers" data-out="hist-table">
        <caption data-out="hist-caption"></caption>
        <thead><tr><th scope="col" data-i18n="train.colLayer"></th><th scope="col" data-i18n="train.colTotal"></th><th scope="col" data-i18n="train.colCounts"></th></tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </div>
  <div data-out="pytorch"></div>`;

/** The PyTorch script's settings for this state: the chosen initializers, each with its own σ. */
export function pytorchState(state, cell) {
  return {
    inits: INITS.filter((i) => state[`use_${i.id}`]).map((i) => ({ id: i.id, init: i.init, sigma: i.sigma })),
    depth: state.depth,
    width: state.width,
    activation: state.activation,
    lr: state.lr,
    batch: state.batch,
    samples: SAMPLES,
    steps: Math.max(1, cell?.step ?? 200),
    seed: state.seed,
    lars: false,
  };
}

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const schema = trainingSchema();
  const { state, notes } = store.register(PREFIX, schema);
  const root = cellSection(slot, 'training', TEMPLATE, 'train-heading');
  applyTranslations(root, ctx.lang());

  const lossCanvas = root.querySelector('[data-out="loss-canvas"]');
  const histCanvas = root.querySelector('[data-out="hist-canvas"]');
  const lossBody = root.querySelector('[data-out="loss-table"] tbody');
  const histBody = root.querySelector('[data-out="hist-table"] tbody');
  const counterEl = root.querySelector('[data-out="counter"]');
  const playButton = root.querySelector('[data-action="play"]');
  const errors = errorDisplay(root, root.querySelector('[data-out="error"]'), t);

  const cell = { state, frames: 0, computes: 0, playing: false, runs: [], step: 0, histograms: null, outcome: null };

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

  function histRun() {
    return cell.runs.find((r) => r.choice.id === state.hist) || null;
  }

  function computeHistograms() {
    const r = histRun();
    cell.histograms = null;
    if (!r) return;
    try {
      cell.histograms = r.run.histograms(BINS, undefined, undefined);
    } catch (e) {
      errors.show(e);
    }
  }

  const label = (choice) => t.translate(`train.init.${choice.id}`);

  function renderText() {
    const lang = ctx.lang();
    counterEl.textContent = t.translate('train.counter', { step: cell.step, max: MAX_STEPS });
    counterEl.dataset.step = String(cell.step);
    root.querySelector('[data-out="loss-caption"]').textContent = t.translate('train.lossCaption', { step: cell.step });
    lossBody.replaceChildren();
    for (const r of cell.runs) {
      const row = lossBody.insertRow();
      row.dataset.init = r.choice.id;
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = label(r.choice);
      row.appendChild(th);
      const td = row.insertCell();
      const loss = r.snapshot.loss;
      td.textContent = r.snapshot.diverged ? `${formatNumber(loss, lang)} (${t.translate('train.diverged')})` : formatNumber(loss, lang);
      td.dataset.value = String(loss);
    }
    const summary = cell.runs.map((r) => `${label(r.choice)}: ${formatNumber(r.snapshot.loss, lang)}`).join('; ');
    lossCanvas.setAttribute('aria-label', t.translate('train.alt', { step: cell.step, summary: summary || '—' }));
    const hr = histRun();
    root.querySelector('[data-out="hist-caption"]').textContent = hr
      ? t.translate('train.histCaption', { init: label(hr.choice), step: cell.step })
      : t.translate('train.histNone');
    histBody.replaceChildren();
    for (const h of cell.histograms || []) {
      const row = histBody.insertRow();
      row.dataset.layer = String(h.layer);
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = String(h.layer);
      row.appendChild(th);
      const total = h.counts.reduce((a, b) => a + b, 0) + h.non_finite;
      const tdTotal = row.insertCell();
      tdTotal.textContent = String(total);
      tdTotal.dataset.value = String(total);
      const tdCounts = row.insertCell();
      tdCounts.textContent = t.translate('train.countsText', {
        lo: formatNumber(h.edges[0], lang),
        hi: formatNumber(h.edges[h.edges.length - 1], lang),
        counts: h.counts.join(' '),
      });
      tdCounts.dataset.counts = h.counts.join(',');
      tdCounts.dataset.nonFinite = String(h.non_finite);
    }
    histCanvas.setAttribute('aria-label', t.translate('train.histAlt'));
  }

  function draw() {
    const scale = fitCanvas(lossCanvas);
    const style = { font_family: ctx.fontFamily, scale };
    try {
      cell.outcome = wasm.drawTrainingChart(
        lossCanvas,
        cell.runs.map((r) => ({ label: label(r.choice), values: Array.from(r.losses) })),
        {
          title: t.translate('train.chartTitle'),
          x_axis: t.translate('train.chartX'),
          y_axis: t.translate('train.chartY'),
          underflow: t.translate('chart.underflow'),
          overflow: t.translate('chart.overflow'),
        },
        style,
      );
      const hscale = fitCanvas(histCanvas);
      const columns = histCanvas.clientWidth < 500 ? 2 : 4;
      cell.histOutcome = wasm.drawHistograms(
        histCanvas,
        (cell.histograms || []).map((h) => ({ title: t.translate('train.layer', { l: h.layer }), edges: h.edges, counts: h.counts })),
        { title: t.translate('train.histTitle'), x_axis: t.translate('train.histX'), columns },
        { font_family: ctx.fontFamily, scale: hscale },
      );
    } catch (e) {
      errors.show(e);
    }
  }

  const playback = runPlayback(cell, {
    wasm,
    maxSteps: MAX_STEPS,
    runs: () => INITS.filter((choice) => state[`use_${choice.id}`]).map((choice) => ({ choice, settings: runSettings(state, choice) })),
    speed: () => state.speed,
    buttons: { play: playButton, step: root.querySelector('[data-action="step"]'), reset: root.querySelector('[data-action="reset"]') },
    afterFrame: (moved, changed) => {
      if (moved || changed) computeHistograms();
      if (changed || moved || cell.playing) renderText();
    },
    draw,
    syncView: () => syncView(),
    errors,
  });
  const { schedule } = playback;

  root.querySelector('[data-action="new-seed"]').addEventListener('click', () => {
    controls.showNote('seed', store.set(PREFIX, 'seed', String(wasm.newSeed())));
    controls.sync();
    playback.restart();
  });

  const pytorch = pytorchPanel(
    root.querySelector('[data-out="pytorch"]'),
    () => ctx.pytorchFor('training', pytorchState(state, cell)),
    t,
  );

  controls.sync();
  syncView();
  const ro = new ResizeObserver(() => schedule(false));
  ro.observe(lossCanvas);
  ro.observe(histCanvas);
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
