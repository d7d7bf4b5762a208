// The LARS cell: the setting that diverges with plain SGD (a deep ReLU net, weights N(0, 1),
// a large learning rate) trained twice from the same start, without and with LARS, side by side.

import { formatNumber } from '../i18n.js';
import { playbackButtons, runPlayback } from './run-playback.js';
import { mountCell, shownTable } from './shell.js';
import { drawLossChart } from './training.js';
import '../strings/training.js';
import '../strings/lars.js';

export const MAX_STEPS = 1000;

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


/** The play, step and reset buttons and the step counter, at the end of the form. */
const formExtra = playbackButtons('lars');

const body = `
  <div class="output">
    <canvas class="chart lars-chart" role="img"></canvas>
    <p class="verdict" data-out="verdict" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    ${shownTable({ caption: { key: 'lars.lossCaption' }, columns: ['lars.colRun', 'lars.colStart', 'lars.colNow', 'lars.colPeak'], out: 'loss-table' })}
    ${shownTable({ caption: { key: 'lars.trustCaption' }, columns: ['train.colLayer', 'lars.colTrust', 'lars.colWeight', 'lars.colGrad'], out: 'trust-table' })}
  </div>`;

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
  return mountCell('lars', slot, ctx, { formExtra, body, setup: (api) => setup(api, ctx) });
}

function setup({ root, state, cell, t, out, errors }, ctx) {
  const { wasm } = ctx;
  const canvas = root.querySelector('canvas');
  const counterEl = out('counter');
  const verdictEl = out('verdict');
  const lossBody = root.querySelector('[data-out="loss-table"] tbody');
  const trustBody = root.querySelector('[data-out="trust-table"] tbody');
  const playButton = root.querySelector('[data-action="play"]');
  cell.outcome = null;

  function syncView() {
    playButton.textContent = t.translate(cell.playing ? 'train.pause' : 'train.play');
    playButton.setAttribute('aria-pressed', String(cell.playing));
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
      // The engine's rule (deep_training::run_diverged): non-finite, or 10× above the start.
      const diverged = r.snapshot.run_diverged;
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
    try {
      cell.outcome = drawLossChart(ctx, canvas, cell.runs, runLabel, 'lars.chartTitle');
    } catch (e) {
      errors.show(e);
    }
  }

  return {
    draw,
    syncView,
    pytorch: () => ctx.pytorchFor('lars', pytorchState(state)),
    playback: {
      run: runPlayback,
      maxSteps: MAX_STEPS,
      runs: () => [false, true].map((lars) => ({ lars, settings: larsSettings(state, lars) })),
      speed: () => state.speed,
      afterFrame: (moved, changed) => {
        if (changed || moved) renderText();
      },
    },
  };
}
