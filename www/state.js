// The page's state: one plain object per cell, mirrored in the URL hash.
// Every value read from the URL or a control goes through `coerce`, which checks its type and
// range, clamps or falls back to the default, and says what it did (a "note").

/**
 * A field of a cell's state.
 * @typedef {{type: 'int'|'float'|'enum'|'bool', def: any, min?: number, max?: number,
 *            values?: string[], key: string}} Field
 */

/**
 * Checks `raw` (a string from the URL, a control's value, an attribute) against `field`.
 * Returns {value, note}; note is null when `raw` was valid as it stands, else
 * {kind: 'clamped'|'invalid'|'rounded', raw, value, min, max}.
 */
export function coerce(field, raw) {
  const invalid = () => ({ value: field.def, note: { kind: 'invalid', raw, value: field.def } });
  if (raw === undefined || raw === null) return { value: field.def, note: null };
  const text = String(raw).trim();
  switch (field.type) {
    case 'bool':
      if (text === '1' || text === 'true') return { value: true, note: null };
      if (text === '0' || text === 'false') return { value: false, note: null };
      return invalid();
    case 'enum':
      return field.values.includes(text) ? { value: text, note: null } : invalid();
    case 'int':
    case 'float': {
      if (text === '') return invalid();
      const x = Number(text);
      if (!Number.isFinite(x)) return invalid();
      let value = x;
      let kind = null;
      if (field.type === 'int' && !Number.isInteger(value)) {
        value = Math.round(value);
        kind = 'rounded';
      }
      if (value < field.min || value > field.max) {
        value = Math.min(field.max, Math.max(field.min, value));
        kind = 'clamped';
      }
      return { value, note: kind ? { kind, raw: text, value, min: field.min, max: field.max } : null };
    }
    default:
      return invalid();
  }
}

/** Writes a value the way the URL carries it. */
export function encode(field, value) {
  if (field.type === 'bool') return value ? '1' : '0';
  return String(value);
}

/**
 * The state store: cells register a schema under a prefix ('' for the main widget), read and
 * write their plain object, and the store keeps `location.hash` in step (replaceState, so the
 * back button is not flooded while a slider moves).
 */
export class Store {
  constructor(win) {
    this.win = win;
    this.cells = new Map(); // prefix -> {schema, state, listeners}
    this.extra = new Map(); // page-wide keys such as lang
    this.params = new URLSearchParams(win.location.hash.replace(/^#/, ''));
    this.writeScheduled = false;
  }

  /** Registers a cell. Returns {state, notes}: the state read from the URL and what was fixed. */
  register(prefix, schema) {
    const state = {};
    const notes = {};
    for (const [name, field] of Object.entries(schema)) {
      const key = prefix ? `${prefix}.${field.key}` : field.key;
      const raw = this.params.get(key);
      const { value, note } = coerce(field, raw ?? undefined);
      state[name] = value;
      if (note) notes[name] = note;
    }
    this.cells.set(prefix, { schema, state });
    return { state, notes };
  }

  /** Sets one field from a control's raw value; returns the note (or null). */
  set(prefix, name, raw) {
    const cell = this.cells.get(prefix);
    const field = cell.schema[name];
    const { value, note } = coerce(field, raw);
    cell.state[name] = value;
    this.scheduleWrite();
    return note;
  }

  /** Sets a page-wide key (for example lang) in the hash. */
  setExtra(key, value) {
    this.extra.set(key, value);
    this.scheduleWrite();
  }

  get(prefix) {
    return this.cells.get(prefix).state;
  }

  /** The hash for the current state: only values that differ from the defaults. */
  hash() {
    const out = new URLSearchParams();
    for (const [key, value] of this.extra) out.set(key, value);
    for (const [prefix, { schema, state }] of this.cells) {
      for (const [name, field] of Object.entries(schema)) {
        if (state[name] === field.def) continue;
        out.set(prefix ? `${prefix}.${field.key}` : field.key, encode(field, state[name]));
      }
    }
    const text = out.toString();
    return text ? `#${text}` : '';
  }

  scheduleWrite() {
    if (this.writeScheduled) return;
    this.writeScheduled = true;
    // At most one history write per frame.
    this.win.requestAnimationFrame(() => {
      this.writeScheduled = false;
      const { pathname, search } = this.win.location;
      this.win.history.replaceState(null, '', `${pathname}${search}${this.hash()}`);
    });
  }
}
