// "Show me" links: where the text says to try a setting, a link sets the cell to it and scrolls
// there. The link carries the cell and the values:
//
//   <a href="#slot-gradients" class="show-me" data-show="gradients"
//      data-set="activation=relu;init=he-normal;sigma=1">set ReLU + He</a>
//
// (field names are the cell's state fields; values as a control or the URL would carry them).
// The scrolling itself is main.js's in-page link handler (href="#slot-…"). Applying the values
// uses, in order, whatever the cell offers:
//   1. `cell.refresh()` (a hook the cells may provide: re-read the state from the store into the
//      controls, refresh the view and recompute): the values go into `window.gradscope.store`,
//      then the hook runs;
//   2. the cell's own controls: each value is written into the control bound to the field
//      (`[data-field]`, not a log-scale slider) and a `change` event is dispatched, which is
//      exactly what a student's edit does;
//   3. the URL: the values go into the store, the page reloads with the new hash and scrolls
//      back to the cell.

/** The store prefix of a cell, from the engine's declaration of it (undefined if none). */
export function cellPrefix(name) {
  return window.gradscope?.wasm?.schema?.()?.cells?.[name]?.prefix;
}
/** The key under which main.js lists a cell, where it is not the cell's name. */
const CELL_KEY = { gradients: 'grad' };
const SCROLL_KEY = 'gradscope.lesson.scrollTo';

/** "a=1;b=x" → [['a', '1'], ['b', 'x']], in order (the order matters: init before σ). */
export function parseSettings(text) {
  return String(text ?? '')
    .split(';')
    .map((pair) => pair.trim())
    .filter(Boolean)
    .map((pair) => {
      const i = pair.indexOf('=');
      return i < 0 ? [pair, ''] : [pair.slice(0, i).trim(), pair.slice(i + 1).trim()];
    });
}

/** The live cell object main.js mounted for `name`, or undefined. */
export function cellOf(name) {
  return window.gradscope?.cells?.[CELL_KEY[name] ?? name];
}

function viaControls(slot, values) {
  const plan = [];
  for (const [field, raw] of values) {
    const controls = [...slot.querySelectorAll(`[data-field="${CSS.escape(field)}"]`)];
    const control = controls.find((c) => c.dataset.scale !== 'log');
    if (!control) return false;
    if (control.tagName === 'SELECT' && ![...control.options].some((o) => o.value === raw)) return false;
    plan.push([control, raw]);
  }
  for (const [control, raw] of plan) {
    if (control.type === 'checkbox') control.checked = raw === '1' || raw === 'true';
    else control.value = raw;
    control.dispatchEvent(new Event('change', { bubbles: true }));
  }
  return true;
}

/**
 * Sets the cell named by `link` to the link's values. Returns how: 'hook', 'controls',
 * 'reload', or null when the page is not ready (the text-only preview, or still loading).
 */
export function applyShowMe(link) {
  const name = link.dataset.show;
  const values = parseSettings(link.dataset.set);
  const gs = window.gradscope;
  const prefix = cellPrefix(name);
  const cell = cellOf(name);
  const slot = document.getElementById(`slot-${name}`);
  if (!gs?.store || prefix === undefined || !cell || !slot) return null;
  if (typeof cell.refresh === 'function') {
    for (const [field, raw] of values) gs.store.set(prefix, field, raw);
    cell.refresh();
    return 'hook';
  }
  if (viaControls(slot, values)) return 'controls';
  for (const [field, raw] of values) gs.store.set(prefix, field, raw);
  try { window.sessionStorage.setItem(SCROLL_KEY, `slot-${name}`); } catch { /* blocked storage */ }
  const { pathname, search } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}${gs.store.hash()}`);
  window.location.reload();
  return 'reload';
}

/** Handles every show-me link under `root`; after a reload made by one, scrolls to its cell. */
export function installShowMe(root) {
  root.addEventListener('click', (event) => {
    const link = event.target.closest?.('a.show-me[data-show]');
    if (!link) return;
    const how = applyShowMe(link);
    if (how) link.dataset.applied = how;
    // A cell not mounted yet (below the fold): mount it, then apply.
    else if (!cellOf(link.dataset.show) && window.gradscope?.mount) {
      window.gradscope.mount(link.dataset.show).then(() => {
        const later = applyShowMe(link);
        if (later) link.dataset.applied = later;
      });
    }
  });
  let target = null;
  try {
    target = window.sessionStorage.getItem(SCROLL_KEY);
    window.sessionStorage.removeItem(SCROLL_KEY);
  } catch { /* blocked storage */ }
  if (target) {
    Promise.resolve(window.gradscope?.ready).then(() => document.getElementById(target)?.scrollIntoView({ block: 'start' }));
  }
}
