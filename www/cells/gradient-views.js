// Small multiples of the main widget's engine: a few read-only views of the gradient
// experiment side by side, sharing a handful of controls. The vanishing preset (sigmoid beside
// ReLU) and the default-initialization cell (MXNet, PyTorch, Xavier) are two specs of this.
// Each view runs its own wasm.Engine, draws with the engine's gradient chart (drawChart), shows its
// verdict and a table of its numbers, and links to the main widget with its setting.

import { cellFields } from '../state.js';
import { cellHost, computeInWorker, drawChart, fillLayerTable } from './common.js';
import { gradientChartLabels, verdictText } from './gradients.js';
import { mountCell } from './shell.js';

/** The main widget's declared defaults, by field. */
export function mainDefaults(wasm) {
  return Object.fromEntries(Object.entries(cellFields(wasm, 'gradients').fields).map(([name, f]) => [name, f.def]));
}

/**
 * Mounts the views described by `spec`:
 * {id (the cell's name), cls, sides, settings(wasm, state, side), shell (the shell's layout
 *  options: labels, sliders, hints…), sideTitle(side) (an i18n key), sideExtraHtml?,
 *  caption(t, side), alt(t, side, verdict), chartTitle(t, side), xAxisKey, pytorchSide,
 *  syncSide?(t, side, el)}.
 */
export function mountGradientViews(slot, ctx, spec) {
  const { cls } = spec;
  const sideHtml = (side) => `
<div class="${cls}-side" data-side="${side}">
  <h4 id="${cls}-${side}-title" data-i18n="${spec.sideTitle(side)}"></h4>
  ${spec.sideExtraHtml ?? ''}
  <canvas class="chart ${cls}-chart" role="img" aria-describedby="${cls}-${side}-verdict"></canvas>
  <p class="verdict" id="${cls}-${side}-verdict" data-out="verdict" data-verdict></p>
  <a class="${cls}-open" data-out="open" href="#" data-i18n="${cls}.open"></a>
  <div class="table-wrap visually-hidden" data-out="table-wrap" role="region" aria-labelledby="${cls}-${side}-caption">
    <table class="numbers">
      <caption id="${cls}-${side}-caption" data-out="caption"></caption>
      <thead><tr><th scope="col" data-i18n="table.layer"></th><th scope="col" data-i18n="table.grad"></th><th scope="col" data-i18n="table.backward"></th></tr></thead>
      <tbody></tbody>
    </table>
  </div>
</div>`;
  const body = `
<div class="${cls}-sides">${spec.sides.map(sideHtml).join('')}</div>
<p class="error" data-out="error" role="alert" hidden></p>
<div data-shell="table"></div>`;
  return mountCell(spec.id, slot, ctx, { ...spec.shell, ids: cls, body, setup: (api) => setup(api, ctx, spec) });
}

function setup({ root, state, cell, t, errors, show }, ctx, spec) {
  const { wasm, store } = ctx;
  const sides = Object.fromEntries(
    spec.sides.map((side) => {
      const el = root.querySelector(`[data-side="${side}"]`);
      return [side, { el, engine: new wasm.Engine(), canvas: el.querySelector('canvas'), result: null, settings: null, outcome: null }];
    }),
  );
  cell.sides = sides;
  const settingsOf = (side) => spec.settings(wasm, state, side);
  const scrollKey = `gradscope.${spec.cls}.scrollToMain`;
  const mainFields = cellFields(wasm, 'gradients').fields;

  /** The page's hash with the main widget's keys set to `settings`. */
  function mainHash(settings) {
    const params = new URLSearchParams(store.hash().replace(/^#/, ''));
    for (const [field, value] of Object.entries(settings)) params.set(mainFields[field].key, String(value));
    return `#${params.toString()}`;
  }

  function syncView() {
    for (const side of spec.sides) {
      const { el } = sides[side];
      const open = el.querySelector('[data-out="open"]');
      // Embedded, the main widget is in the notebook: the link opens it there, in a new tab.
      if (ctx.embed) open.target = '_blank';
      open.href = ctx.embed ? `${ctx.siteUrl}${mainHash(settingsOf(side))}` : `${window.location.pathname}${window.location.search}${mainHash(settingsOf(side))}`;
      el.querySelector('[data-out="caption"]').textContent = spec.caption(t, side);
      spec.syncSide?.(t, side, el);
    }
  }

  for (const side of spec.sides) {
    sides[side].el.querySelector('[data-out="open"]').addEventListener('click', (ev) => {
      if (ctx.embed) return;
      // The main widget reads its state from the hash when the page loads: go there by reloading.
      ev.preventDefault();
      try { window.sessionStorage.setItem(scrollKey, '1'); } catch { /* blocked storage */ }
      window.location.hash = mainHash(settingsOf(side));
      window.location.reload();
    });
  }

  // The views compute in a Worker where the page has one (at depth 200 and width 128 the three
  // of the default-initialization cell take 0.6 s, a long task here); each side keeps its own
  // engine there, whose draws survive between calls as the main widget's do.
  const host = cellHost(ctx);
  const channels = host && Object.fromEntries(spec.sides.map((side) => [side, host.channel(`${spec.id}:${side}`)]));
  /** Takes each side's answer ({side, settings, answer: {result} or {error}}). */
  function take(all) {
    errors.clear();
    for (const { side, settings, answer } of all) {
      if (answer.error) {
        errors.show(answer.error);
        continue;
      }
      sides[side].result = answer.result;
      sides[side].settings = settings;
    }
    cell.computes += 1;
  }
  function compute() {
    const asks = spec.sides.map((side) => ({ side, settings: settingsOf(side) }));
    if (!channels) {
      const here = ({ side, settings }) => {
        try {
          return { result: sides[side].engine.gradients(settings) };
        } catch (error) {
          return { error };
        }
      };
      take(asks.map((a) => ({ ...a, answer: here(a) })));
      return undefined;
    }
    const send = () =>
      Promise.all(asks.map((a) => channels[a.side].run('gradients', a.settings).then((answer) => ({ ...a, answer }))))
        .then((all) => (all.some((a) => a.answer.stale) ? { stale: true } : { all }));
    return computeInWorker(cell, show, send, ({ all }) => take(all));
  }

  function renderText() {
    for (const side of spec.sides) {
      const view = sides[side];
      const r = view.result;
      if (!r) continue;
      const verdict = view.el.querySelector('[data-out="verdict"]');
      verdict.textContent = verdictText(r, t.translate);
      verdict.dataset.kind = r.verdict.kind;
      view.canvas.setAttribute('aria-label', spec.alt(t, side, verdict.textContent));
    }
    fillTablesSoon();
  }

  // The tables (up to 200 rows each) are filled one per task, after the frame that drew the
  // charts: at depth 200 the three of the default-initialization cell, filled and laid out in
  // one frame, took 60 ms, a long task.
  let tableTimer = 0;
  let tablesDue = [];
  function fillTablesSoon() {
    tablesDue = spec.sides.filter((side) => sides[side].result);
    cell.tableDue = tablesDue.length > 0;
    clearTimeout(tableTimer);
    const next = () => {
      tableTimer = 0;
      if (!fillNextTable()) return;
      requestAnimationFrame(() => {
        tableTimer = setTimeout(next, 0);
      });
    };
    tableTimer = setTimeout(next, 0);
  }
  /** Fills the next table due; false once none is left. */
  function fillNextTable() {
    const side = tablesDue.shift();
    cell.tableDue = tablesDue.length > 0;
    if (!side) return false;
    const view = sides[side];
    fillLayerTable(view.el.querySelector('tbody'), view.result.layers, ['grad_norm', 'backward_norm'], ctx.lang());
    return tablesDue.length > 0;
  }
  /** Fills every table still due, now (for `settled()`). */
  function fillDue() {
    clearTimeout(tableTimer);
    while (fillNextTable());
  }

  function draw() {
    for (const side of spec.sides) {
      const view = sides[side];
      if (!view.result) continue;
      const labels = gradientChartLabels(t, { title: spec.chartTitle(t, side), x_axis: t.translate(spec.xAxisKey) });
      try {
        view.outcome = drawChart(wasm, ctx, 'gradients', view.canvas, { layers: view.result.layers, options: { show_backward: true, show_forward: false } }, labels);
      } catch (e) {
        errors.show(e);
      }
    }
  }

  let scroll = null;
  try {
    scroll = window.sessionStorage.getItem(scrollKey);
    window.sessionStorage.removeItem(scrollKey);
  } catch { /* blocked storage */ }
  if (scroll) document.getElementById('cell-gradients')?.scrollIntoView();
  /** Each side's settings and numbers, by side. */
  const result = () =>
    spec.sides.every((side) => sides[side].result) ? Object.fromEntries(spec.sides.map((side) => [side, { settings: sides[side].settings, ...sides[side].result }])) : null;
  return { compute, renderText, draw, syncView, result, fillDue, pytorch: () => ctx.pytorchFor(spec.id, { ...state }) };
}
