// The Jupyter widget's front end (anywidget): a <grad-scope> element, the same module as the
// site's embed, driven by the model's traits. Bundled into one ES module with the wasm, the
// style sheet and the font inlined (scripts/build-python.mjs): anywidget imports it from a
// blob: URL, where nothing beside it can be fetched.
//
//   model → element: each field trait sets the element's state; cell, lock, hide, lang and
//     theme set its attributes (the element checks them and shows a note when it must).
//   element → model: after every compute (`change`), each field whose value differs is written
//     back, with `result` (the last computed numbers) and `notes`.
import wasmBytes from '../../www/pkg/gradscope_web_bg.wasm';
import themes from '../../www/themes.css';
import style from '../../www/style.css';
import fontCss from 'gradscope:font-css';
import workerSource from 'gradscope:worker-source';
import { configure } from '../../www/embed/element.js';

// The element's sheet: the themes, then the notebook's style (as the element loads them on a site).
// The engine computes in a Worker started from the bundled worker module, so that a large
// setting does not hold up the notebook's page.
configure({ wasm: wasmBytes, css: `${themes}\n${style}`, fontCss, workerSource });

const OPTIONS = ['cell', 'lock', 'hide', 'lang', 'theme'];

/** Non-finite numbers as the CLI's JSON writes them ("inf", "-inf", "nan"): JSON has none. */
function jsonSafe(value) {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return value;
  }
  if (ArrayBuffer.isView(value)) return Array.from(value, jsonSafe);
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonSafe(v)]));
  return value;
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** A value as an attribute (the site's URL encoding: booleans 1/0, lists comma-separated). */
const encode = (value) => (typeof value === 'boolean' ? (value ? '1' : '0') : Array.isArray(value) ? value.join(',') : String(value ?? ''));

function setAttr(el, name, value) {
  const text = encode(value);
  if (text === '' && name !== 'cell') el.removeAttribute(name);
  else if (el.getAttribute(name) !== text) el.setAttribute(name, text);
}

async function render({ model, el }) {
  const scope = document.createElement('grad-scope');
  // Jupyter's keyboard shortcuts (Lumino's, read on the document in the capture phase in
  // Notebook 7) must not take the keys meant for the widget: an arrow key on a slider moves the
  // slider, not the notebook's cursor.
  scope.setAttribute('data-lm-suppress-shortcuts', 'true');
  // The cell's field names (from the declaration, by the Python side).
  const fields = model.get('_fields') ?? [];
  for (const name of OPTIONS) setAttr(scope, name, model.get(name));
  // The model's values (checked in Python) as attributes, so the first compute is theirs.
  for (const f of fields) setAttr(scope, f, model.get(f));
  el.append(scope);
  await scope.whenReady();

  const writeBack = () => {
    const state = scope.state ?? {};
    let dirty = false;
    for (const f of fields) {
      if (f in state && !same(model.get(f), state[f])) {
        model.set(f, state[f]);
        dirty = true;
      }
    }
    const result = jsonSafe(scope.result);
    if (!same(model.get('result'), result)) {
      model.set('result', result);
      dirty = true;
    }
    const notes = [...scope.shadowRoot.querySelectorAll('.note')].map((n) => n.textContent.trim()).filter(Boolean);
    if (!same(model.get('notes'), notes)) {
      model.set('notes', notes);
      dirty = true;
    }
    if (dirty) model.save_changes();
  };
  scope.addEventListener('change', writeBack);
  if (scope.result) writeBack();

  // Python set a field: the attribute changes, and the element takes it as a control would.
  // A value the element already holds (it came from the element) is not set again.
  const onField = (f) => () => {
    if (!same((scope.state ?? {})[f], model.get(f))) setAttr(scope, f, model.get(f));
  };
  // Python set an option: the element rebuilds from its attributes, so the fields' attributes
  // are brought up to date in the same task (one batch of mutations, one rebuild).
  const onOption = (name) => () => {
    for (const f of fields) setAttr(scope, f, model.get(f));
    setAttr(scope, name, model.get(name));
  };
  const handlers = [...fields.map((f) => [`change:${f}`, onField(f)]), ...OPTIONS.map((n) => [`change:${n}`, onOption(n)])];
  for (const [event, fn] of handlers) model.on(event, fn);
  return () => {
    for (const [event, fn] of handlers) model.off(event, fn);
    scope.remove();
  };
}

export default { render };
