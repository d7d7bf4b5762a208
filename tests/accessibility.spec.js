// Accessibility: axe-core's rules, every impact, on the whole notebook with every table, PyTorch
// panel and hint open, in both languages and in each theme (auto follows the system: it is
// checked under a dark system, light being the light theme's colours).
import { test } from '@playwright/test';
import { axeViolations, expect, openEverything, openPage } from './helpers.js';

const THEMES = [
  { theme: 'light' },
  { theme: 'dark' },
  { theme: 'projector' },
  { theme: 'auto', colorScheme: 'dark' },
];

test.describe.configure({ timeout: 150_000 });

for (const lang of ['en', 'vi']) {
  for (const { theme, colorScheme = 'light' } of THEMES) {
    test(`axe: no violation of any impact (${lang}, theme ${theme}, system ${colorScheme})`, async ({ browser }) => {
      const context = await browser.newContext({ colorScheme });
      const page = await context.newPage();
      await openPage(page, { query: `lang=${lang}`, hash: theme === 'auto' ? '' : `theme=${theme}` });
      await openEverything(page);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });
  }
}
