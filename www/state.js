// The page's state: one plain object per cell, mirrored in the URL hash.
// Every cell's fields come from the engine's declaration (`wasm.schema()`, see
// crates/core/src/schema/cells.rs): nothing here or in a cell writes a range, a default or a
// list of choices. Every value read from the URL or a control goes through `coerce`, which
// checks its type and range, clamps or falls back to the default, and says what it did (a
// "note").

/**
 * A field of a cell's state, as `fieldsFromSchema` makes it from the declaration.
 * @typedef {{type: 'int'|'float'|'enum'|'bool'|'list', def: any, key: string,
 *            min?: number, max?: number, values?: string[], scale?: 'linear'|'log',
 *            sliderMin?: number, sliderMax?: number, minLen?: number, maxLen?: number,
 *            unit: string, role: 'setting'|'view', doc: string}} Field
 */

/** One declared field (the JSON of `schema().cells[cell].fields[name]`) as a Store field. */
export function fieldFromSchema(d) {
  const field = { type: d.type, def: d.default, key: d.key, unit: d.unit ?? '', role: d.role, doc: d.doc ?? '' };
  if (d.type === 'int' || d.type === 'float' || d.type === 'list') {
    field.min = d.min;
    field.max = d.max;
  }
  if (d.type === 'int' || d.type === 'float') {
    field.scale = d.scale ?? 'linear';
    field.sliderMin = d.slider_min ?? d.min;
    field.sliderMax = d.slider_max ?? d.max;
  }
  if (d.type === 'enum') field.values = [...d.choices];
  if (d.type === 'list') {
    field.minLen = d.min_len;
    field.maxLen = d.max_len;
    field.def = [...d.default];
  }
  return field;
}

/** A cell's declaration (`schema().cells[name]`) as {prefix, fields}, fields in control order. */
export function fieldsFromSchema(cell) {
  const fields = {};
  for (const [name, d] of Object.entries(cell.fields)) fields[name] = fieldFromSchema(d);
  return { prefix: cell.prefix, fields };
}

const schemas = new WeakMap(); // the wasm module → its schema(), read once

/** The declaration of the live cell `name` from the wasm engine, as {prefix, fields}. */
export function cellFields(wasm, name) {
  if (!schemas.has(wasm)) schemas.set(wasm, wasm.schema());
  const cell = schemas.get(wasm).cells[name];
  if (!cell) throw new Error(`no declared cell ${name}`);
  return fieldsFromSchema(cell);
}

/** Decimal notation only (no hex, octal, binary, "Infinity" or digits of other scripts). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** A whole number or a float from text, rounded and clamped to [min, max]: {value, kind}. */
function coerceNumber(text, { type, min, max }) {
  if (!DECIMAL.test(text)) return null;
  const x = Number(text);
  if (!Number.isFinite(x)) return null;
  let value = x + 0; // −0 reads as 0
  let kind = null;
  if (type === 'int' && !Number.isInteger(value)) {
    value = Math.round(value);
    kind = 'rounded';
  }
  if (value < min || value > max) {
    value = Math.min(max, Math.max(min, value));
    kind = 'clamped';
  }
  return { value, kind };
}

/**
 * A list of whole numbers ("64,128,32"; commas, semicolons or spaces): each entry is rounded and
 * clamped, an unparsable entry falls back to the default's entry at that place, the length is
 * clamped (a list too short is the default). Every fix goes into one note of kind 'list'.
 */
function coerceList(field, text) {
  const tokens = text.split(/[,;\s]+/).filter((s) => s !== '');
  const fixes = [];
  const fallback = (i) => field.def[Math.min(i, field.def.length - 1)];
  let list = tokens.map((raw, i) => {
    const n = coerceNumber(raw, { type: 'int', min: field.min, max: field.max });
    if (!n) {
      fixes.push({ kind: 'invalid', raw, value: fallback(i) });
      return fallback(i);
    }
    if (n.kind) fixes.push({ kind: n.kind, raw, value: n.value, min: field.min, max: field.max });
    return n.value;
  });
  if (list.length > field.maxLen) {
    list = list.slice(0, field.maxLen);
    fixes.push({ kind: 'long', max: field.maxLen });
  }
  if (list.length < field.minLen) {
    list = [...field.def];
    fixes.push({ kind: 'short', min: field.minLen });
  }
  return { value: list, note: fixes.length ? { kind: 'list', raw: text, value: list, fixes } : null };
}

/**
 * Checks `raw` (a string from the URL, a control's value, an attribute) against `field`.
 * Returns {value, note}; note is null when `raw` was valid as it stands, else
 * {kind: 'clamped'|'invalid'|'rounded'|'list', raw, value, min, max} ('list': with `fixes`).
 */
export function coerce(field, raw) {
  const invalid = () => ({ value: field.def, note: { kind: 'invalid', raw, value: field.def } });
  if (raw === undefined || raw === null) return { value: field.def, note: null };
  const text = Array.isArray(raw) ? raw.join(',') : String(raw).trim();
  switch (field.type) {
    case 'bool':
      if (text === '1' || text === 'true') return { value: true, note: null };
      if (text === '0' || text === 'false') return { value: false, note: null };
      return invalid();
    case 'enum':
      return field.values.includes(text) ? { value: text, note: null } : invalid();
    case 'int':
    case 'float': {
      const n = coerceNumber(text, field);
      if (!n) return invalid();
      const { value, kind } = n;
      return { value, note: kind ? { kind, raw: text, value, min: field.min, max: field.max } : null };
    }
    case 'list':
      return coerceList(field, text);
    default:
      return invalid();
  }
}

/** Writes a value the way the URL carries it. */
export function encode(field, value) {
  if (field.type === 'bool') return value ? '1' : '0';
  if (field.type === 'list') return value.join(',');
  return String(value);
}

/**
 * The state store: cells register a schema under a prefix ('' for the main widget), read and
 * write their plain object, and the store keeps `location.hash` in step (replaceState, so the
 * back button is not flooded while a slider moves; see `scheduleWrite` for when).
 */
/** The hash is written once the state has been still this long (ms). */
const WRITE_QUIET_MS = 200;

export class Store {
  /**
   * `params` (URLSearchParams) are the values to start from, by URL key: the page's hash unless
   * given. `persist`: whether the state is written back to the hash (an embedded element keeps
   * its state to itself and leaves the host page's URL alone).
   */
  constructor(win, { params = null, persist = true } = {}) {
    this.win = win;
    this.cells = new Map(); // prefix -> {schema, state, listeners}
    this.extra = new Map(); // page-wide keys such as lang
    this.reserved = new Set(); // prefixes of cells yet to register, whose URL values are kept
    this.params = params ?? new URLSearchParams(win.location.hash.replace(/^#/, ''));
    this.persist = persist;
    this.writeScheduled = false; // a change waits for its hash write (scheduleWrite)
    this.writeTimer = null;
    this.flushOnLeave = null; // writes a pending change when the page is hidden or left
  }

  /** Registers a cell's fields (see `fieldsFromSchema`). Returns {state, notes}: the state read from the URL and what was fixed. */
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

  /** Keeps the URL values under `prefix.` in the hash until a cell registers that prefix (a cell
   * that mounts later, when it nears the viewport). */
  reserve(prefix) {
    this.reserved.add(prefix);
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

  /** Sets a page-wide key (for example lang) in the hash; null removes it. `write: false` keeps
   * it for the next write without writing now (a value read from the hash at load). */
  setExtra(key, value, { write = true } = {}) {
    if (value === null) this.extra.delete(key);
    else this.extra.set(key, value);
    if (write) this.scheduleWrite();
  }

  get(prefix) {
    return this.cells.get(prefix).state;
  }

  /** The hash for the current state: only values that differ from the defaults. */
  hash() {
    const out = new URLSearchParams();
    for (const [key, value] of this.extra) out.set(key, value);
    // A reserved cell not yet mounted: its values as the URL gave them.
    for (const [key, value] of this.params) {
      const dot = key.indexOf('.');
      const prefix = dot > 0 ? key.slice(0, dot) : null;
      if (prefix !== null && this.reserved.has(prefix) && !this.cells.has(prefix)) out.set(key, value);
    }
    for (const [prefix, { schema, state }] of this.cells) {
      for (const [name, field] of Object.entries(schema)) {
        if (encode(field, state[name]) === encode(field, field.def)) continue;
        out.set(prefix ? `${prefix}.${field.key}` : field.key, encode(field, state[name]));
      }
    }
    // Lists keep their commas readable ("64,128,32"); a comma needs no escape in a fragment.
    const text = out.toString().replace(/%2C/gi, ',');
    return text ? `#${text}` : '';
  }

  /**
   * Writes the hash once the state has been still for WRITE_QUIET_MS. A history write is not free: while σ moved at the
   * largest setting it took 7–26 ms of the main thread (2.9 at the defaults), and one in every
   * step delayed the preview's drawing behind it (www/cells/gradients.js). The pending write is
   * done at once when the page is hidden or left, and by `flush` (the page's `settled()`).
   */
  scheduleWrite() {
    if (!this.persist) return;
    if (!this.writeScheduled) {
      this.writeScheduled = true;
      if (!this.flushOnLeave) {
        this.flushOnLeave = () => this.flush();
        this.win.addEventListener('pagehide', this.flushOnLeave);
        this.win.addEventListener('visibilitychange', this.flushOnLeave);
      }
    }
    this.win.clearTimeout(this.writeTimer);
    this.writeTimer = this.win.setTimeout(() => this.flush(), WRITE_QUIET_MS);
  }

  /** Writes a pending change of the state to the hash now. */
  flush() {
    if (!this.writeScheduled) return;
    this.win.clearTimeout(this.writeTimer);
    this.writeScheduled = false;
    const { pathname, search } = this.win.location;
    this.win.history.replaceState(null, '', `${pathname}${search}${this.hash()}`);
  }
}
