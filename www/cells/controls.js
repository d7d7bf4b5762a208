// A cell's controls, made from its declared fields (state.js `fieldsFromSchema`) and bound to
// its slice of the state. Numbers: a number box, with a range slider on the declared scale when
// the cell asks for one (log: slider_min … slider_max); enums: a select whose option labels
// come from i18n; bools: a checkbox; lists: a text box. Every control has its note beside it.
// Nothing here writes a range, a default or a choice: they all come from the field.

/** The text of a note about a coerced value (see state.js `coerce`). */
export function noteText(t, note) {
  if (note.kind === 'invalid') return t.translate('note.invalid', { value: note.raw, used: note.value });
  if (note.kind === 'rounded') return t.translate('note.rounded', { value: note.raw, used: note.value });
  if (note.kind === 'list') {
    const fixes = note.fixes.map((f) => {
      if (f.kind === 'invalid') return t.translate('note.listInvalid', { value: f.raw, used: f.value });
      if (f.kind === 'rounded') return t.translate('note.listRounded', { value: f.raw, used: f.value });
      if (f.kind === 'clamped') return t.translate('note.listClamped', { value: f.raw, min: f.min, max: f.max, used: f.value });
      if (f.kind === 'long') return t.translate('note.listLong', { max: f.max });
      return t.translate('note.listShort', { min: f.min });
    });
    return t.translate('note.list', { fixes: fixes.join('; '), used: note.value.join(', ') });
  }
  return t.translate('note.clamped', { value: note.raw, min: note.min, max: note.max, used: note.value });
}

/**
 * What a screen reader says for a slider of field `name`: its symbol, the value as its number
 * box shows it (with the language's decimal mark) and the declared unit, e.g. "σ = 0.1",
 * "L = 30 layers" (i18n control.valuetext, symbol.*, unit.*).
 */
export function valueText(t, name, field, value) {
  const unit = field.unit ? ` ${t.translate(`unit.${field.unit}`)}` : '';
  const shown = String(value).replace('.', t.translate('number.decimalMark'));
  return t.translate('control.valuetext', { name: t.translate(`symbol.${name}`), value: shown, unit });
}

/** How a list is shown in its text box. */
export const listText = (value) => value.join(', ');

/** A DOM element with attributes (null/undefined ones skipped) and children. */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  el.append(...children);
  return el;
}

/** The slider position p ∈ [0, 1000] of a log-scale field ↔ its value. */
const LOG_STEPS = 1000;
function logRange(field) {
  return [Math.log10(field.sliderMin), Math.log10(field.sliderMax)];
}
export function logValue(field, p) {
  const [lo, hi] = logRange(field);
  return Number((10 ** (lo + ((hi - lo) * p) / LOG_STEPS)).toPrecision(4));
}
export function logPosition(field, v) {
  const [lo, hi] = logRange(field);
  return v > 0 ? Math.min(LOG_STEPS, Math.max(0, Math.round(((Math.log10(v) - lo) / (hi - lo)) * LOG_STEPS))) : 0;
}

/**
 * The control of one field, as a `.control` element. `opts`: {id (the element id), label (an
 * i18n key), numberLabel (the number box's, beside a slider), slider (bool), step, choiceLabel(value) → i18n key, hint ({key} static text or
 * {out} a `data-out` the cell fills), button (an element placed beside the number box)}.
 */
export function makeControl(name, field, opts) {
  const { id, label } = opts;
  const noteId = opts.noteId;
  const hintId = opts.hint ? `${id}-hint` : null;
  const describedBy = [hintId, noteId].filter(Boolean).join(' ');
  const note = h('p', { class: 'note', id: noteId, 'data-note': name, role: 'status', hidden: true });
  const hint = opts.hint
    ? h('p', { class: 'hint', id: hintId, 'data-i18n': opts.hint.key, 'data-out': opts.hint.out })
    : null;
  const wrap = (cls, children) => h('div', { class: cls }, [...children, ...(hint ? [hint] : []), note]);
  const common = { 'data-field': name, 'aria-describedby': describedBy };
  switch (field.type) {
    case 'bool':
      return wrap('control toggles', [
        h('label', {}, [h('input', { id, type: 'checkbox', ...common }), ' ', h('span', { 'data-i18n': label })]),
      ]);
    case 'enum':
      return wrap('control', [
        h('label', { for: id, 'data-i18n': label }),
        h('select', { id, ...common }, field.values.map((v) => h('option', { value: v, 'data-i18n': opts.choiceLabel(v) }))),
      ]);
    case 'list':
      return wrap('control wide', [
        h('label', { for: id, 'data-i18n': label }),
        h('input', { id, type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', ...common }),
      ]);
    default: {
      const int = field.type === 'int';
      const step = opts.step ?? (int ? 1 : 'any');
      const number = h('input', {
        id,
        type: 'number',
        step,
        min: field.min,
        max: field.max,
        inputmode: int ? 'numeric' : 'decimal',
        ...common,
        'data-i18n-attr': opts.slider ? `aria-label:${opts.numberLabel ?? label}` : null,
      });
      if (!opts.slider) {
        const box = opts.button ? h('div', { class: 'pair' }, [number, opts.button]) : number;
        return wrap('control', [h('label', { for: id, 'data-i18n': label }), box]);
      }
      const log = field.scale === 'log';
      const range = h('input', {
        id: `${id}-range`,
        type: 'range',
        min: log ? 0 : field.sliderMin,
        max: log ? LOG_STEPS : field.sliderMax,
        step: log ? 1 : step === 'any' ? (field.sliderMax - field.sliderMin) / LOG_STEPS : step,
        'data-scale': log ? 'log' : null,
        ...common,
      });
      const pair = h('div', { class: 'pair' }, [range, number, ...(opts.button ? [opts.button] : [])]);
      return wrap('control wide', [h('label', { for: `${id}-range`, 'data-i18n': label }), pair]);
    }
  }
}

/**
 * Binds every `[data-field]` control under `root` to `store`'s cell `prefix`, reading each
 * field's declaration in `fields`. `onChange(name, event)` runs after each change (`event`: the
 * control's `input` or `change` event). Returns
 * {sync(except), syncField(name), showNote(name, note | string | null), relabelNotes() (the notes
 * and the sliders' value texts, in the current language)}.
 */
export function bindControls(root, { store, prefix, fields, t, notes = {}, onChange }) {
  const state = store.get(prefix);
  const controls = [...root.querySelectorAll('[data-field]')];
  const shown = {}; // name -> the note (or text) shown, to translate it again
  const showNote = (name, note) => {
    const el = root.querySelector(`[data-note="${name}"]`);
    if (!el) return;
    shown[name] = note;
    el.textContent = !note ? '' : typeof note === 'string' ? t.translate(note) : noteText(t, note);
    el.hidden = !note;
  };
  /** Every slider says its value in words (`valueText`), the one being dragged included. */
  const describe = () => {
    for (const el of controls) {
      if (el.type === 'range') el.setAttribute('aria-valuetext', valueText(t, el.dataset.field, fields[el.dataset.field], state[el.dataset.field]));
    }
  };
  /** Shows the state in every control (but `except`, the one being used), or in those of `only`. */
  const sync = (except, only) => {
    describe();
    for (const el of controls) {
      if (el === except || (only && el.dataset.field !== only)) continue;
      const field = fields[el.dataset.field];
      const value = state[el.dataset.field];
      if (el.type === 'checkbox') el.checked = Boolean(value);
      else if (el.dataset.scale === 'log') el.value = String(logPosition(field, value));
      else if (field.type === 'list') el.value = listText(value);
      else el.value = String(value);
    }
  };
  const onControl = (el, event) => {
    const name = el.dataset.field;
    let raw;
    if (el.type === 'checkbox') raw = el.checked ? '1' : '0';
    else if (el.dataset.scale === 'log') raw = String(logValue(fields[name], Number(el.value)));
    else raw = el.value;
    showNote(name, store.set(prefix, name, raw));
    sync(el);
    onChange(name, event);
  };
  for (const el of controls) {
    el.addEventListener('input', (event) => onControl(el, event));
    el.addEventListener('change', (event) => {
      onControl(el, event);
      // A box that was left shows the value in use.
      if (el.type === 'number' || el.type === 'text') sync();
    });
  }
  for (const [name, note] of Object.entries(notes)) showNote(name, note);
  return {
    sync,
    syncField: (name) => sync(null, name),
    showNote,
    relabelNotes: () => {
      describe();
      for (const [name, note] of Object.entries(shown)) showNote(name, note);
    },
  };
}
