// `npm run build` output: dist/ must work from a plain static server under any sub-path.
import { test } from '@playwright/test';
import { expect, readTable, serveBuiltSite } from './helpers.js';

const port = 4390 + Math.floor(Math.random() * 100);
const prefix = '/courses/dl/gradscope/';
serveBuiltSite({ out: 'dist', prefix, port });

test('dist/ works under a sub-path with no failed request', async ({ page }) => {
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  page.on('requestfailed', (r) => problems.push(`failed ${r.url()}`));
  await page.goto(`http://127.0.0.1:${port}${prefix}#act=relu&depth=10`);
  await page.evaluate(() => window.gradscope.mountAll());
  const rows = await readTable(page);
  expect(rows.length).toBe(10);
  expect(rows.every((r) => Number.isFinite(r.grad) && r.grad > 0)).toBe(true);
  expect(problems).toEqual([]);
});

test('the built notebook names every module of its first plot at once (modulepreload)', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}${prefix}`);
  await page.waitForFunction(() => performance.getEntriesByName('gradscope:first-plot').length > 0);
  const { preloaded, fetched } = await page.evaluate(() => {
    const at = performance.getEntriesByName('gradscope:first-plot')[0].startTime;
    return {
      preloaded: [...document.querySelectorAll('link[rel="modulepreload"]')].map((l) => l.href),
      // The page's own scripts fetched before its first plot. The Worker's script is fetched when
      // www/start.js creates it, first thing; what the Worker imports is not in this list.
      fetched: performance.getEntriesByType('resource')
        .filter((e) => e.startTime < at && /\.m?js$/.test(new URL(e.name).pathname) && !e.name.endsWith('/engine/worker.js'))
        .map((e) => e.name),
    };
  });
  // The chain the build follows: the module scripts, the text's modules and the main widget's cell.
  for (const f of ['www/main.js', 'www/start.js', 'www/notebook.js', 'www/vendor/katex/katex.mjs', 'www/cells/gradients.js', 'www/cells/shell.js']) {
    expect(preloaded).toContain(`http://127.0.0.1:${port}${prefix}${f}`);
  }
  // Nothing the first plot waited for was left for the browser to find one import at a time.
  expect(fetched.length).toBeGreaterThan(10);
  expect(fetched.filter((u) => !preloaded.includes(u))).toEqual([]);
});
