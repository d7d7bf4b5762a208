// The stability map: for the chosen activation and width, how many powers of ten the backward
// signal gains or loses from layer L down to layer 1, over σ (log axis) × depth, with the theory's
// critical line and the edges of the Goldilocks zone (gradscope_core::stability_map). Columns are
// computed a few per frame, so the map fills in without blocking the page; a click (or Enter on
// the focused chart) loads that σ and depth into the main widget.

import { formatNumber } from '../i18n.js';
import { cellFields } from '../state.js';
import { cellHost, drawChart } from './common.js';
import { mountCell } from './shell.js';
import '../strings/stability-map.js';

/** Milliseconds of computing per frame while the map fills in. */
const FRAME_BUDGET_MS = 12;

const body = `
<figure class="output">
  <canvas class="chart map-chart" role="img" tabindex="0" data-i18n-attr="aria-label:map.chartTitle" aria-describedby="map-summary map-hint"></canvas>
  <figcaption>
    <p class="hint" id="map-hint" data-i18n="map.hint"></p>
    <p class="verdict" id="map-summary" data-out="summary" data-verdict></p>
    <p class="error" data-out="error" role="alert" hidden></p>
  </figcaption>
</figure>`;

export function mount(slot, ctx) {
  return mountCell('stability-map', slot, ctx, {
    labels: { seed: 'control.seed', activation: 'control.activation' },
    seedButton: 'control.newSeed',
    body,
    setup: (api) => setup(api, ctx),
  });
}

/** The σ and depth under canvas pixel (x, y), from the chart's reported plot area. */
export function pointToSetting(outcome, x, y) {
  if (!outcome || x < outcome.left || x > outcome.right || y < outcome.top || y > outcome.bottom) return null;
  const fx = (x - outcome.left) / (outcome.right - outcome.left);
  const fy = (outcome.bottom - y) / (outcome.bottom - outcome.top);
  const logSigma = outcome.log_sigma_min + fx * (outcome.log_sigma_max - outcome.log_sigma_min);
  const depth = Math.round(outcome.depth_min + fy * (outcome.depth_max - outcome.depth_min));
  return { sigma: Number((10 ** logSigma).toPrecision(4)), depth: Math.max(1, depth) };
}

/** How often the map is redrawn while its columns arrive (ms). */
const FILL_REDRAW_MS = 250;

function setup({ root, state, cell, t, out, errors, schedule }, ctx) {
  const { wasm } = ctx;
  const canvas = root.querySelector('canvas');
  const engine = new wasm.StabilityMap();
  Object.assign(cell, { sigmas: [], columns: [], critical: null, outcome: null, complete: false, cursor: null });
  let settings = null;

  /**
   * The cell's compute step, run by the shell's compute-on-change loop: a new setting starts a
   * fresh grid; then columns are computed until the frame's budget is spent, and if any is left
   * the step asks the same loop for another frame (so the map fills in without a loop of its own
   * and without a long task).
   */
  function compute() {
    const next = { activation: state.activation, width: state.width, depth: state.depth, batch: state.batch, seed: state.seed };
    const key = JSON.stringify([next, state.columns]);
    if (key !== cell.key) {
      cell.key = key;
      settings = next;
      try {
        cell.sigmas = Array.from(wasm.mapSigmas(state.columns));
        errors.clear();
      } catch (e) {
        errors.show(e);
        cell.sigmas = [];
      }
      askTheory(key, settings, state.depth);
      cell.columns = cell.sigmas.map(() => null);
      cell.complete = false;
      cell.computes += 1;
    }
    if (!cell.complete) fill();
    if (!cell.complete && !channel) schedule(2);
  }

  // Columns are computed in the background Worker when the page has one (one column at a time,
  // the answers of an older setting dropped), else here within a frame budget.
  const host = cellHost(ctx);
  const channel = host?.channel('stability-map');
  cell.inFlight = 0;

  // The theory's lines (σ* and the crossing at the deepest row) come from the same Worker, asked
  // before the columns: at depth 200 the crossing takes up to a second of quadrature, a long task
  // on this thread at every change of activation, width or depth. Until they arrive the map
  // draws no line (an older setting's line would be wrong for the new map).
  const theoryChannel = host?.channel('stability-map-theory');
  cell.theoryPending = false;
  function askTheory(key, s, depth) {
    cell.critical = null;
    cell.edge = null;
    if (!theoryChannel) {
      try {
        cell.critical = wasm.criticalSigma(s) ?? null;
        cell.edge = wasm.theoryCrossing(s, depth) ?? null;
      } catch (e) {
        errors.show(e);
      }
      return;
    }
    cell.theoryPending = true;
    theoryChannel.run('mapTheory', { settings: s, depth }).then((answer) => {
      if (answer.stale || key !== cell.key) return; // a newer setting asked again
      cell.theoryPending = false;
      if (answer.error) errors.show(answer.error);
      else ({ critical: cell.critical, edge: cell.edge } = answer.result);
      schedule(0);
    });
  }

  /** Computes the next columns: one in the Worker, or here until the frame's budget is spent. */
  function fill() {
    if (channel) {
      if (cell.inFlight > 0) return;
      const i = cell.columns.indexOf(null);
      if (i < 0) {
        cell.complete = true;
        return;
      }
      const key = cell.key;
      cell.inFlight += 1;
      channel.run('mapColumn', { settings, sigma: cell.sigmas[i] }).then((answer) => {
        cell.inFlight -= 1;
        if (key !== cell.key) {
          schedule(2); // a newer setting started meanwhile: go on with it
          return;
        }
        if (answer.error) {
          errors.show(answer.error);
          cell.complete = true;
        } else {
          cell.columns[i] = answer.result;
        }
        schedule(2);
      });
      return;
    }
    const start = performance.now();
    let i = cell.columns.indexOf(null);
    while (i >= 0 && performance.now() - start < FRAME_BUDGET_MS) {
      try {
        cell.columns[i] = engine.column(settings, cell.sigmas[i]);
      } catch (e) {
        // Shown beside the controls; the rest of the grid stays empty (grey) until a change.
        errors.show(e);
        cell.complete = true;
        return;
      }
      i = cell.columns.indexOf(null);
    }
    cell.complete = i < 0;
  }

  const fmt = (x) => formatNumber(x, ctx.lang());

  /** The measured Goldilocks band (|D| ≤ 2) at depth L: the lowest and highest σ in it. */
  function band(L) {
    const inside = cell.sigmas.filter((s, i) => {
      const d = cell.columns[i]?.decades[L - 1];
      return d !== undefined && Math.abs(d) <= 2;
    });
    return inside.length ? [inside[0], inside.at(-1)] : null;
  }

  function renderText() {
    const summary = out('summary');
    const done = cell.columns.filter(Boolean).length;
    if (!cell.complete || cell.theoryPending) {
      summary.textContent = t.translate('map.progress', { done, total: cell.columns.length });
      return;
    }
    const depths = [...new Set([Math.max(2, Math.round(state.depth / 4)), Math.round(state.depth / 2), state.depth])];
    const parts = depths.map((L) => {
      const b = band(L);
      return b ? t.translate('map.band', { L, lo: fmt(b[0]), hi: fmt(b[1]) }) : t.translate('map.noBand', { L });
    });
    const critical = cell.critical == null ? t.translate('map.noCritical') : t.translate('map.critical', { sigma: fmt(cell.critical) });
    const edge = cell.edge == null ? '' : t.translate('map.edge', { L: state.depth, sigma: fmt(cell.edge) });
    summary.textContent = `${critical} ${edge} ${parts.join(' ')}`.replace(/\s+/g, ' ');
    summary.dataset.critical = String(cell.critical);
    summary.dataset.edge = String(cell.edge);
    canvas.setAttribute('aria-label', t.translate('map.alt', { summary: summary.textContent }));
  }

  // While the map fills in, it is redrawn at most every FILL_REDRAW_MS (a column arrives every
  // few milliseconds from the Worker; each redraw paints the whole grid).
  let lastDraw = -Infinity;
  function draw() {
    if (!cell.complete && cell.columns.some(Boolean) && performance.now() - lastDraw < FILL_REDRAW_MS) return;
    lastDraw = performance.now();
    const compact = canvas.clientWidth < 520;
    // The main widget's point, where the page has one (an embedded map is alone).
    const main = ctx.store.cells.has('') ? ctx.store.get('') : null;
    const view = {
      sigmas: cell.sigmas,
      columns: cell.columns,
      depth: state.depth,
      critical: cell.critical,
      marker: cell.cursor ? [cell.cursor.sigma, cell.cursor.depth] : main && main.depth <= state.depth ? [main.sigma, main.depth] : null,
      compact,
    };
    const labels = {
      title: t.translate(compact ? 'map.chartTitleShort' : 'map.chartTitle'),
      x_axis: t.translate('map.chartX'),
      y_axis: t.translate('map.chartY'),
      critical_line: t.translate('map.legendCritical'),
      band: t.translate('map.legendBand'),
      asymptote: t.translate('map.legendAsymptote'),
      vanishing: t.translate('map.vanishing'),
      exploding: t.translate('map.exploding'),
    };
    try {
      cell.outcome = drawChart(wasm, ctx, 'stability', canvas, view, labels);
    } catch (e) {
      errors.show(e);
    }
  }

  /** Loads (σ, L) into the main widget, with this map's activation and width, and goes there. */
  function load(point) {
    const grad = window.gradscope?.cells?.grad;
    const setting = [['activation', state.activation], ['init', 'normal'], ['width', state.width], ['sigma', point.sigma], ['depth', point.depth]];
    cell.loaded = point;
    if (ctx.embed) {
      // Embedded, there is no main widget on the page: open the notebook at that point.
      const main = cellFields(wasm, 'gradients').fields;
      const params = new URLSearchParams(setting.map(([field, value]) => [main[field].key, String(value)]));
      window.open(`${ctx.siteUrl}#${params}`, '_blank', 'noopener');
      return;
    }
    for (const [field, value] of setting) {
      ctx.store.set('', field, String(value));
    }
    grad?.refresh?.();
    document.getElementById('cell-gradients')?.scrollIntoView({ block: 'start' });
  }

  const pixel = (event) => {
    const rect = canvas.getBoundingClientRect();
    return [((event.clientX - rect.left) * canvas.width) / rect.width, ((event.clientY - rect.top) * canvas.height) / rect.height];
  };
  canvas.addEventListener('click', (event) => {
    const point = pointToSetting(cell.outcome, ...pixel(event));
    if (point) load(point);
  });
  // Keyboard: the arrows move a cursor over the grid (σ by one column, depth by one layer),
  // Enter loads it.
  canvas.addEventListener('keydown', (event) => {
    if (!cell.sigmas.length) return;
    const cur = cell.cursor ?? { i: Math.floor(cell.sigmas.length / 2), depth: Math.round(state.depth / 2) };
    const moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (event.key === 'Enter' && cell.cursor) {
      load({ sigma: cell.cursor.sigma, depth: cell.cursor.depth });
      event.preventDefault();
      return;
    }
    const m = moves[event.key];
    if (!m) return;
    event.preventDefault();
    const i = Math.min(cell.sigmas.length - 1, Math.max(0, (cur.i ?? 0) + m[0]));
    const depth = Math.min(state.depth, Math.max(1, cur.depth + m[1]));
    const sigma = Number(cell.sigmas[i].toPrecision(4));
    const d = cell.columns[i]?.decades[depth - 1];
    cell.cursor = { i, depth, sigma };
    out('summary').textContent = t.translate('map.cursor', { sigma: fmt(sigma), L: depth, D: d === undefined ? '…' : fmt(d) });
    schedule(0);
  });

  /** The map's numbers (`el.result`) once a column is in: its σ grid, a column per σ (null until
   * computed), σ*, the edge, and whether it is complete. */
  const result = () =>
    cell.columns.some(Boolean) ? { sigmas: cell.sigmas, columns: cell.columns, critical: cell.critical, edge: cell.edge, complete: cell.complete && !cell.theoryPending } : null;
  /** The map is still filling in: some column, or the theory's lines, not computed yet. */
  const busy = () => !cell.complete || cell.theoryPending;
  return { compute, renderText, draw, result, busy, pytorch: () => ctx.pytorchFor('stability-map', { ...state }) };
}
