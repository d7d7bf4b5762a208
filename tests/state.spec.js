// state.js on its own (no browser): the Store's fields made from a declaration, and `coerce` /
// `encode` for every type, lists included.
import { test } from '@playwright/test';
import { coerce, encode, fieldsFromSchema, Store } from '../www/state.js';
import { expect } from './helpers.js';

// A declaration in the shape of wasm `schema().cells[name]` (see crates/core/src/schema).
const declared = {
  prefix: 'xav',
  fields: {
    widths: { key: 'w', type: 'list', default: [64, 128, 32], min: 1, max: 128, min_len: 2, max_len: 4, unit: 'units', role: 'setting', doc: '' },
    sigma: { key: 's', type: 'float', default: 0.1, min: 0, max: 10, scale: 'log', slider_min: 0.001, slider_max: 10, unit: '', role: 'setting', doc: '' },
    depth: { key: 'depth', type: 'int', default: 3, min: 1, max: 8, scale: 'linear', unit: 'layers', role: 'setting', doc: '' },
    act: { key: 'act', type: 'enum', default: 'tanh', choices: ['identity', 'tanh'], unit: '', role: 'setting', doc: '' },
    table: { key: 'table', type: 'bool', default: false, unit: '', role: 'view', doc: '' },
  },
};
const { prefix, fields } = fieldsFromSchema(declared);

test('fieldsFromSchema keeps the declared order, keys, defaults, ranges, scales and choices', () => {
  expect(prefix).toBe('xav');
  expect(Object.keys(fields)).toEqual(['widths', 'sigma', 'depth', 'act', 'table']);
  expect(fields.sigma).toMatchObject({ type: 'float', def: 0.1, key: 's', min: 0, max: 10, scale: 'log', sliderMin: 0.001, sliderMax: 10 });
  expect(fields.depth).toMatchObject({ sliderMin: 1, sliderMax: 8, scale: 'linear' }); // no slider_* given: the range
  expect(fields.act.values).toEqual(['identity', 'tanh']);
  expect(fields.widths).toMatchObject({ def: [64, 128, 32], min: 1, max: 128, minLen: 2, maxLen: 4 });
  expect(fields.table).toMatchObject({ type: 'bool', def: false, role: 'view' });
});

test('numbers are rounded and clamped with a note; garbage falls back to the default', () => {
  expect(coerce(fields.depth, '99')).toEqual({ value: 8, note: { kind: 'clamped', raw: '99', value: 8, min: 1, max: 8 } });
  expect(coerce(fields.depth, '2.6').value).toBe(3);
  expect(coerce(fields.depth, '2.6').note.kind).toBe('rounded');
  expect(coerce(fields.sigma, '-1').value).toBe(0);
  expect(coerce(fields.sigma, 'abc')).toEqual({ value: 0.1, note: { kind: 'invalid', raw: 'abc', value: 0.1 } });
  expect(coerce(fields.sigma, '0.5')).toEqual({ value: 0.5, note: null });
  expect(coerce(fields.act, 'relu').note.kind).toBe('invalid');
  expect(coerce(fields.table, '1').value).toBe(true);
});

test('lists: each entry rounded and clamped, bad entries fall back, the length clamped, one note for all', () => {
  expect(coerce(fields.widths, '64,128,32')).toEqual({ value: [64, 128, 32], note: null });
  expect(coerce(fields.widths, '16; 8  4').value).toEqual([16, 8, 4]);
  const { value, note } = coerce(fields.widths, '2.4, abc, 0, 999, 7, 9');
  // 2.4 → 2 (rounded); abc → the default's entry at that place, 128; 0 → 1 and 999 → 128
  // (clamped); only the first 4 entries are kept.
  expect(value).toEqual([2, 128, 1, 128]);
  expect(note.kind).toBe('list');
  expect(note.value).toEqual(value);
  expect(note.fixes.map((f) => f.kind)).toEqual(['rounded', 'invalid', 'clamped', 'clamped', 'long']);
  expect(note.fixes[1]).toMatchObject({ raw: 'abc', value: 128 });
  expect(note.fixes[3]).toMatchObject({ raw: '999', value: 128, min: 1, max: 128 });
  // Too short: the default list, said so.
  const short = coerce(fields.widths, '5');
  expect(short.value).toEqual([64, 128, 32]);
  expect(short.note.fixes.at(-1)).toEqual({ kind: 'short', min: 2 });
  // An array (from code) is read like its text.
  expect(coerce(fields.widths, [3, 4]).value).toEqual([3, 4]);
  // The default is a copy: changing a value does not change the declaration.
  coerce(fields.widths, '5').value.push(1);
  expect(fields.widths.def).toEqual([64, 128, 32]);
});

test('encode writes what coerce reads back', () => {
  expect(encode(fields.widths, [64, 128, 32])).toBe('64,128,32');
  expect(encode(fields.table, true)).toBe('1');
  expect(encode(fields.sigma, 0.25)).toBe('0.25');
  for (const [name, value] of [['widths', [1, 2, 3, 4]], ['sigma', 0.001], ['depth', 8], ['act', 'identity'], ['table', false]]) {
    expect(coerce(fields[name], encode(fields[name], value))).toEqual({ value, note: null });
  }
});

/** A window with what the Store uses: the hash, history writes (recorded), timers, events. */
function fakeWindow(hash = '') {
  const listeners = {};
  const win = {
    location: { hash, pathname: '/', search: '' },
    writes: [],
    history: { replaceState: (_s, _t, url) => win.writes.push(url) },
    setTimeout: (...a) => setTimeout(...a),
    clearTimeout: (id) => clearTimeout(id),
    addEventListener: (type, f) => (listeners[type] ??= []).push(f),
    fire: (type) => (listeners[type] ?? []).forEach((f) => f()),
  };
  return win;
}

test('the hash is written once the state is still, not at every step of a slider', async () => {
  const win = fakeWindow('#xav.depth=2');
  const store = new Store(win);
  store.register('xav', fields);
  for (let d = 3; d <= 8; d += 1) store.set('xav', 'depth', String(d));
  expect(win.writes).toEqual([]); // still moving: nothing written yet
  await new Promise((ok) => setTimeout(ok, 350));
  expect(win.writes).toEqual(['/#xav.depth=8']); // one write, the latest state
  store.set('xav', 'act', 'identity');
  store.flush(); // settled() writes what is pending at once
  expect(win.writes.at(-1)).toBe('/#xav.depth=8&xav.act=identity');
  store.flush();
  expect(win.writes.length).toBe(2); // nothing pending: no second write
  store.set('xav', 'depth', '4');
  win.fire('pagehide'); // leaving the page writes the pending change
  expect(win.writes.at(-1)).toBe('/#xav.depth=4&xav.act=identity');
  await new Promise((ok) => setTimeout(ok, 350));
  expect(win.writes.length).toBe(3); // and its timer does not write it again
});
