// The symmetry cell: a one-hidden-layer network trained step by step in the engine, a few steps
// per animation frame. With a constant initialization and no dropout every hidden unit keeps
// exactly the same weights; dropout or a random initialization breaks the tie.

import { applyTranslations, formatNumber } from '../i18n.js';
import { bindControls, cellSection, errorDisplay, fitCanvas, frameLoop, pytorchPanel } from './common.js';

export const PREFIX = 'sym';

/** The most hidden units the cell offers (the engine allows more). */
export const MAX_HIDDEN = 8;

export function symmetrySchema() {
  return {
    hidden: { type: 'int', def: 2, min: 1, max: MAX_HIDDEN, key: 'h' },
    init: { type: 'enum', def: 'constant', values: ['constant', 'normal'], key: 'init' },
    sigma: { type: 'float', def: 0.5, min: 0, max: 10, key: 's' },
    dropout: { type: 'bool', def: false, key: 'drop' },
    rate: { type: 'float', def: 0.5, min: 0.05, max: 0.9, key: 'p' },
    lr: { type: 'float', def: 0.1, min: 0.001, max: 10, key: 'lr' },
    seed: { type: 'int', def: 1, min: 0, max: 4294967295, key: 'seed' },
    speed: { type: 'int', def: 2, min: 1, max: 50, key: 'speed' },
  };
}

/** Fields whose change starts the training over; the others (speed) change only the pace. */
const RESET_FIELDS = new Set(['hidden', 'init', 'sigma', 'dropout', 'rate', 'lr', 'seed']);

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

const TEMPLATE = `
  <h3 data-i18n="sym.heading"></h3>
  <p class="prose" data-i18n="sym.intro"></p>
  <form class="controls" onsubmit="return false" novalidate>
    <div class="control">
      <label for="sym-hidden" data-i18n="sym.hidden"></label>
      <input id="sym-hidden" type="number" step="1" data-field="hidden" inputmode="numeric" aria-describedby="sym-note-hidden">
      <p class="note" id="sym-note-hidden" data-note="hidden" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="sym-init" data-i18n="sym.init"></label>
      <select id="sym-init" data-field="init" aria-describedby="sym-note-init">
        <option value="constant" data-i18n="sym.initConstant"></option>
        <option value="normal" data-i18n="sym.initNormal"></option>
      </select>
      <p class="note" id="sym-note-init" data-note="init" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="sym-sigma" data-out="sigma-label"></label>
      <input id="sym-sigma" type="number" step="any" data-field="sigma" inputmode="decimal" aria-describedby="sym-note-sigma">
      <p class="note" id="sym-note-sigma" data-note="sigma" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="sym-lr" data-i18n="sym.lr"></label>
      <input id="sym-lr" type="number" step="any" data-field="lr" inputmode="decimal" aria-describedby="sym-note-lr">
      <p class="note" id="sym-note-lr" data-note="lr" role="status" hidden></p>
    </div>
    <div class="control">
      <span class="label-like"><label><input id="sym-dropout" type="checkbox" data-field="dropout"> <span data-i18n="sym.dropout"></span></label></span>
      <label for="sym-rate" data-i18n="sym.rate"></label>
      <input id="sym-rate" type="number" step="any" data-field="rate" inputmode="decimal" aria-describedby="sym-note-rate">
      <p class="note" id="sym-note-rate" data-note="rate" role="status" hidden></p>
    </div>
    <div class="control">
      <label for="sym-seed" data-i18n="sym.seed"></label>
      <input id="sym-seed" type="number" step="1" data-field="seed" inputmode="numeric" aria-describedby="sym-note-seed">
      <p class="note" id="sym-note-seed" data-note="seed" role="status" hidden></p>
    </div>
    <div class="control wide">
      <label for="sym-speed" data-i18n="sym.speed"></label>
      <div class="pair">
        <input id="sym-speed-range" type="range" step="1" data-field="speed" aria-describedby="sym-note-speed" data-i18n-attr="aria-label:sym.speed">
        <input id="sym-speed" type="number" step="1" data-field="speed" inputmode="numeric" aria-describedby="sym-note-speed">
      </div>
      <p class="note" id="sym-note-speed" data-note="speed" role="status" hidden></p>
    </div>
    <div class="control wide sym-buttons">
      <button type="button" data-action="play" aria-pressed="false"></button>
      <button type="button" data-action="step" data-i18n="sym.step"></button>
      <button type="button" data-action="reset" data-i18n="sym.reset"></button>
      <span class="sym-counter" data-out="counter" aria-live="off"></span>
    </div>
  </form>
  <div class="output">
    <canvas class="chart sym-chart" role="img"></canvas>
    <p class="verdict" data-out="verdict" aria-live="polite"></p>
    <p class="error" data-out="error" role="alert" hidden></p>
    <div class="table-wrap" tabindex="0">
      <table class="numbers">
        <caption data-out="caption"></caption>
        <thead><tr>
          <th scope="col" data-i18n="sym.colUnit"></th>
          <th scope="col">w<sub>i1</sub></th>
          <th scope="col">w<sub>i2</sub></th>
        </tr></thead>
        <tbody></tbody>
      </table>
    </div>
  </div>
  <div data-out="pytorch"></div>`;

export function mount(slot, ctx) {
  const { wasm, store, t } = ctx;
  const schema = symmetrySchema();
  const { state, notes } = store.register(PREFIX, schema);
  const root = cellSection(slot, 'symmetry', TEMPLATE, 'sym-heading');
  applyTranslations(root, ctx.lang());

  const canvas = root.querySelector('canvas');
  const verdictEl = root.querySelector('[data-out="verdict"]');
  const counterEl = root.querySelector('[data-out="counter"]');
  const captionEl = root.querySelector('[data-out="caption"]');
  const sigmaLabel = root.querySelector('[data-out="sigma-label"]');
  const playButton = root.querySelector('[data-action="play"]');
  const tbody = root.querySelector('tbody');
  const errors = errorDisplay(root, root.querySelector('[data-out="error"]'), t);

  const cell = {
    state,
    frames: 0,
    computes: 0,
    playing: false,
    trainer: null,
    snapshot: null,
    outcome: null,
  };

  let pendingSteps = 0;
  let resetPending = true;

  const controls = bindControls(root, {
    store,
    prefix: PREFIX,
    schema,
    t,
    notes,
    onChange: (name) => {
      syncView();
      if (RESET_FIELDS.has(name)) resetPending = true;
      schedule(true);
    },
  });

  function syncView() {
    sigmaLabel.textContent = t.translate(state.init === 'constant' ? 'sym.sigmaConstant' : 'sym.sigmaNormal');
    root.querySelector('#sym-rate').disabled = !state.dropout;
    playButton.textContent = t.translate(cell.playing ? 'sym.pause' : 'sym.play');
    playButton.setAttribute('aria-pressed', String(cell.playing));
    pytorch.refresh();
  }

  function rebuild() {
    cell.trainer?.free();
    cell.trainer = null;
    try {
      cell.trainer = new wasm.SymmetryTrainer(trainerSettings(state));
      cell.snapshot = cell.trainer.state();
      cell.computes += 1;
      errors.clear();
    } catch (e) {
      cell.snapshot = null;
      errors.show(e);
    }
  }

  function advance(n) {
    if (!cell.trainer || n <= 0) return;
    try {
      cell.snapshot = cell.trainer.step(n);
      cell.computes += 1;
    } catch (e) {
      errors.show(e);
      setPlaying(false);
    }
  }

  function renderText() {
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
    if (!cell.trainer) return;
    const scale = fitCanvas(canvas);
    try {
      cell.outcome = cell.trainer.draw(
        canvas,
        {
          title: t.translate('sym.chartTitle'),
          x_axis: t.translate('sym.chartX'),
          weights_axis: t.translate('sym.chartWeights'),
          loss_axis: t.translate('sym.chartLoss'),
          unit: t.translate('sym.chartUnit'),
        },
        { font_family: ctx.fontFamily, scale },
      );
    } catch (e) {
      errors.show(e);
    }
  }

  const schedule = frameLoop((changed) => {
    cell.frames += 1;
    if (resetPending) {
      resetPending = false;
      rebuild();
    }
    let n = pendingSteps;
    pendingSteps = 0;
    if (cell.playing) n += state.speed;
    advance(n);
    if (changed || n > 0 || cell.playing) renderText();
    draw();
    if (cell.playing) schedule(false);
  });

  function setPlaying(on) {
    cell.playing = on;
    syncView();
    if (on) schedule(false);
  }

  playButton.addEventListener('click', () => setPlaying(!cell.playing));
  root.querySelector('[data-action="step"]').addEventListener('click', () => {
    pendingSteps += 1;
    schedule(true);
  });
  root.querySelector('[data-action="reset"]').addEventListener('click', () => {
    resetPending = true;
    pendingSteps = 0;
    schedule(true);
  });

  const pytorch = pytorchPanel(
    root.querySelector('[data-out="pytorch"]'),
    () =>
      ctx.pytorchFor?.('symmetry', {
        hidden: state.hidden,
        init: state.init,
        value: state.sigma,
        sigma: state.sigma,
        dropout: state.dropout ? state.rate : 0,
        lr: state.lr,
        seed: state.seed,
        steps: Math.max(1, cell.snapshot?.step ?? 200),
      }) || symmetryPytorch(state),
    t,
  );

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
  cell.setPlaying = setPlaying;
  schedule(true);
  return cell;
}
