// Boots the notebook: picks the language, loads the font and the wasm engine, mounts the cells.
import init, * as wasm from './pkg/gradscope_web.js';
import katex from './vendor/katex/katex.mjs';
import { relabelNotebook, renderNotebook } from './notebook.js';
import { pytorchFor } from './pytorch.js';
import { Store } from './state.js';
import { applyTranslations, initialLanguage, LANGS, translate } from './i18n.js';
import { registerOffline } from './offline.js';
import { applyTheme, mountThemePicker, PROJECTOR_SCALE, THEME_FIELD } from './theme.js';
import { CELLS } from './cells/index.js';
import { compileWasm, EngineHost } from './engine/host.js';

const FONT_FAMILY = "'Be Vietnam Pro', 'DejaVu Sans', sans-serif";

let lang = initialLanguage(window.location, window.localStorage, navigator.languages);
const t = { translate: (key, vars) => translate(lang, key, vars) };
const store = new Store(window);
const cells = {};
let themePicker = null;

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
  if (notebook.querySelector('.nb')) relabelNotebook(notebook, lang, katex);
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
  // The wasm downloads and compiles while the text is set (one download and one compilation,
  // shared by the page and its Workers).
  const compiled = compileWasm(new URL('./pkg/gradscope_web_bg.wasm', import.meta.url));
  compiled.catch(() => {}); // reported below, where it is awaited
  // The main widget's modules load meanwhile too (the first plot waits for them).
  CELLS.gradients().catch(() => {});
  // The theme and the notebook's text first (they need no wasm).
  startTheme();
  const notebook = document.getElementById('notebook');
  renderNotebook(notebook, { lang, katex });
  keepStateOnInPageLinks();
  setLanguage(lang, { remember: false });
  for (const b of document.querySelectorAll('[data-lang]')) {
    b.addEventListener('click', () => setLanguage(b.dataset.lang, { remember: true }));
  }
  const status = document.getElementById('load-status');
  let wasmModule;
  try {
    // The canvases name the bundled font: load it (Latin and Vietnamese subsets) before any draw.
    await Promise.all([
      document.fonts.load(`16px 'Be Vietnam Pro'`, 'Tiếng Việt ắằẳẵặ ‖∂ℓ/∂W'),
      document.fonts.load(`600 16px 'Be Vietnam Pro'`, 'Tiếng Việt'),
      compiled.then((m) => {
        wasmModule = m;
        return init({ module_or_path: m });
      }),
    ]);
  } catch (e) {
    status.textContent = t.translate('error.load', { message: String(e.message || e) });
    status.dataset.state = 'error';
    throw e;
  }
  const siteUrl = new URL('..', import.meta.url).href;
  // The main widget computes in a Worker; the page's own wasm instance serves the other cells.
  // A second Worker takes the long background work (the stability map), so that it never delays
  // the main widget: the machine's second core, where there is one.
  window.gradscope.engineHost = new EngineHost(undefined, { wasmModule });
  window.gradscope.backgroundHost = new EngineHost(undefined, { wasmModule });
  const ctx = {
    wasm,
    store,
    t,
    lang: () => lang,
    fontFamily: FONT_FAMILY,
    pytorchFor,
    siteUrl,
    engineHost: window.gradscope.engineHost,
    backgroundHost: window.gradscope.backgroundHost,
    chartScale: () => (document.documentElement.dataset.theme === 'projector' ? PROJECTOR_SCALE : 1),
  };
  // Every live cell goes into its slot; a slot the notebook text does not provide is added at
  // the end, so a cell is never lost. The main widget is `cells.grad`.
  const main = document.getElementById('notebook');
  for (const [name, load] of Object.entries(CELLS)) {
    let slot = document.querySelector(`[data-cell="${name}"]`);
    if (!slot) {
      slot = document.createElement('div');
      slot.dataset.cell = name;
      main.appendChild(slot);
    }
    const module = await load();
    cells[name === 'gradients' ? 'grad' : name] = module.mount(slot, ctx);
  }
  applyTranslations(main, lang);
  status.hidden = true;
  status.dataset.state = 'ready';
  registerOffline();
}

// Tests and the console reach the live objects here.
/** Resolves once every cell has drawn what its latest input asked for (for tests). */
async function settled() {
  const frames = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok())));
  await frames();
  while (Object.values(cells).some((c) => c.pending > 0)) await new Promise((ok) => setTimeout(ok, 5));
  await frames();
}
window.gradscope = { cells, store, wasm, settled };
window.gradscope.ready = boot();
