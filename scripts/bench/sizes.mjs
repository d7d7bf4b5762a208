// What a visitor really downloads, measured from the network (issue 10, "Smaller and sooner").
//
// The static site is built as `npm run build` builds it (scripts/build-site.mjs: minified
// scripts, the optimized wasm) into target/bench-site/, served by scripts/serve.mjs (gzip when
// the browser accepts it, as a static host does; a 304 for a file loaded twice), and loaded in
// fresh browser contexts with no cache and the service worker blocked (its offline precache, which
// starts only once the page is ready, is not what the page needs to show itself). Each response's
// body, as the server sent it (gzipped; nothing for a 304), is summed by kind:
//   - the notebook (index.html): at its first plot, and after scrolling to the end (every cell
//     mounted and drawn);
//   - the main widget embedded: a host page with one `<grad-scope cell="gradients">` and
//     embed.js, and the iframe page embed.html#cell=gradients;
// plus the first plot's time after navigation start in each case.
//
//   node scripts/bench/sizes.mjs [--quick] [--no-build]   (prints the JSON; needs the wasm build
//   and scripts/vendor.mjs, as `npm run bench` does)
// `npm run bench` calls measureDownloads() from scripts/bench-browser.mjs.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SITE = 'target/bench-site';
const LOG = join(root, 'target', 'bench-site.log');

/** The kind of a response, by its path in the site. Fonts and KaTeX are kept apart. */
function kindOf(path) {
  if (path.includes('/vendor/be-vietnam-pro/') || /\.(woff2?|ttf)$/.test(path)) return 'font';
  if (path.includes('/vendor/katex/')) return 'katex';
  if (path.endsWith('.wasm')) return 'wasm';
  if (/\.m?js$/.test(path)) return 'js';
  if (path.endsWith('.css')) return 'css';
  if (path.endsWith('.html') || path.endsWith('/')) return 'html';
  return 'other';
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

/**
 * What the server sent from now on: one entry per response (the page's and its Workers'),
 * read from scripts/serve.mjs's --log file. Counting at the server sees every request, a
 * Worker's included, and the bytes really sent (gzipped, or none for a 304).
 */
function recorder(logFile) {
  const from = existsSync(logFile) ? statSync(logFile).size : 0;
  const entries = () => {
    if (!existsSync(logFile)) return [];
    const text = readFileSync(logFile).subarray(from).toString('utf8');
    return text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  };
  return {
    count: () => entries().length,
    /** The sums by kind, for the responses sent so far. */
    summary() {
      const by = {};
      const files = [];
      for (const e of entries()) {
        const kind = kindOf(e.path);
        by[kind] ??= { files: 0, bytes: 0 };
        by[kind].files += 1;
        by[kind].bytes += e.bytes;
        files.push({ ...e, kind });
      }
      const sum = (kinds) => kinds.reduce((a, k) => a + (by[k]?.bytes ?? 0), 0);
      return {
        js_wasm: sum(['js', 'wasm']),
        js_wasm_css: sum(['js', 'wasm', 'css']),
        all_but_fonts: sum(Object.keys(by).filter((k) => k !== 'font')),
        by_kind: by,
        files,
      };
    },
  };
}

/** Waits until the server has sent nothing new for `quiet` ms (at most `limit` ms). */
async function networkIdle(page, rec, quiet = 600, limit = 20000) {
  const start = Date.now();
  let count = -1;
  while (Date.now() - start < limit) {
    const now = rec.count();
    if (now === count) break;
    count = now;
    await page.waitForTimeout(quiet);
  }
}

/** Builds the static site (minified, as `npm run build`) into target/bench-site. */
export function buildSite() {
  execFileSync(process.execPath, ['scripts/build-site.mjs', '--out', SITE], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

/** Serves `dir` with scripts/serve.mjs on a free port; resolves with {base, close}. */
export async function serve(dir) {
  const port = 8700 + Math.floor(Math.random() * 150);
  rmSync(LOG, { force: true });
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--root', dir, '--port', String(port), '--log', LOG], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => child.stdout.once('data', ok));
  return { base: `http://127.0.0.1:${port}/`, close: () => child.kill() };
}

const contextOptions = { viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' };

/** The notebook: bytes at the first plot and after every cell has mounted; first-plot time. */
async function notebook(browser, base) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const rec = recorder(LOG);
  await page.goto(base);
  await page.evaluate(() => window.gradscope.ready);
  await page.waitForFunction(() => performance.getEntriesByName('gradscope:first-plot').length > 0, null, { timeout: 30000 }).catch(() => {});
  const firstPlot = await page.evaluate(() => performance.getEntriesByName('gradscope:first-plot')[0]?.startTime ?? null);
  const atFirstPlot = rec.summary();
  // Down the page, so that every cell mounts (cells below the fold may mount only near the
  // viewport), then wait for the network to rest.
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 700) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await page.evaluate(() => window.gradscope.settled?.());
  await networkIdle(page, rec);
  const whole = rec.summary();
  await context.close();
  return { first_plot_ms: firstPlot, at_first_plot: strip(atFirstPlot), whole };
}

/** A host page on the site's origin with one main widget, as an instructor embeds it. */
const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title>
<script type="module" src="../embed.js"></script></head><body><h1>A course page</h1>
<grad-scope cell="gradients"></grad-scope></body></html>`;
// Written into the built site and served from there: a page answered by Playwright's routing
// would turn the browser's HTTP cache off, and the Worker would download again what the page
// has just loaded (the engine's glue, 4.7 kB), which no real host page does.
const HOST_PATH = 'examples/bench-embed-host.html';

/** `<grad-scope cell="gradients">` on a host page: bytes and the first result's time. */
async function embedElement(browser, base) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const hostUrl = `${base}${HOST_PATH}`;
  const rec = recorder(LOG);
  await page.goto(hostUrl);
  const firstResult = await page.evaluate(async () => {
    const el = document.querySelector('grad-scope');
    await customElements.whenDefined('grad-scope');
    // A drawn chart: the element's result is set once its first compute has been drawn.
    while (!el.result) await new Promise((ok) => setTimeout(ok, 5));
    return performance.now();
  });
  await networkIdle(page, rec);
  const out = { first_result_ms: firstResult, ...rec.summary() };
  await context.close();
  return out;
}

/** The iframe page embed.html#cell=gradients: bytes and the first result's time. */
async function embedPage(browser, base) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const rec = recorder(LOG);
  await page.goto(`${base}embed.html#cell=gradients`);
  await page.waitForFunction(() => window.gradscopeEmbed?.result, null, { timeout: 30000 });
  const firstResult = await page.evaluate(() => performance.now());
  await networkIdle(page, rec);
  const out = { first_result_ms: firstResult, ...rec.summary() };
  await context.close();
  return out;
}

/** Drops the per-file list (kept only for the whole notebook and the embeds). */
function strip({ files, ...rest }) {
  return rest;
}

/**
 * Every measurement above, `loads` times each (medians of the times; the bytes are the same on
 * every load). `browser` is a launched Playwright Chromium.
 */
export async function measureDownloads(browser, { quick = false, build = true } = {}) {
  if (build) buildSite();
  writeFileSync(join(root, SITE, HOST_PATH), HOST_PAGE);
  const server = await serve(SITE);
  const loads = quick ? 2 : 5;
  try {
    const runs = { notebook: [], element: [], page: [] };
    for (let i = 0; i < loads; i += 1) {
      runs.notebook.push(await notebook(browser, server.base));
      runs.element.push(await embedElement(browser, server.base));
      runs.page.push(await embedPage(browser, server.base));
    }
    const last = (xs) => xs[xs.length - 1];
    return {
      note: 'encoded (gzipped) response bodies as the browser received them from scripts/serve.mjs serving the built site (target/bench-site, minified as npm run build makes dist/), fresh context each load, service worker blocked; times are medians in ms after navigation start',
      loads,
      notebook: {
        first_plot_ms: median(runs.notebook.map((r) => r.first_plot_ms)),
        first_plot_runs: runs.notebook.map((r) => r.first_plot_ms),
        at_first_plot: last(runs.notebook).at_first_plot,
        whole: last(runs.notebook).whole,
      },
      embed_element: { ...last(runs.element), first_result_ms: median(runs.element.map((r) => r.first_result_ms)) },
      embed_page: { ...last(runs.page), first_result_ms: median(runs.page.map((r) => r.first_result_ms)) },
    };
  } finally {
    server.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === join(process.argv[1])) {
  const { chromium } = await import('@playwright/test');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  try {
    const r = await measureDownloads(browser, { quick: process.argv.includes('--quick'), build: !process.argv.includes('--no-build') });
    console.log(JSON.stringify(r, null, 2));
  } finally {
    await browser.close();
  }
}

/** Issue 10's three targets of "Smaller and sooner", from measureDownloads()'s result. */
export function downloadTargets(d) {
  if (!d || d.error) return null;
  const kB = (b) => b / 1000;
  const served = 'bytes sent by scripts/serve.mjs (gzip) for the built site';
  return [
    ['first plot after navigation start (built site)', 500, d.notebook.first_plot_ms, 'ms', `'gradscope:first-plot' mark, median of ${d.loads} fresh loads`],
    ['whole notebook JS + wasm, gzipped', 250, kB(d.notebook.whole.js_wasm), 'kB', `${served}, fonts and KaTeX excluded; every cell mounted (scrolled to the end)`],
    ['embedding the main widget (embed.js + what it loads), gzipped', 150, kB(d.embed_element.all_but_fonts), 'kB', `${served}, fonts excluded; JS, wasm and CSS of a host page with <grad-scope cell="gradients"> (embed.html#cell=gradients: ${kB(d.embed_page.all_but_fonts).toFixed(1)} kB)`],
  ];
}

/** One paragraph for the console. */
export function printDownloads(d) {
  if (!d) return;
  if (d.error) {
    console.log(`\n== downloads: ${d.error}`);
    return;
  }
  const kB = (b) => `${(b / 1000).toFixed(1)} kB`;
  const kinds = (s) => Object.entries(s.by_kind).map(([k, v]) => `${k} ${kB(v.bytes)} (${v.files})`).join(', ');
  console.log('\n== downloads, gzipped as sent (built site; fonts and KaTeX apart)');
  console.log(`notebook at first plot (${d.notebook.first_plot_ms} ms): ${kinds(d.notebook.at_first_plot)}`);
  console.log(`notebook, every cell mounted: JS + wasm ${kB(d.notebook.whole.js_wasm)}; ${kinds(d.notebook.whole)}`);
  console.log(`<grad-scope cell="gradients"> (first result ${Math.round(d.embed_element.first_result_ms)} ms): ${kB(d.embed_element.all_but_fonts)} without fonts; ${kinds(d.embed_element)}`);
  console.log(`embed.html#cell=gradients (first result ${Math.round(d.embed_page.first_result_ms)} ms): ${kB(d.embed_page.all_but_fonts)} without fonts; ${kinds(d.embed_page)}`);
}
