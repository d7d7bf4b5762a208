// What every live cell shares: a frame loop (at most one recompute per animation frame, the
// latest state wins), error display, canvas sizing, tables shown or hidden and the "reproduce in
// PyTorch" panel. The cell shell (shell.js) puts them together.

import { h } from './controls.js';

/**
 * A frame loop: `schedule(level)` asks for a frame; `frame(level)` runs once per animation frame
 * with the highest level asked since the last frame. Levels are numbers (or booleans: true is
 * the highest, 2; false is 0): what a level means is the caller's.
 */
export function frameLoop(frame) {
  let pending = false;
  let level = 0;
  return (asked = 0) => {
    level = Math.max(level, asked === true ? 2 : asked === false ? 0 : asked);
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      const l = level;
      level = 0;
      frame(l);
    });
  };
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

/** Gives `canvas` a backing store of its CSS size × devicePixelRatio; returns the ratio. */
export function fitCanvas(canvas) {
  const dpr = window.devicePixelRatio || 1;
  const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
  const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return dpr;
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
  const refresh = () => {
    if (!body.hidden) code.textContent = codeFor();
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
 * state; after a compute or a re-render the text and the PyTorch code are refreshed; every frame
 * that was asked for redraws. Starts with a compute. Returns `schedule`.
 */
export function runCell(cell, { compute, renderText = () => {}, draw, pytorch = null }) {
  const schedule = frameLoop((level) => {
    cell.frames += 1;
    if (level >= 2) compute();
    if (level >= 1) {
      renderText();
      pytorch?.refresh();
    }
    draw();
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
