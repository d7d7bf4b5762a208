// <grad-scope>: any live cell of the notebook as a custom element, on any page and any origin.
//
//   <script type="module" src="https://host/gradscope/embed.js"></script>
//   <grad-scope cell="gradients" depth="50" sigma="0.5" lock="depth" hide="table,pytorch"
//               lang="vi" theme="dark"></grad-scope>
//
// `heading="2"` gives the level of the cell's heading on the host page (its sub-headings follow;
// 3 by default, as in the notebook; embed.html makes it 1, the page's own heading).
// Every attribute but cell, lock, hide, lang, theme and heading is a field of the cell's declaration (by its
// name, its URL key or its prefixed URL key) and goes through the same checks as the notebook's
// URL: a bad value is clamped or falls back to its default, with a note beside the control. All
// elements on a page share one wasm instance; each has its own state, lives in its own shadow
// root (the host page's CSS does not reach it), starts computing when it comes near the viewport
// and pauses its playback when it leaves it.

import { CELLS, pytorchFor } from '../cells/index.js';
import { h } from '../cells/controls.js';
import { applyTranslations, LANGS, translate } from '../i18n.js';
import { compileWasm, EngineHost } from '../engine/host.js';
import { cellFields, Store } from '../state.js';
import { PROJECTOR_SCALE, THEME_FIELD, THEMES as THEME_CHOICES } from '../theme.js';
import { PARTS, THEMES } from './options.js';

export { THEMES };

/**
 * Where the site lives (the folder of index.html, embed.js and embed.html). A module loaded
 * from a `blob:` URL (anywidget's ESM in Jupyter) has no site: '' until `configure` gives one.
 */
export let SITE_URL = (() => {
  try {
    return new URL('../../', import.meta.url).href;
  } catch {
    return '';
  }
})();

/**
 * What a bundle that cannot load files beside it gives instead (the Jupyter widget's ESM): the
 * wasm as bytes or a compiled module (`wasm`), the style sheet's text (`css`), the font's
 * @font-face rules with data: URLs (`fontCss`), the engine Worker's module as one text
 * (`workerSource`: www/engine/worker.js with the glue bundled; the element starts it from a blob:
 * URL) and the site's URL for share links (`siteUrl`). Call it before the first element
 * connects; unset parts are loaded beside this module.
 */
const assets = { wasm: undefined, css: null, fontCss: null, workerSource: null };
export function configure({ wasm, css, fontCss, workerSource, siteUrl } = {}) {
  if (wasm !== undefined) assets.wasm = wasm;
  if (workerSource != null) assets.workerSource = workerSource;
  if (css != null) assets.css = css;
  if (fontCss != null) assets.fontCss = fontCss;
  if (siteUrl != null) SITE_URL = siteUrl;
}
const FONT_FAMILY = "'Be Vietnam Pro', 'DejaVu Sans', sans-serif";
/** The attributes that are not fields. */
/** The element's attributes that are not fields. */
export const OPTIONS = ['cell', 'lock', 'hide', 'lang', 'theme', 'heading'];
/** The level of a cell's heading in the notebook (an h3, its parts h4). */
const NOTEBOOK_LEVEL = 3;

/**
 * The two builds of the engine: every cell's (www/pkg) and the main widget's own, smaller one
 * (www/pkg-widget: the gradient experiment, its chart and the schema).
 */
const PKGS = {
  full: { glue: () => import('../pkg/gradscope_web.js'), wasm: '../pkg/gradscope_web_bg.wasm' },
  widget: { glue: () => import('../pkg-widget/gradscope_web.js'), wasm: '../pkg-widget/gradscope_web_bg.wasm' },
};
/** Whether `name` is a cell that needs more than the main widget's build. */
const needsFull = (name) => name != null && name !== 'gradients' && Object.hasOwn(CELLS, name);

let engine = null; // {pkg, promise, wasmModule}
/** How many times this page has instantiated the wasm engine (one, however many elements), and
 * how many engine Workers the elements compute in (none where no Worker may start). */
export const stats = { engineLoads: 0, engineWorkers: 0 };

/**
 * The page's one engine, instantiated on first use; elements that start together share it. The
 * main widget's smaller build is enough when every <grad-scope> on the page (and `el`, which may
 * live in a shadow root) shows the main widget; else, and in a bundle that gives its wasm
 * (`configure`), every cell's. Should a cell that needs more come later, the full build is loaded
 * then, once.
 */
export function loadEngine(el = null) {
  const full = assets.wasm !== undefined || needsFull(el?.getAttribute('cell'))
    || [...document.querySelectorAll('grad-scope')].some((e) => needsFull(e.getAttribute('cell')));
  if (!engine || (full && engine.pkg !== 'full')) {
    stats.engineLoads += 1;
    const pkg = full ? 'full' : 'widget';
    const next = { pkg, wasmModule: null };
    next.promise = instantiate(pkg, next);
    engine = next;
  }
  return engine.promise;
}

/** Loads build `pkg`'s module and instantiates its wasm (a bundle's own, else compiled from its
 * URL, kept in `into.wasmModule` for the Workers); resolves with the module. */
function instantiate(pkg, into = {}) {
  return PKGS[pkg].glue().then(async (m) => {
    if (assets.wasm === undefined) into.wasmModule = await compileWasm(new URL(PKGS[pkg].wasm, import.meta.url));
    // A bundle's bytes are compiled once too, when its Worker will need the module.
    else if (assets.workerSource != null) into.wasmModule = assets.wasm instanceof WebAssembly.Module ? assets.wasm : await WebAssembly.compile(assets.wasm);
    await m.default({ module_or_path: into.wasmModule ?? assets.wasm });
    return m;
  });
}

let fullBuild = null;
/**
 * The full build, for what the main widget's own lacks (the SVG export): the page's engine if it
 * is the full build already, else loaded on first use, once.
 */
function fullEngine() {
  if (engine?.pkg === 'full') return engine.promise;
  fullBuild ??= instantiate('full');
  return fullBuild;
}

const hosts = {}; // by build: a promise of its Worker's host, or of undefined where none starts
/** How long a Worker on another origin may take to load before the element computes here. */
const WORKER_START_MS = 10000;
/**
 * The engine's Worker (a promise), started once per build with the page's compiled wasm (no
 * second download or compilation). On gradscope's own origin (embed.html, the examples) it
 * starts from gradscope's worker.js. On another origin it starts from a blob: module of the host
 * page that imports worker.js (`workerScript`); in a bundle (the Jupyter widget), from a blob:
 * URL of the bundled Worker (`configure({workerSource})`). Those are used once they have
 * answered: where the page's policy forbids them, or where the modules cannot be fetched, the
 * element computes on the page's thread.
 */
function engineHost() {
  const { pkg, wasmModule } = engine;
  hosts[pkg] ??= startHost(pkg, wasmModule);
  return hosts[pkg];
}

/** Starts build `pkg`'s Worker host; resolves with it once it may be used, else undefined. */
async function startHost(pkg, wasmModule) {
  const source = assets.workerSource;
  let host;
  try {
    const url = source == null ? undefined : URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    host = new EngineHost(url, { wasmModule, pkg });
  } catch {
    return undefined; // no Worker may start here (a policy, or no worker.js beside this module)
  }
  if (source != null || new URL(import.meta.url).origin !== window.location.origin) {
    let timer = null;
    const late = new Promise((ok) => {
      timer = setTimeout(() => ok({ error: 'late' }), WORKER_START_MS);
    });
    const answer = await Promise.race([host.call('memoryBytes'), late]);
    clearTimeout(timer);
    if (answer.error) {
      host.terminate();
      return undefined;
    }
  }
  stats.engineWorkers += 1;
  return host;
}

let fontsAdded = null;
/** The bundled font, declared once in the host document (a shadow root cannot declare fonts). */
function addFonts() {
  if (!fontsAdded) {
    if (assets.fontCss != null) {
      const style = document.createElement('style');
      style.textContent = assets.fontCss;
      style.dataset.gradscope = 'font';
      document.head.append(style);
    }
    for (const weight of assets.fontCss != null ? [] : ['400', '600']) {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = new URL(`../vendor/be-vietnam-pro/${weight}.css`, import.meta.url).href;
      link.dataset.gradscope = 'font';
      document.head.append(link);
    }
    fontsAdded = Promise.all([
      document.fonts.load(`16px 'Be Vietnam Pro'`, 'Tiếng Việt ắằẳẵặ ‖∂ℓ/∂W'),
      document.fonts.load(`600 16px 'Be Vietnam Pro'`, 'Tiếng Việt'),
    ]).catch(() => {});
  }
  return fontsAdded;
}

/**
 * The notebook's style sheet made to live in a shadow root, whatever the host page does: its
 * root rules apply to the element's frame, rem sizes are counted from the element's own 16 px
 * (not the host's base font), and layout breakpoints follow the element's width (container
 * queries), not the window's.
 */
export function shadowCss(text) {
  return text
    .replace(/:root\b/g, ':host')
    // A themed page's body is the themed frame itself.
    .replace(/(\[data-theme[^\]]*\])\s+body\b/g, '.gs-frame$1')
    .replace(/(^|[\s,}])html\b(?=[\s,{.[:])/g, '$1.gs-frame')
    .replace(/(^|[\s,}])body\b(?=[\s,{.[:])/g, '$1.gs-frame')
    .replace(/(-?\d*\.?\d+)rem\b/g, 'calc($1 * var(--gs-rem))')
    .replace(/@media\s*(\((?:min|max)-width:[^)]*\)(?:\s*and\s*\((?:min|max)-width:[^)]*\))*)\s*\{/g, '@container gs $1 {');
}

let sheet = null;
/** One constructed style sheet for every element on the page. */
function styleSheet() {
  if (!sheet) {
    // The themes first (light, dark, projector: custom properties keyed by data-theme), then the
    // notebook's style, then the frame's own rules. A bundle gives their text (`configure`).
    const given = assets.css != null;
    const urls = given ? [] : ['../themes.css', '../style.css'].map((f) => new URL(f, import.meta.url).href);
    const texts = given ? Promise.resolve([assets.css]) : Promise.all(urls.map((url) => fetch(url).then((r) => (r.ok ? r.text() : ''))));
    sheet = texts
      .then((texts) => {
        const s = new CSSStyleSheet(given ? {} : { baseURL: urls[1] });
        s.replaceSync(`${texts.map(shadowCss).join('\n')}\n${FRAME_CSS}`);
        return s;
      });
  }
  return sheet;
}

/** The element's own frame: isolated from inherited host styles, sized by its container. */
const FRAME_CSS = `
:host { all: initial; display: block; --gs-rem: 16px; contain: layout style; }
:host([hidden]) { display: none; }
.gs-frame { container: gs / inline-size; font-family: var(--font); line-height: 1.6; color: var(--ink);
  text-align: start; }
.gs-frame *, .gs-frame *::before, .gs-frame *::after { box-sizing: border-box; }
/* hide="…" sets the hidden attribute; the notebook's display rules (.control is a flex box) must
   not show a hidden control again. */
.gs-frame [hidden] { display: none !important; }
.gs-frame .cell { margin: 0; }
.gs-frame .embed-notes:empty { display: none; }
.gs-frame .embed-notes { margin: 0 0 0.5em; color: var(--warn); }
`;

/** Splits a comma list attribute into names. */
const list = (text) => (text ?? '').split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);

export class GradScope extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.frame = h('div', { class: 'gs-frame' });
    this.notes = h('div', { class: 'embed-notes', role: 'status' });
    this.slot_ = h('div', {});
    this.frame.append(this.notes, this.slot_);
    this.shadowRoot.append(this.frame);
    this.cell = null;
    this.store = null;
    this.mounted = false;
    this.mounting = null;
    this.visible = false;
    this.ignoreMutations = false;
    // Keys and swipes used inside the widget stay inside it: an arrow key on a slider must not
    // also flip the host's slide.
    for (const type of ['keydown', 'keyup', 'keypress', 'pointerdown', 'pointermove', 'pointerup', 'touchstart', 'touchmove', 'touchend', 'mousedown']) {
      this.frame.addEventListener(type, (e) => e.stopPropagation());
    }
  }

  connectedCallback() {
    // Put back into a page after being taken out: compute again.
    if (this.mounted) this.cell?.refresh?.();
    loadEngine(this).catch(() => {});
    styleSheet()
      .then((s) => {
        this.shadowRoot.adoptedStyleSheets = [s];
      })
      .catch(() => {});
    addFonts();
    if (!this.observer) {
      this.observer = new MutationObserver((records) => this.attributesChanged(records.map((r) => r.attributeName)));
      this.observer.observe(this, { attributes: true });
    }
    // Start when near the viewport (200 px ahead); pause a playback when out of it.
    this.viewport = new IntersectionObserver(
      (entries) => {
        this.visible = entries.some((e) => e.isIntersecting);
        if (this.visible && !this.mounted) this.mount();
        if (!this.visible) this.cell?.pause?.();
      },
      { rootMargin: '200px' },
    );
    this.viewport.observe(this);
  }

  disconnectedCallback() {
    this.viewport?.disconnect();
    this.cell?.pause?.();
  }

  /** The language: the `lang` attribute, else the host page's, else the browser's; en or vi. */
  language() {
    const pick = (tag) => LANGS.find((l) => (tag ?? '').toLowerCase().startsWith(l));
    return pick(this.getAttribute('lang')) ?? pick(document.documentElement.lang) ?? navigator.languages?.map(pick).find(Boolean) ?? 'en';
  }

  /** The theme: the `theme` attribute if it is one, else none (the reader's colour scheme). */
  theme() {
    const theme = this.getAttribute('theme');
    return THEMES.includes(theme) ? theme : '';
  }

  /** The level of the cell's heading on the host page: the `heading` attribute (1–6), else 3. */
  headingLevel() {
    const raw = this.getAttribute('heading');
    return raw !== null && /^[1-6]$/.test(raw.trim()) ? Number(raw) : NOTEBOOK_LEVEL;
  }

  /**
   * Gives the cell's headings the host page's levels (aria-level): the cell's heading at
   * `heading`, each heading inside it one level further, as they are in the notebook.
   */
  setHeadingLevels() {
    const shift = this.headingLevel() - NOTEBOOK_LEVEL;
    for (const el of this.frame.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
      if (shift === 0) el.removeAttribute('aria-level');
      else el.setAttribute('aria-level', String(Math.min(6, Math.max(1, Number(el.tagName[1]) + shift))));
    }
  }

  /** Shows the element's own notes (an unknown cell, theme, language, lock or hide name). */
  note(key, vars) {
    this.notes.append(h('p', { class: 'note', text: translate(this.language(), key, vars) }));
  }

  async mount() {
    if (this.mounting) return this.mounting;
    this.mounting = (async () => {
      const w = await loadEngine(this);
      await Promise.all([addFonts(), styleSheet().then((s) => (this.shadowRoot.adoptedStyleSheets = [s])).catch(() => {})]);
      await this.build(w);
    })();
    try {
      await this.mounting;
    } finally {
      this.mounting = null;
    }
  }

  /** (Re)builds the cell from the attributes. */
  async build(w) {
    this.cell?.pause?.();
    this.notes.replaceChildren();
    this.slot_.replaceChildren();
    const lang = this.language();
    this.frame.lang = lang;
    const rawLang = this.getAttribute('lang');
    if (rawLang !== null && !LANGS.some((l) => rawLang.toLowerCase().startsWith(l))) this.note('embed.badOption', { value: rawLang, option: 'lang', used: lang });
    const rawTheme = this.getAttribute('theme');
    if (rawTheme !== null && !THEME_CHOICES.includes(rawTheme)) this.note('embed.badOption', { value: rawTheme, option: 'theme', used: THEME_FIELD.def });
    const rawHeading = this.getAttribute('heading');
    if (rawHeading !== null && String(this.headingLevel()) !== rawHeading.trim()) this.note('embed.badOption', { value: rawHeading, option: 'heading', used: NOTEBOOK_LEVEL });
    if (this.theme()) this.frame.dataset.theme = this.theme();
    else delete this.frame.dataset.theme;

    let name = this.getAttribute('cell') ?? 'gradients';
    if (!Object.hasOwn(CELLS, name)) {
      this.note('embed.unknownCell', { value: name, used: 'gradients' });
      name = 'gradients';
    }
    const { prefix, fields } = cellFields(w, name);
    this.cellName = name;
    this.cellPrefix = prefix;
    this.fields = fields;
    const params = new URLSearchParams();
    for (const [f, field] of Object.entries(fields)) {
      const key = prefix ? `${prefix}.${field.key}` : field.key;
      const raw = this.getAttribute(f) ?? this.getAttribute(field.key) ?? this.getAttribute(key);
      if (raw !== null) params.set(key, raw);
    }
    const known = (n) => Object.hasOwn(fields, n) || PARTS.includes(n);
    const lock = new Set(list(this.getAttribute('lock')));
    const hide = new Set(list(this.getAttribute('hide')));
    for (const n of [...lock, ...hide]) if (!known(n)) this.note('embed.unknownName', { value: n });

    this.engineHost = await engineHost();
    this.store = new Store(window, { params, persist: false });
    const t = { translate: (key, vars) => translate(this.language(), key, vars) };
    const ctx = {
      wasm: w,
      store: this.store,
      t,
      lang: () => this.language(),
      fontFamily: FONT_FAMILY,
      pytorchFor,
      fullEngine,
      siteUrl: SITE_URL,
      engineHost: this.engineHost,
      theme: () => this.theme(),
      chartScale: () => (this.theme() === 'projector' ? PROJECTOR_SCALE : 1),
      fixedLang: () => (LANGS.includes(this.getAttribute('lang')) ? this.getAttribute('lang') : ''),
      embed: { lock, hide },
      // `change` pairs the state with its own numbers: while a newer compute is on its way (σ
      // dragged at a slow setting, whose older answers are still shown as they come), the result
      // belongs to an earlier state, and the event waits for the latest one. A playing training
      // always has its next steps on their way, for the same state: each frame's answer counts.
      onComputed: (cell) => {
        if (cell.playing || !(cell.inFlight > 0)) this.dispatchEvent(new CustomEvent('change', { detail: { state: this.state, result: cell.lastResult() } }));
      },
    };
    const module = await CELLS[name]();
    this.cell = module.mount(this.slot_, ctx);
    applyTranslations(this.frame, this.language());
    this.setHeadingLevels();
    this.mounted = true;
    this.dispatchEvent(new CustomEvent('ready', { detail: { cell: name } }));
  }

  /** Attribute changes update the element live. */
  attributesChanged(names) {
    if (!this.mounted || this.ignoreMutations) return;
    const structural = names.some((n) => ['cell', 'lock', 'hide', 'theme', 'heading'].includes(n));
    if (structural) {
      loadEngine(this).then((w) => this.build(w));
      return;
    }
    if (names.includes('lang')) {
      this.frame.lang = this.language();
      applyTranslations(this.frame, this.language());
      this.cell.onLanguage?.();
    }
    for (const n of names) {
      if (OPTIONS.includes(n)) continue;
      const f = this.fieldOf(n);
      if (f) this.cell.input(f, this.getAttribute(n) ?? undefined);
    }
  }

  /** The field an attribute name means: a field name, a URL key, or a prefixed URL key. */
  fieldOf(attr) {
    if (!this.fields) return null;
    if (Object.hasOwn(this.fields, attr)) return attr;
    for (const [f, field] of Object.entries(this.fields)) {
      if (attr === field.key || attr === `${this.cellPrefix}.${field.key}`) return f;
    }
    return null;
  }

  /** The cell's state by field name (a copy). */
  get state() {
    return this.store && this.cellName ? structuredClone(this.store.get(this.cellPrefix)) : null;
  }

  /** Sets fields from an object by field name, each checked as an attribute would be. */
  set state(next) {
    if (!this.cell || !next || typeof next !== 'object') return;
    for (const [f, v] of Object.entries(next)) {
      if (!Object.hasOwn(this.fields, f)) continue;
      this.cell.input(f, Array.isArray(v) ? v.join(',') : String(v));
    }
  }

  /** The last computed numbers (for the gradient cell: `{layers: [...], …}` per layer). */
  get result() {
    return this.cell?.lastResult() ?? null;
  }

  /** Whether the cell computes in the engine's Worker (false: on the page's thread, where no
   * Worker may start). */
  get computesInWorker() {
    return Boolean(this.engineHost);
  }

  /** Starts the element now, near the viewport or not (for scripts and tests). */
  whenReady() {
    return this.mounted ? Promise.resolve(this) : this.mount().then(() => this);
  }
}

if (!customElements.get('grad-scope')) customElements.define('grad-scope', GradScope);
