// The training cell: the same deep network trained from several initializers, a few steps per
// animation frame, loss curves side by side on one log-y chart, and the hidden layers'
// activation histograms for one chosen initializer.

import { formatNumber } from '../i18n.js';
import { drawChart } from './common.js';
import { cellFields } from '../state.js';
import { playbackButtons, runPlayback } from './run-playback.js';
import { mountCell, shownTable } from './shell.js';
import '../strings/training.js';

/** Draws the loss curves of `runs` (one per run, named by `labelOf(run)`) under the title `titleKey`. */
export function drawLossChart(ctx, canvas, runs, labelOf, titleKey) {
  const t = ctx.t;
  const series = runs.map((r) => ({ label: labelOf(r), values: Array.from(r.losses) }));
  const labels = {
    title: t.translate(titleKey),
    x_axis: t.translate('train.chartX'),
    y_axis: t.translate('train.chartY'),
    underflow: t.translate('chart.underflow'),
    overflow: t.translate('chart.overflow'),
  };
  return drawChart(ctx.wasm, ctx, 'training', canvas, series, labels);
}

/** What each run of the comparison is trained with (the engine's init and σ), by the run's id.
 * The ids and their order are the declaration's (the choices of `hist`, one `use_<id>` field
 * each): see `declaredRuns`. */
export const RUNS = {
  n001: { init: 'normal', sigma: 0.01 },
  n1: { init: 'normal', sigma: 1 },
  xavier: { init: 'xavier-normal', sigma: 1 },
  he: { init: 'he-normal', sigma: 1 },
  lecun: { init: 'lecun-normal', sigma: 1 },
  torch: { init: 'pytorch-default', sigma: 1 },
};

/** The declared runs, in the declared order: [{id, init, sigma}]. */
export function declaredRuns(fields) {
  return fields.hist.values.map((id) => {
    if (!RUNS[id] || !fields[`use_${id}`]) throw new Error(`training: the declared run ${id} is not one this cell can train`);
    return { id, ...RUNS[id] };
  });
}
/** The training stops by itself after this many steps. */
export const MAX_STEPS = 2000;
/** Training examples N (fixed). */
export const SAMPLES = 128;
const BINS = 20;

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

/** The play, step and reset buttons and the step counter, at the end of the form. */
const formExtra = playbackButtons('train');

const body = `
  <div class="output">
    <canvas class="chart train-chart" role="img" data-out="loss-canvas"></canvas>
    <p class="error" data-out="error" role="alert" hidden></p>
    ${shownTable({ caption: { out: 'loss-caption' }, columns: ['train.colInit', 'train.colLoss'], out: 'loss-table' })}
    <div data-control="hist"></div>
    <canvas class="chart train-hist" role="img" data-out="hist-canvas"></canvas>
    ${shownTable({ caption: { out: 'hist-caption' }, columns: ['train.colLayer', 'train.colTotal', 'train.colCounts'], out: 'hist-table' })}
  </div>`;

/** The PyTorch script's settings for this state: the chosen runs, each with its own σ. */
export function pytorchState(state, cell, runs) {
  return {
    inits: runs.filter((i) => state[`use_${i.id}`]).map((i) => ({ id: i.id, init: i.init, sigma: i.sigma })),
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
  const runs = declaredRuns(cellFields(ctx.wasm, 'training').fields);
  const useFields = runs.map((i) => `use_${i.id}`);
  return mountCell('training', slot, ctx, {
    labels: { hist: 'train.histFor', ...Object.fromEntries(runs.map((i) => [`use_${i.id}`, `train.init.${i.id}`])) },
    choices: { hist: (v) => `train.init.${v}` },
    groups: [{ fields: useFields, cls: 'wide train-inits', legend: 'train.inits' }],
    seedButton: 'train.newSeed',
    formExtra,
    body,
    setup: (api) => setup(api, ctx, runs),
  });
}

function setup({ root, state, cell, t, out, errors }, ctx, runs) {
  const { wasm } = ctx;
  const lossCanvas = out('loss-canvas');
  const histCanvas = out('hist-canvas');
  const lossBody = root.querySelector('[data-out="loss-table"] tbody');
  const histBody = root.querySelector('[data-out="hist-table"] tbody');
  const counterEl = out('counter');
  const playButton = root.querySelector('[data-action="play"]');
  Object.assign(cell, { histograms: null, outcome: null });

  function syncView() {
    playButton.textContent = t.translate(cell.playing ? 'train.pause' : 'train.play');
    playButton.setAttribute('aria-pressed', String(cell.playing));
  }

  function histRun() {
    return cell.runs.find((r) => r.choice.id === state.hist) || null;
  }

  /** The chosen run's histograms: from the Worker's answer (the playback asks for them), or
   * computed here when the runs train on this thread. */
  function computeHistograms() {
    const r = histRun();
    cell.histograms = null;
    if (!r) return;
    try {
      cell.histograms = r.run ? r.run.histograms(BINS, undefined, undefined) : r.histograms ?? null;
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
    try {
      cell.outcome = drawLossChart(ctx, lossCanvas, cell.runs, (r) => label(r.choice), 'train.chartTitle');
      const columns = histCanvas.clientWidth < 500 ? 2 : 4;
      cell.histOutcome = drawChart(
        wasm,
        ctx,
        'histograms',
        histCanvas,
        (cell.histograms || []).map((h) => ({ title: t.translate('train.layer', { l: h.layer }), edges: h.edges, counts: h.counts })),
        { title: t.translate('train.histTitle'), x_axis: t.translate('train.histX'), columns },
      );
    } catch (e) {
      errors.show(e);
    }
  }

  return {
    draw,
    syncView,
    pytorch: () => ctx.pytorchFor('training', pytorchState(state, cell, runs)),
    playback: {
      run: runPlayback,
      maxSteps: MAX_STEPS,
      runs: () => runs.filter((choice) => state[`use_${choice.id}`]).map((choice) => ({ choice, settings: runSettings(state, choice) })),
      speed: () => state.speed,
      histogram: (list) => {
        const index = list.findIndex((r) => r.choice.id === state.hist);
        return index < 0 ? null : { index, bins: BINS };
      },
      afterFrame: (moved, changed) => {
        if (moved || changed) computeHistograms();
        if (changed || moved || cell.playing) renderText();
      },
    },
  };
}
