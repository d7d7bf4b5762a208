// Offline classrooms: after one visit, the built site (npm run build) works with no network,
// from the sub-path it is served under, the notebook and embed.html alike (a first visit to
// embed.html alone installs the service worker too); a new build replaces the old one's cache.
import { test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expect, fetchesMissing, openEverything, readTable, serveBuiltSite } from './helpers.js';

const port = 4500 + Math.floor(Math.random() * 100);
const prefix = '/class/gradscope/';
const out = 'target/dist-offline';
const build = serveBuiltSite({ out, prefix, port });
const version = () => /const VERSION = "([0-9a-f]+)"/.exec(readFileSync(`${out}/sw.js`, 'utf8'))[1];

async function controlled(page) {
  await page.evaluate(() => window.gradscope?.ready);
  // The notebook mounts every cell (cells below the fold mount lazily); embed.html has one.
  await page.evaluate(() => window.gradscope?.mountAll?.());
  return page.evaluate(async () => {
    // A page that registers no service worker fails here, not at the test's time-out.
    const none = new Promise((_, fail) => setTimeout(() => fail(new Error('no service worker took control in 30 s')), 30_000));
    const reg = await Promise.race([navigator.serviceWorker.ready, none]);
    if (!navigator.serviceWorker.controller) {
      await Promise.race([new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true })), none]);
    }
    return { scope: reg.scope, caches: await caches.keys() };
  });
}

test('after one visit the notebook works offline, scoped to its sub-path', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  await page.goto(`http://127.0.0.1:${port}${prefix}`);
  const sw = await controlled(page);
  expect(sw.scope).toBe(`http://127.0.0.1:${port}${prefix}`);
  expect(sw.caches).toEqual([`gradscope-${version()}`]);

  await context.setOffline(true);
  // A fresh load with no network, with a state in the hash that the first visit never had.
  await page.goto('about:blank');
  await page.goto(`http://127.0.0.1:${port}${prefix}#act=relu&depth=12`);
  await page.evaluate(() => window.gradscope.mountAll());
  const rows = await readTable(page);
  expect(rows.length).toBe(12);
  expect(rows.every((r) => Number.isFinite(r.grad) && r.grad > 0)).toBe(true);
  expect(problems).toEqual([]);
  // The network really is off: a file the build does not have cannot be fetched.
  expect(await fetchesMissing(page)).toBe(false);
  await context.close();
});

test('after one visit to embed.html alone, embed.html works offline: the Worker and the wasm come from the cache', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  // The first visit is to embed.html only (an LMS page that holds it in an iframe, say).
  await page.goto(`http://127.0.0.1:${port}${prefix}embed.html#cell=gradients&depth=8`);
  await page.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
  const sw = await controlled(page);
  expect(sw.scope).toBe(`http://127.0.0.1:${port}${prefix}`);
  expect(sw.caches).toEqual([`gradscope-${version()}`]);
  // What embed.html needs is precached: the page, its scripts, the engine's Worker and the wasm.
  const cached = await page.evaluate(async () => (await (await caches.open((await caches.keys())[0])).keys()).map((r) => new URL(r.url).pathname));
  for (const f of ['embed.html', 'www/embed/page.js', 'www/embed/element.js', 'www/engine/worker.js', 'www/engine/host.js', 'www/pkg/gradscope_web.js', 'www/pkg/gradscope_web_bg.wasm', 'www/themes.css', 'www/style.css']) {
    expect(cached, f).toContain(`${prefix}${f}`);
  }

  await context.setOffline(true);
  // Two fresh loads with no network, with cells and states the first visit never had: the main
  // widget (computed in the engine's Worker) and the product cell.
  for (const [hash, rows] of [['cell=gradients&act=relu&depth=12', 12], ['cell=product&prod.steps=30', 0]]) {
    await page.goto('about:blank');
    await page.goto(`http://127.0.0.1:${port}${prefix}embed.html#${hash}`);
    await page.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
    await openEverything(page);
    const seen = await page.evaluate(() => {
      const root = window.gradscopeEmbed.shadowRoot;
      const canvas = root.querySelector('canvas');
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      // Non-blank: pixels of more than one colour, and some of them dark (lines, axes, text).
      const colours = new Set();
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) {
        colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (data[i] + data[i + 1] + data[i + 2] < 300) dark += 1;
      }
      const cells = [...root.querySelectorAll('table tbody td[data-value]')].map((td) => Number(td.dataset.value));
      const text = [...root.querySelectorAll('table tbody td')].map((td) => td.textContent.trim());
      return { colours: colours.size, dark, cells, text, rows: root.querySelectorAll('table.numbers tbody tr').length };
    });
    expect(seen.colours, hash).toBeGreaterThan(10);
    expect(seen.dark, hash).toBeGreaterThan(500);
    if (rows) {
      expect(seen.rows).toBe(rows);
      expect(seen.cells.length).toBeGreaterThan(0);
      expect(seen.cells.every((v) => Number.isFinite(v))).toBe(true);
    } else {
      expect(seen.text.some((t) => /\d/.test(t)), `${hash}: numbers in the table`).toBe(true);
    }
  }
  expect(problems).toEqual([]);
  expect(await fetchesMissing(page)).toBe(false);
  await context.close();
});

test('a new build replaces the cached one', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${port}${prefix}`);
  const before = version();
  expect((await controlled(page)).caches).toEqual([`gradscope-${before}`]);
  // Deploy another build (its stamp changes one file, as any change of the sources would).
  build(['--stamp', `redeploy-${Date.now()}`]);
  const after = version();
  expect(after).not.toBe(before);
  await page.reload();
  await page.evaluate(() => window.gradscope.mountAll());
  await expect
    .poll(() => page.evaluate(() => caches.keys()), { timeout: 20_000 })
    .toEqual([`gradscope-${after}`]);
  await context.close();
});
