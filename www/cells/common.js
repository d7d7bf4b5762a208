// What every live cell shares: binding its controls to its slice of the state, notes beside
// controls, a frame loop (at most one recompute per animation frame, the latest state wins),
// error display, canvas sizing and the "reproduce in PyTorch" panel.

/** The text of a note about a coerced value (see state.js `coerce`). */
export function noteText(t, note) {
  if (note.kind === 'invalid') return t.translate('note.invalid', { value: note.raw, used: note.value });
  if (note.kind === 'rounded') return t.translate('note.rounded', { value: note.raw, used: note.value });
  return t.translate('note.clamped', { value: note.raw, min: note.min, max: note.max, used: note.value });
}

/**
 * Binds every `[data-field]` control under `root` to `store`'s cell `prefix`. A control whose
 * `data-scale="log"` maps its position p ∈ [0, 1000] to 10^(lo + (hi − lo)·p/1000) with
 * `data-log-min`/`data-log-max` (defaults −3 and 1). `onChange(name)` runs after each change.
 * Returns {sync, showNote}.
 */
export function bindControls(root, { store, prefix, schema, t, notes = {}, onChange }) {
  const state = store.get(prefix);
  const controls = [...root.querySelectorAll('[data-field]')];
  const logRange = (el) => [Number(el.dataset.logMin ?? -3), Number(el.dataset.logMax ?? 1)];
  const toValue = (el, p) => {
    const [lo, hi] = logRange(el);
    return Number((10 ** (lo + ((hi - lo) * p) / 1000)).toPrecision(4));
  };
  const toPosition = (el, v) => {
    const [lo, hi] = logRange(el);
    return v > 0 ? Math.min(1000, Math.max(0, Math.round(((Math.log10(v) - lo) / (hi - lo)) * 1000))) : 0;
  };
  const showNote = (name, note) => {
    const el = root.querySelector(`[data-note="${name}"]`);
    if (!el) return;
    el.textContent = note ? noteText(t, note) : '';
    el.hidden = !note;
  };
  const sync = (except) => {
    for (const el of controls) {
      if (el === except) continue;
      const value = state[el.dataset.field];
      if (el.type === 'checkbox') el.checked = Boolean(value);
      else if (el.dataset.scale === 'log') el.value = String(toPosition(el, value));
      else el.value = String(value);
    }
  };
  const onControl = (el) => {
    const name = el.dataset.field;
    let raw;
    if (el.type === 'checkbox') raw = el.checked ? '1' : '0';
    else if (el.dataset.scale === 'log') raw = String(toValue(el, Number(el.value)));
    else raw = el.value;
    showNote(name, store.set(prefix, name, raw));
    sync(el);
    onChange(name);
  };
  for (const el of controls) {
    const field = schema[el.dataset.field];
    if (field && field.min !== undefined && el.dataset.scale !== 'log' && el.type !== 'checkbox') {
      el.min = String(field.min);
      el.max = String(field.max);
    }
    el.addEventListener('input', () => onControl(el));
    el.addEventListener('change', () => {
      onControl(el);
      if (el.type === 'number') el.value = String(state[el.dataset.field]);
    });
  }
  for (const [name, note] of Object.entries(notes)) showNote(name, note);
  return { sync, showNote, toValue, toPosition };
}

/**
 * A frame loop: `schedule(compute)` asks for a frame; `frame(compute)` runs once per animation
 * frame with compute = true if any request since the last frame asked for a recompute.
 */
export function frameLoop(frame) {
  let pending = false;
  let needCompute = false;
  return (compute = false) => {
    needCompute = needCompute || compute;
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(() => {
      pending = false;
      const c = needCompute;
      needCompute = false;
      frame(c);
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
      const target = root.querySelector(`[data-note="${field}"]`) || fallback;
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
  const wrap = document.createElement('div');
  wrap.className = 'pytorch';
  wrap.innerHTML = `
    <button type="button" class="pytorch-toggle" aria-expanded="false" data-i18n="pytorch.show"></button>
    <div class="pytorch-body" hidden>
      <button type="button" class="pytorch-copy" data-i18n="pytorch.copy"></button>
      <span class="pytorch-copied" role="status"></span>
      <pre><code class="language-python"></code></pre>
    </div>`;
  root.appendChild(wrap);
  const toggle = wrap.querySelector('.pytorch-toggle');
  const body = wrap.querySelector('.pytorch-body');
  const code = wrap.querySelector('code');
  const copied = wrap.querySelector('.pytorch-copied');
  const label = () => {
    toggle.textContent = t.translate(body.hidden ? 'pytorch.show' : 'pytorch.hide');
    wrap.querySelector('.pytorch-copy').textContent = t.translate('pytorch.copy');
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
  wrap.querySelector('.pytorch-copy').addEventListener('click', async () => {
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
 * The loop every live cell runs: at most one recompute per animation frame (then its text and
 * PyTorch code are refreshed), a redraw every frame that was asked for, a redraw when a canvas
 * changes size, and a relabel + redraw on a language switch (sets `cell.onLanguage`). Starts with
 * a compute. Returns `schedule(compute)`.
 */
export function runCell(cell, { canvases = [], compute, renderText = () => {}, draw, syncView = () => {}, pytorch = null }) {
  const schedule = frameLoop((computeNow) => {
    cell.frames += 1;
    if (computeNow) {
      compute();
      renderText();
      pytorch?.refresh();
    }
    draw();
  });
  syncView();
  const resize = new ResizeObserver(() => schedule(false));
  for (const canvas of canvases) resize.observe(canvas);
  cell.onLanguage = () => {
    syncView();
    pytorch?.relabel();
    renderText();
    schedule(false);
  };
  schedule(true);
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

/**
 * A live cell's frame: `<section class="cell live" id="cell-NAME">` holding `html`, labelled by
 * its h3 heading (the notebook's sections are h2), which gets `headingId` if it has no id;
 * appended to `slot`.
 */
export function cellSection(slot, name, html, headingId) {
  const root = document.createElement('section');
  root.className = 'cell live';
  root.id = `cell-${name}`;
  root.setAttribute('aria-labelledby', headingId);
  root.innerHTML = html;
  const heading = root.querySelector('h3');
  if (heading && !heading.id) heading.id = headingId;
  slot.appendChild(root);
  return root;
}
