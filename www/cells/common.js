// What every live cell shares: a frame loop (at most one recompute per animation frame, the
// latest state wins), error display, canvas sizing, tables shown or hidden and the "reproduce in
// PyTorch" panel. The cell shell (shell.js) puts them together.

import { formatNumber } from '../i18n.js';
import { h } from './controls.js';

/**
 * A frame loop: `schedule(level)` asks for a frame; `frame(level)` runs once per animation frame
 * with the highest level asked since the last frame. Levels are numbers (or booleans: true is
 * the highest, 2; false is 0): what a level means is the caller's.
 */
export function frameLoop(frame) {
  let pending = false;
  let level = 0;
  const run = () => {
    if (!pending) return;
    pending = false;
    const l = level;
    level = 0;
    frame(l);
  };
  const schedule = (asked = 0) => {
    level = Math.max(level, asked === true ? 2 : asked === false ? 0 : asked);
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(run);
  };
  /** Runs the pending frame now, if there is one (printing lays out before the next frame). */
  schedule.now = run;
  /** Whether a frame is asked for and has not run yet. */
  schedule.pending = () => pending;
  return schedule;
}

/**
 * The engine's error message in the page's language. The engine writes English in three forms
 * (crates/core/src/error.rs): "field: V is outside the range A to B", "field: unknown value "V";
 * choose one of …", and "field: reason"; the first two are translated, the third is shown as
 * it is.
 */
export function localizeEngineError(message, t) {
  const range = /^([\w-]+): (.+) is outside the range (.+) to (.+)$/.exec(message);
  if (range) return t.translate('error.range', { field: range[1], value: range[2], min: range[3], max: range[4] });
  const choice = /^([\w-]+): unknown value "(.*)"; choose one of (.+)$/.exec(message);
  if (choice) return t.translate('error.choice', { field: choice[1], value: choice[2], choices: choice[3] });
  return message;
}

/** Shows engine errors beside the control they name ("field: …"), else in `fallback`. */
export function errorDisplay(root, fallback, t) {
  let current = null;
  return {
    show(e) {
      const raw = String(e?.message || e);
      const field = raw.split(':')[0].trim();
      const target = root.querySelector(`[data-note="${CSS.escape(field)}"]`) || fallback;
      const message = localizeEngineError(raw, t);
      target.textContent = t.translate('error.engine', { message });
      target.hidden = false;
      current = target;
    },
    clear() {
      if (!current) return;
      current.textContent = '';
      current.hidden = true;
      current = null;
    },
    get active() {
      return current !== null;
    },
  };
}

/** Each canvas's CSS size, as its ResizeObserver last reported it (see `noteCanvasSize`). */
const cssSizes = new WeakMap();

/** The backing store, in device pixels, of a canvas of CSS size `cw` × `ch`: [w, h]. */
function backingSize(cw, ch) {
  const dpr = window.devicePixelRatio || 1;
  return [Math.max(1, Math.round(cw * dpr)), Math.max(1, Math.round(ch * dpr))];
}

/**
 * Records `canvas`'s CSS content size (from a ResizeObserver entry); returns whether the canvas
 * must be drawn again: whether that size needs another backing store than the one it was last
 * drawn on. (The observer also reports a canvas at the size it had, when its section comes back
 * into view or when it was first drawn before the observer's first report.)
 */
export function noteCanvasSize(canvas, width, height) {
  cssSizes.set(canvas, [width, height]);
  const [w, h] = backingSize(width, height);
  return canvas.width !== w || canvas.height !== h;
}

/** Gives `canvas` a backing store of its CSS size × devicePixelRatio; returns the ratio. */
export function fitCanvas(canvas) {
  // The size the ResizeObserver last reported, when there is one: reading clientWidth right after
  // a table was filled would force a layout of the whole page in the middle of the frame.
  const [cw, ch] = cssSizes.get(canvas) ?? [canvas.clientWidth, canvas.clientHeight];
  const [w, h] = backingSize(cw, ch);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return window.devicePixelRatio || 1;
}

/** What each canvas last showed: `{name, data, labels}` (data may be a function giving it). */
const drawnCharts = new WeakMap();

/**
 * Draws the engine's chart `name` of `data` on `canvas`, fitted to its CSS size at the device's
 * pixel ratio (times `ctx.chartScale()` for the projector theme), and remembers what it drew so that an export can draw the same chart again as SVG
 * or as a sharper PNG (`drawnChart`). Returns the chart's outcome.
 */
export function drawChart(wasm, ctx, name, canvas, data, labels) {
  // The projector theme draws larger text and thicker lines (`ctx.chartScale()`, 1 otherwise).
  const scale = fitCanvas(canvas) * (ctx.chartScale?.() ?? 1);
  const outcome = wasm.drawChart(name, canvas, data, labels, { font_family: ctx.fontFamily, scale });
  drawnCharts.set(canvas, { name, data, labels });
  return outcome;
}

/** Records that `canvas` shows chart `name` drawn another way (`data` may be a function). */
export function rememberChart(canvas, name, data, labels) {
  drawnCharts.set(canvas, { name, data, labels });
}

/** What `canvas` last showed, `{name, data, labels}` with the data resolved, or null. */
export function drawnChart(canvas) {
  const drawn = drawnCharts.get(canvas);
  if (!drawn) return null;
  return { ...drawn, data: typeof drawn.data === 'function' ? drawn.data() : drawn.data };
}

/**
 * A compute-on-change cell's compute: `cell.report = make()` (an engine export), counted in
 * `cell.computes`; an engine error empties the report and is shown by `errors` beside the
 * control it names.
 */
export function computeReport(cell, errors, make) {
  try {
    cell.report = make();
    cell.computes += 1;
    errors.clear();
  } catch (e) {
    cell.report = null;
    errors.show(e);
  }
}

/**
 * The Worker a cell's compute goes to, off the page's thread: the page's background Worker (the
 * stability map's and the playbacks', started on first use), else the main widget's (an embedded
 * element has only that one), else none (an element on another origin computes here).
 */
export const cellHost = (ctx) => ctx.backgroundHost ?? ctx.engineHost ?? null;

/**
 * Sends a cell's compute to `channel` (a latest-wins channel of `cellHost`): `cell.inFlight`
 * counts it until it answers (so `settled()` and the update measure wait for it); `take(answer)`
 * gets the answer ({result} or {error}), unless a newer compute replaced it, and the answer is
 * then drawn with its text (`show(1)`). Resolves true once taken, false if replaced.
 */
export function computeInWorker(cell, show, send, take) {
  cell.inFlight = (cell.inFlight ?? 0) + 1;
  return send().then((answer) => {
    cell.inFlight -= 1;
    if (answer.stale) return false;
    take(answer);
    show(1);
    return true;
  });
}

/**
 * Draws `cell.report`, if any, on `canvas` as the engine's chart `name` (see `drawChart`);
 * `labels(narrow)` gives the chart's texts (`narrow`: a canvas under 520 CSS px). The outcome goes into `cell.outcome`; a drawing error is shown by `errors`.
 */
export function drawReport(cell, { canvas, errors, ctx }, name, labels) {
  if (!cell.report) return;
  try {
    cell.outcome = drawChart(ctx.wasm, ctx, name, canvas, cell.report, labels(canvas.clientWidth < 520));
  } catch (e) {
    errors.show(e);
  }
}

/**
 * The "reproduce in PyTorch" panel: a toggle button, the code for the cell's current settings
 * (from `codeFor()`), and a copy button. The code is made only when the panel is open.
 */
export function pytorchPanel(root, codeFor, t) {
  const toggle = h('button', { type: 'button', class: 'pytorch-toggle', 'aria-expanded': 'false' });
  const copy = h('button', { type: 'button', class: 'pytorch-copy' });
  const copied = h('span', { class: 'pytorch-copied', role: 'status' });
  const code = h('code', { class: 'language-python' });
  // The code scrolls inside its box: a named region a keyboard can reach and scroll.
  // Its name is "PyTorch code" and the cell's heading (the cell section's aria-labelledby), so
  // that each cell's region is told apart.
  const heading = root.closest('[aria-labelledby]')?.getAttribute('aria-labelledby');
  const pre = h('pre', { tabindex: '0', role: 'region', id: heading && `${heading}-pytorch`, 'aria-labelledby': heading && `${heading}-pytorch ${heading}` }, [code]);
  const body = h('div', { class: 'pytorch-body', hidden: true }, [copy, copied, pre]);
  const wrap = h('div', { class: 'pytorch' }, [toggle, body]);
  root.appendChild(wrap);
  const label = () => {
    toggle.textContent = t.translate(body.hidden ? 'pytorch.show' : 'pytorch.hide');
    copy.textContent = t.translate('pytorch.copy');
    pre.setAttribute('aria-label', t.translate('pytorch.codeLabel'));
  };
  // `codeFor()` gives the script, or a promise of it (the generator is loaded when first asked
  // for); only the latest request's script is shown.
  let asked = 0;
  const refresh = () => {
    if (body.hidden) return;
    const n = ++asked;
    Promise.resolve(codeFor()).then((text) => {
      if (n === asked && !body.hidden) code.textContent = text;
    });
  };
  toggle.addEventListener('click', () => {
    body.hidden = !body.hidden;
    toggle.setAttribute('aria-expanded', String(!body.hidden));
    label();
    refresh();
  });
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(code.textContent);
      copied.textContent = t.translate('pytorch.copied');
    } catch {
      // Clipboard refused (no permission, insecure context): select the code instead.
      const range = document.createRange();
      range.selectNodeContents(code);
      const sel = window.getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      copied.textContent = t.translate('pytorch.selected');
    }
  });
  label();
  return { refresh, relabel: label };
}

/**
 * The compute-on-change loop: `schedule(level)` with level 2 (or true) recomputes, 1 re-renders
 * the text, 0 (or false) only redraws. At most one compute per animation frame, with the latest
 * state; every frame that was asked for redraws, then after a compute or a re-render the text
 * and the PyTorch code are refreshed. A `compute()` that returns true has sent its work to a
 * Worker: that frame draws nothing and leaves the text, since the answer is drawn with its text
 * when it comes. Starts with a compute. Returns `schedule`.
 */
export function runCell(cell, { compute, renderText = () => {}, draw, pytorch = null }) {
  const schedule = frameLoop((level) => {
    // A cell taken out of the document (an element removed from its page) computes nothing.
    if (cell.root && !cell.root.isConnected) return;
    cell.frames += 1;
    // A compute sent to a Worker (`compute()` true) draws its answer when it comes: drawing now
    // would only redraw the previous numbers (at the largest settings tens of ms of this thread
    // at every input, for a picture already on the screen).
    const answerComing = level >= 2 && compute() === true;
    // The chart first, then the text (the canvas backend measures text on the canvas, not in the
    // document, so the order no longer costs a layout; it is kept for the first paint).
    if (!answerComing) draw();
    if (level >= 1) {
      if (!answerComing) renderText();
      pytorch?.refresh();
    }
  });
  schedule(2);
  return schedule;
}

/**
 * Shows or hides a table's scrolling wrapper. Hidden, it stays in the accessibility tree (screen
 * readers still read the numbers) but leaves the tab order; shown, it can take focus so that a
 * keyboard can scroll it.
 */
export function showTable(wrap, shown) {
  wrap.classList.toggle('visually-hidden', !shown);
  if (shown) wrap.setAttribute('tabindex', '0');
  else wrap.removeAttribute('tabindex');
}

/** Shows the number `v` in the table cell `el`: formatted in `lang` (`formatNumber`), the
 * full-precision value in `data-value`. */
export function setNumber(el, v, lang, digits) {
  el.textContent = formatNumber(v, lang, digits);
  el.dataset.value = String(v);
}

/**
 * Makes `tbody` hold `count` rows (reusing the rows it has), each a row header (`th`, scope row)
 * then `cells` data cells (`make(td, i)` prepares the i-th of a new row). Returns its rows.
 */
export function tableRows(tbody, count, cells, make = () => {}) {
  while (tbody.rows.length > count) tbody.deleteRow(-1);
  while (tbody.rows.length < count) {
    const row = tbody.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    row.appendChild(th);
    for (let i = 0; i < cells; i += 1) make(row.insertCell(), i);
  }
  return tbody.rows;
}

/**
 * Writes one row per layer into `tbody` (updating rows in place): the layer number in a row
 * header, then the fields `keys` of each layer as formatted numbers with the full-precision value
 * in `data-value`, then `extra` empty cells for the caller.
 */
export function fillLayerTable(tbody, layers, keys, lang, extra = 0) {
  const rows = tableRows(tbody, layers.length, keys.length + extra);
  layers.forEach((s, i) => {
    const row = rows[i];
    row.cells[0].textContent = String(s.layer);
    row.cells[0].dataset.value = String(s.layer);
    keys.forEach((key, k) => setNumber(row.cells[k + 1], s[key], lang));
  });
}
