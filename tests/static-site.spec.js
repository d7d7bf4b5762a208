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
