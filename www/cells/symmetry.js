// The symmetry cell: a one-hidden-layer network trained step by step in the engine, a few steps
// per animation frame. With a constant initialization and no dropout every hidden unit keeps
// exactly the same weights; dropout or a random initialization breaks the tie.

import { formatNumber } from '../i18n.js';
import { fitCanvas, rememberChart } from './common.js';
import { runPlayback } from './run-playback.js';
import { mountCell, shownTable } from './shell.js';
import '../strings/symmetry.js';

/** The engine's settings for a state. */
export function trainerSettings(state) {
  return {
    hidden: state.hidden,
    init: state.init,
    sigma: state.sigma,
    dropout: state.dropout ? state.rate : 0,
    learning_rate: state.lr,
    seed: state.seed,
  };
}

/** The equivalent PyTorch script. */
export function symmetryPytorch(state) {
  const init = state.init === 'constant'
    ? `torch.nn.init.constant_(layer.weight, ${state.sigma})   # every weight = c`
    : `torch.nn.init.normal_(layer.weight, std=${state.sigma})`;
  const p = state.dropout ? state.rate : 0;
  return `import math
import torch

torch.manual_seed(${state.seed})
d, h, N = 2, ${state.hidden}, 64
X = torch.rand(N, d) * 4 - 2                     # x ~ U[-2, 2]^d
y = torch.sin(2 * X.sum(1, keepdim=True) / math.sqrt(d))
net = torch.nn.Sequential(
    torch.nn.Linear(d, h), torch.nn.Tanh(),
    torch.nn.Dropout(p=${p}),
    torch.nn.Linear(h, 1),
)
for layer in (net[0], net[3]):
    ${init}
    torch.nn.init.zeros_(layer.bias)
opt = torch.optim.SGD(net.parameters(), lr=${state.lr})
for step in range(1, 201):
    loss = 0.5 * ((net(X) - y) ** 2).mean()      # full batch
    opt.zero_grad()
    loss.backward()
    opt.step()
W = net[0].weight                                # one row per hidden unit
print(step, loss.item(), (W[:, None, :] - W[None, :, :]).abs().max().item())
print(W)
`;
}

/** The play, step and reset buttons and the step counter, at the end of the form. */
const formExtra = `
    <div class="control wide sym-buttons">
      <button type="button" data-action="play" aria-pressed="false"></button>
      <button type="button" data-action="step" data-i18n="sym.step"></button>
      <button type="button" data-action="reset" data-i18n="sym.reset"></button>
      <span class="sym-counter" data-out="counter" aria-live="off"></span>
    </div>`;

const body = `
  <div class="output">
    <canvas class="chart sym-chart" role="img"></canvas>
    <p class="verdict" data-out="verdict" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    ${shownTable({ caption: { out: 'caption' }, columns: ['sym.colUnit', { html: 'w<sub>i1</sub>' }, { html: 'w<sub>i2</sub>' }] })}
  </div>`;

export function mount(slot, ctx) {
  return mountCell('symmetry', slot, ctx, {
    sliders: ['speed'],
    choices: { init: (v) => `sym.init.${v}` },
    formExtra,
    body,
    setup: (api) => setup(api, ctx),
  });
}

function setup({ root, state, cell, t, out, errors, relabel }, ctx) {
  const { wasm } = ctx;
  const canvas = root.querySelector('canvas');
  const playButton = root.querySelector('[data-action="play"]');
  const tbody = root.querySelector('tbody');
  const verdictEl = out('verdict');
  const counterEl = out('counter');
  const captionEl = out('caption');
  Object.assign(cell, { trainer: null, snapshot: null, outcome: null });

  function syncView() {
    relabel('sigma', state.init === 'constant' ? 'sym.sigmaConstant' : 'sym.sigmaNormal');
    root.querySelector('#sym-rate').disabled = !state.dropout;
    playButton.textContent = t.translate(cell.playing ? 'sym.pause' : 'sym.play');
    playButton.setAttribute('aria-pressed', String(cell.playing));
  }

  /** The one run the playback keeps: the engine's trainer, and its latest snapshot. */
  const current = () => cell.runs[0] ?? null;
  function renderText() {
    cell.trainer = current()?.run ?? null;
    cell.snapshot = current()?.snapshot ?? null;
    const s = cell.snapshot;
    const lang = ctx.lang();
    if (!s) {
      tbody.replaceChildren();
      verdictEl.textContent = '';
      return;
    }
    counterEl.textContent = t.translate('sym.counter', {
      step: s.step,
      loss: Number.isNaN(s.loss) ? '—' : formatNumber(s.loss, lang),
    });
    counterEl.dataset.step = String(s.step);
    const d = s.max_unit_difference;
    const identical = d === 0;
    let text;
    if (s.hidden_weights.length < 2) text = t.translate('sym.single');
    else if (identical) text = t.translate('sym.identical', { step: s.step });
    else text = t.translate('sym.differ', { step: s.step, diff: formatNumber(d, lang) });
    verdictEl.textContent = text;
    verdictEl.dataset.identical = String(identical);
    verdictEl.dataset.difference = String(d);
    captionEl.textContent = t.translate('sym.caption', { step: s.step });
    canvas.setAttribute('aria-label', t.translate('sym.alt', { verdict: text }));
    const rows = s.hidden_weights;
    while (tbody.rows.length > rows.length) tbody.deleteRow(-1);
    while (tbody.rows.length < rows.length) {
      const row = tbody.insertRow();
      const th = document.createElement('th');
      th.scope = 'row';
      row.appendChild(th);
      row.insertCell();
      row.insertCell();
    }
    rows.forEach((w, i) => {
      const row = tbody.rows[i];
      row.cells[0].textContent = t.translate('sym.unit', { i: i + 1 });
      for (let j = 0; j < 2; j += 1) {
        const v = w[j];
        row.cells[j + 1].textContent = v === undefined ? '' : formatNumber(v, lang, 6);
        row.cells[j + 1].dataset.value = v === undefined ? '' : String(v);
      }
    });
  }

  function draw() {
    cell.trainer = current()?.run ?? null;
    if (!cell.trainer) return;
    const scale = fitCanvas(canvas);
    const trainer = cell.trainer;
    try {
      const labels = {
        title: t.translate('sym.chartTitle'),
        x_axis: t.translate('sym.chartX'),
        weights_axis: t.translate('sym.chartWeights'),
        loss_axis: t.translate('sym.chartLoss'),
        unit: t.translate('sym.chartUnit'),
      };
      cell.outcome = trainer.draw(canvas, labels, { font_family: ctx.fontFamily, scale });
      // Its export draws the trainer's history through the named chart, as every cell does.
      rememberChart(canvas, 'symmetry', () => trainer.history(), labels);
    } catch (e) {
      errors.show(e);
    }
  }

  const pytorch = () =>
    ctx.pytorchFor?.('symmetry', {
        hidden: state.hidden,
        init: state.init,
        value: state.sigma,
        sigma: state.sigma,
        dropout: state.dropout ? state.rate : 0,
        lr: state.lr,
        seed: state.seed,
        steps: Math.max(1, cell.snapshot?.step ?? 200),
      }) || symmetryPytorch(state);

  return {
    draw,
    syncView,
    pytorch,
    playback: {
      run: runPlayback,
      // No step limit: the training runs until paused.
      maxSteps: Infinity,
      runs: () => [{ settings: trainerSettings(state) }],
      build: (settings) => new wasm.SymmetryTrainer(settings),
      speed: () => state.speed,
      afterFrame: (moved, changed) => {
        if (changed || moved || cell.playing) renderText();
      },
    },
  };
}
