// The page's theme: auto (the reader's system decides), light, dark or projector. The colours,
// line widths and type sizes are in themes.css, keyed by a `data-theme` attribute on any element
// (the notebook sets it on <html>; an embedded element sets it on its own root). The choice
// comes in from the URL hash (`theme=`), an attribute or the picker, and goes through
// state.js `coerce` like every other value: an unknown theme falls back to auto, with a note.

import { coerce } from './state.js';
import { h, noteText } from './cells/controls.js';

/** The themes themes.css defines; 'auto' (the default) sets no attribute. */
export const THEMES = ['auto', 'light', 'dark', 'projector'];

/** How much larger the projector theme draws the charts' text and lines. */
export const PROJECTOR_SCALE = 1.5;

/** The theme as a page-wide field, read and checked like a cell's enum field. */
export const THEME_FIELD = { type: 'enum', values: THEMES, def: 'auto', key: 'theme', unit: '', role: 'view', doc: '' };

/** Checks a raw theme (from the hash, an attribute, the picker): {value, note} as `coerce`. */
export const coerceTheme = (raw) => coerce(THEME_FIELD, raw);

/** Themes the subtree of `el`: a `data-theme` attribute, or none for auto. */
export function applyTheme(el, theme) {
  if (theme === THEME_FIELD.def) el.removeAttribute('data-theme');
  else el.setAttribute('data-theme', theme);
}

/**
 * The theme picker: a labelled select of THEMES with its note below, appended to `host`.
 * `initial` is the raw value (from the hash); `onChoose(theme, {initial})` runs once with the
 * checked initial value (initial: true), then on every choice. Returns {relabel()} to translate it (and its note) again.
 */
export function mountThemePicker(host, { initial, t, onChoose }) {
  const select = h('select', { id: 'theme-select', 'aria-describedby': 'theme-note' },
    THEMES.map((v) => h('option', { value: v, 'data-i18n': `theme.${v}` })));
  const note = h('p', { class: 'note', id: 'theme-note', role: 'status', hidden: true });
  host.append(h('label', { for: 'theme-select', 'data-i18n': 'theme.label' }), select, note);
  let shown = null;
  const showNote = (n) => {
    shown = n;
    note.textContent = n ? noteText(t, n) : '';
    note.hidden = !n;
  };
  const { value, note: first } = coerceTheme(initial);
  select.value = value;
  showNote(first);
  onChoose(value, { initial: true });
  select.addEventListener('change', () => {
    const checked = coerceTheme(select.value);
    showNote(checked.note);
    onChoose(checked.value, { initial: false });
  });
  return { relabel: () => showNote(shown) };
}
