// The site works under a strict Content-Security-Policy (no inline script, no eval beyond
// WebAssembly's, nothing from another origin): scripts/serve.mjs sends it with every response,
// and any violation the browser reports fails the test.
import { test } from '@playwright/test';
import { expect, openPage } from './helpers.js';

test('the notebook runs under the strict policy with no violation', async ({ page }) => {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const response = await page.goto('./');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  const problems = await openPage(page, { hash: 'act=relu' });
  // Every cell, every panel: scroll to the end so that everything mounts and draws.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  for (const b of await page.$$('button[aria-expanded="false"]')) await b.click().catch(() => {});
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.__cspViolations)).toEqual([]);
  expect(problems).toEqual([]);
});
