// Offline classrooms: after one visit, the built site (npm run build) works with no network,
// from the sub-path it is served under; a new build replaces the old one's cache.
import { test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, readTable } from './helpers.js';

const port = 4500 + Math.floor(Math.random() * 100);
const prefix = '/class/gradscope/';
const out = 'target/dist-offline';
let server;

const build = (extra = []) =>
  execFileSync(process.execPath, ['scripts/build-site.mjs', '--out', out, ...extra], { stdio: 'inherit' });
const version = () => /const VERSION = "([0-9a-f]+)"/.exec(readFileSync(`${out}/sw.js`, 'utf8'))[1];

test.beforeAll(async () => {
  build();
  server = spawn(process.execPath, ['scripts/serve.mjs', '--root', out, '--prefix', prefix, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((ok) => server.stdout.once('data', ok));
});

test.afterAll(() => server?.kill());

async function controlled(page) {
  await page.evaluate(() => window.gradscope.mountAll());
  return page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok, { once: true }));
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
  const fetched = await page.evaluate(() => fetch('./not-in-the-build.txt').then(() => true, () => false));
  expect(fetched).toBe(false);
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
