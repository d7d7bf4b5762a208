// Accessibility: axe-core's rules on the whole notebook, in both languages.
import { test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, openPage, settle } from './helpers.js';

for (const lang of ['en', 'vi']) {
  test(`no serious or critical accessibility violation (${lang})`, async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await openPage(page, { query: `lang=${lang}` });
    await settle(page);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    expect(bad).toEqual([]);
    await context.close();
  });
}
