// Boots the notebook: picks the language, loads the font and the wasm engine, mounts the cells.
import init, * as wasm from './pkg/gradscope_web.js';
import { cellFields, Store } from './state.js';
import { applyTranslations, initialLanguage, LANGS, translate } from './i18n.js';
import { registerOffline } from './offline.js';
import { applyTheme, mountThemePicker, PROJECTOR_SCALE, THEME_FIELD } from './theme.js';
import { CELLS, pytorchFor } from './cells/index.js';
import { EngineHost } from './engine/host.js';
import { compiled, engineHost } from './start.js';

const FONT_FAMILY = "'Be Vietnam Pro', 'DejaVu Sans', sans-serif";

let lang = initialLanguage(window.location, window.localStorage, navigator.languages);
const t = { translate: (key, vars) => translate(lang, key, vars) };
const store = new Store(window);
const cells = {};
let themePicker = null;
/** The notebook's text modules (KaTeX, the sections and the lesson), once loaded. */
let text = null;

function setLanguage(next, { remember }) {
  if (!LANGS.includes(next)) return;
  lang = next;
  document.documentElement.lang = lang;
  applyTranslations(document, lang);
  document.title = t.translate('page.title');
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  }
  if (remember) {
    try { window.localStorage.setItem('gradscope.lang', lang); } catch { /* blocked storage */ }
    store.setExtra('lang', lang);
  }
  const notebook = document.getElementById('notebook');
  if (text && notebook.querySelector('.nb')?.getAttribute('lang') !== lang) {
    text.relabelNotebook(notebook, lang, text.katex);
  }
  themePicker?.relabel();
  for (const cell of Object.values(cells)) cell.onLanguage?.();
}

// In-page links (the table of contents, hints pointing at a cell) scroll to their target
// instead of replacing the URL hash, which holds every cell's state.
function keepStateOnInPageLinks() {
  document.addEventListener('click', (event) => {
    const a = event.target.closest?.('a[href^="#"]');
    if (!a) return;
    const target = document.getElementById(decodeURIComponent(a.getAttribute('href').slice(1)));
    if (!target) return;
    event.preventDefault();
    target.scrollIntoView({ behavior: 'smooth', block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  });
}

/** The theme picker in the header, started from the hash's `theme=` (checked, with a note). */
function startTheme() {
  themePicker = mountThemePicker(document.getElementById('theme-picker'), {
    initial: store.params.get(THEME_FIELD.key) ?? undefined,
    t,
    onChoose: (theme, { initial }) => {
      applyTheme(document.documentElement, theme);
      store.setExtra(THEME_FIELD.key, theme === THEME_FIELD.def ? null : theme, { write: !initial });
      // The charts follow: the projector theme draws them with larger text and thicker lines.
      for (const cell of Object.values(cells)) cell.refresh?.();
    },
  });
}

async function boot() {
  // The text's modules (KaTeX alone is 270 kB of script) load beside the engine, not before it:
  // they are imported here rather than at the top, so that the wasm's compilation and the main
  // widget's Worker start as soon as this small module runs.
  const textModules = Promise.all([import(/* first-plot */ './vendor/katex/katex.mjs'), import(/* first-plot */ './notebook.js')]);
  textModules.catch(() => {}); // reported below, where it is awaited
  // The wasm is compiling and the main widget's Worker starting already (www/start.js).
  window.gradscope.engineHost = engineHost;
  // The main widget's modules load meanwhile too (the first plot waits for them).
  loadCell('gradients').catch(() => {});
  // The canvases name the bundled font: its Latin and Vietnamese subsets load now too, beside the
  // text's modules (a draw waits for them, the text does not).
  let wasmModule;
  const engineReady = Promise.all([
    document.fonts.load(`16px 'Be Vietnam Pro'`, 'Tiếng Việt ắằẳẵặ ‖∂ℓ/∂W'),
    document.fonts.load(`600 16px 'Be Vietnam Pro'`, 'Tiếng Việt'),
    compiled.then((m) => {
      wasmModule = m;
      return init({ module_or_path: m });
    }),
  ]);
  engineReady.catch(() => {}); // reported below, where it is awaited
  const status = document.getElementById('load-status');
  const failed = (e) => {
    status.textContent = t.translate('error.load', { message: String(e.message || e) });
    status.dataset.state = 'error';
    throw e;
  };
  // The theme and the notebook's text (they need no wasm): the first section's now, the
  // others' once the main widget has drawn (typesetting them all would delay it).
  startTheme();
  const [{ default: katex }, { relabelNotebook, renderNotebook }] = await textModules.catch(failed);
  text = { katex, relabelNotebook };
  const notebook = document.getElementById('notebook');
  const { rest } = renderNotebook(notebook, { lang, katex, defer: true });
  keepStateOnInPageLinks();
  setLanguage(lang, { remember: false });
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => setLanguage(b.dataset.lang, { remember: true }));
  }
  await engineReady.catch(failed);
  performance.mark('gradscope:engine'); // the page's wasm instance and the fonts are ready
  const siteUrl = new URL('..', import.meta.url).href;
  // The main widget computes in a Worker; the page's own wasm instance serves the other cells.
  // A second Worker takes the long background work (the stability map), so that it never delays
  // the main widget: the machine's second core, where there is one. It starts when the first
  // cell asks for it.
  let backgroundHost = null;
  const ctx = {
    wasm,
    store,
    t,
    lang: () => lang,
    fontFamily: FONT_FAMILY,
    pytorchFor,
    siteUrl,
    engineHost: window.gradscope.engineHost,
    get backgroundHost() {
      backgroundHost ??= new EngineHost(undefined, { wasmModule });
      window.gradscope.backgroundHost = backgroundHost;
      return backgroundHost;
    },
    chartScale: () => (document.documentElement.dataset.theme === 'projector' ? PROJECTOR_SCALE : 1),
  };
  // Every live cell goes into its slot; a slot the notebook text does not provide is added at
  // the end, so a cell is never lost. The main widget is `cells.grad`; it mounts at once, every
  // other cell when its slot comes near the viewport (see `lazyMount`).
  const main = document.getElementById('notebook');
  const slots = {};
  for (const name of Object.keys(CELLS)) {
    let slot = document.querySelector(`[data-cell="${name}"]`);
    if (!slot) {
      slot = document.createElement('div');
      slot.dataset.cell = name;
      main.appendChild(slot);
    }
    slots[name] = slot;
  }
  lazyMount(slots, ctx);
  await mount('gradients');
  applyTranslations(main, lang);
  status.hidden = true;
  status.dataset.state = 'ready';
  await firstPlot(2000);
  await rest();
  performance.mark('gradscope:text'); // every section's text and formulas are on the page
  registerOffline();
}

/** Resolves once the main widget has drawn (`gradscope:first-plot`), or after `ms` at most
 * (without `ms`, whenever it draws). */
function firstPlot(ms = null) {
  return new Promise((ok) => {
    if (performance.getEntriesByName('gradscope:first-plot').length) return ok();
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('gradscope:first-plot').length) done();
    });
    const timer = ms == null ? 0 : setTimeout(() => done(), ms);
    const done = () => {
      observer.disconnect();
      clearTimeout(timer);
      ok();
    };
    observer.observe({ type: 'mark' });
  });
}

/** The cells' modules once loaded, by name; their loads, and the mounts under way, by name. */
const loadedModules = {};
const loading = {};
const mounting = {};
let mountSlot = null;

/** Loads cell `name`'s module (once), and keeps it as soon as it is evaluated: a mount then uses
 * it at once, where asking import() again would wait a task (behind the text's layout, at the
 * first plot) for a module already there. */
function loadCell(name) {
  loading[name] ??= CELLS[name]().then((m) => {
    loadedModules[name] = m;
    return m;
  });
  return loading[name];
}

/**
 * Cells below the fold mount when they come near the viewport (issue 10 §3): an
 * IntersectionObserver with a margin of about two screens mounts a cell's slot as it nears.
 * Until then the slot keeps the cell's URL values (`Store.reserve`) and a placeholder height.
 * Once the main widget has drawn, the other cells' modules load when the page is idle, so that
 * printing (`beforeprint`, or the print media query) mounts and draws every cell at once.
 */
function lazyMount(slots, ctx) {
  mountSlot = (name) => {
    if (!mounting[name]) {
      const slot = slots[name];
      const key = name === 'gradients' ? 'grad' : name;
      const put = (module) => {
        cells[key] = module.mount(slot, ctx);
        delete slot.dataset.mount;
        applyTranslations(slot, lang);
        return cells[key];
      };
      observer?.unobserve(slot);
      mounting[name] = loadedModules[name] ? Promise.resolve(put(loadedModules[name])) : loadCell(name).then(put);
    }
    return mounting[name];
  };
  for (const [name, slot] of Object.entries(slots)) {
    if (name === 'gradients') continue;
    try {
      const { prefix } = cellFields(ctx.wasm, name);
      if (prefix) store.reserve(prefix);
    } catch { /* a cell without declared fields keeps nothing in the URL */ }
    slot.dataset.mount = 'pending';
  }
  const observer = 'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
      for (const e of entries) if (e.isIntersecting) mountSlot(e.target.dataset.cell);
    }, { rootMargin: '200% 0px 200% 0px' })
    : null;
  // They start watching once the main widget has drawn: a cell near the top mounts (and draws,
  // on this thread) after the first plot, not before it.
  firstPlot(2000).then(() => {
    for (const [name, slot] of Object.entries(slots)) {
      if (name === 'gradients' || mounting[name]) continue;
      if (observer) observer.observe(slot);
      else mountSlot(name);
    }
  });
  const printNow = () => {
    for (const name of Object.keys(slots)) mountSlot(name);
    // Draw now: a print is laid out before the next animation frame.
    for (const cell of Object.values(cells)) cell.flush?.();
  };
  window.addEventListener('beforeprint', printNow);
  window.matchMedia?.('print').addEventListener?.('change', (e) => { if (e.matches) printNow(); });
  const idle = window.requestIdleCallback ?? ((f) => setTimeout(f, 200));
  window.gradscope.preload = firstPlot()
    .then(() => new Promise((ok) => idle(ok)))
    .then(() => Promise.all(Object.keys(slots).map(loadCell)))
    .then(() => undefined);
}

/** Mounts cell `name` now (if not yet); resolves to the cell. */
function mount(name) {
  return mountSlot ? mountSlot(name) : window.gradscope.ready.then(() => mountSlot(name));
}

/** Mounts every cell now, wherever it is on the page; resolves once all are mounted. Tests that
 * read or drive a cell far below the fold call it after `ready` (tests/helpers.js `openPage`). */
async function mountAll() {
  await window.gradscope.ready;
  await Promise.all(Object.keys(CELLS).map((n) => mountSlot(n)));
  return cells;
}

// Tests and the console reach the live objects here.
/** Resolves once every cell has drawn what its latest input asked for (for tests). */
async function settled() {
  const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())));
  await frames();
  while (Object.values(cells).some((c) => c.busy?.())) {
    // What waits for a quiet moment is done now: the caller is waiting for it.
    for (const c of Object.values(cells)) if (!(c.inFlight > 0)) c.fillDue?.();
    await new Promise((ok) => setTimeout(ok, 5));
  }
  store.flush(); // the hash holds the latest state too
  await frames();
}
window.gradscope = { cells, store, wasm, settled, mount, mountAll };
window.gradscope.ready = boot();
