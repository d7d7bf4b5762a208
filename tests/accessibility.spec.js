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

// embed.html: one cell in a <grad-scope> (its open shadow root, which axe reads), with its table
// and PyTorch panel open where the cell has them: the main widget, the matrix product, and a
// playback cell (training, played a few steps so that its chart and table hold a run).
const EMBED_THEMES = [...THEMES.filter((t) => t.theme !== 'auto'), { theme: 'auto', colorScheme: 'dark' }];
for (const cell of ['gradients', 'product', 'training']) {
  for (const lang of ['en', 'vi']) {
    test(`axe on embed.html: no violation of any impact (cell ${cell}, ${lang}, every theme)`, async ({ browser }) => {
      for (const { theme, colorScheme = 'light' } of EMBED_THEMES) {
        const context = await browser.newContext({ colorScheme });
        const page = await context.newPage();
        const problems = [];
        page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`./embed.html#cell=${cell}&lang=${lang}${theme === 'auto' ? '' : `&theme=${theme}`}`);
        await page.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
        if (cell === 'training') {
          await page.evaluate(async () => {
            const root = window.gradscopeEmbed.shadowRoot;
            const play = root.querySelector('[data-action="play"]');
            play.click();
            await new Promise((ok) => setTimeout(ok, 600));
            if (play.getAttribute('aria-pressed') === 'true') play.click();
          });
        }
        await openEverything(page);
        const shown = await page.evaluate(() => {
          const root = window.gradscopeEmbed.shadowRoot;
          return {
            lang: root.querySelector('.gs-frame').lang,
            theme: root.querySelector('.gs-frame').dataset.theme ?? 'auto',
            tables: root.querySelectorAll('table').length,
            pytorch: [...root.querySelectorAll('.pytorch-toggle')].map((b) => b.getAttribute('aria-expanded')),
          };
        });
        // The check saw what it should: the language, the theme, a table and an open PyTorch panel.
        expect(shown.lang).toBe(lang);
        expect(shown.theme).toBe(theme);
        expect(shown.tables).toBeGreaterThan(0);
        expect(shown.pytorch.length === 0 || shown.pytorch.every((e) => e === 'true')).toBe(true);
        expect(await axeViolations(page), `${cell} ${lang} ${theme}`).toEqual([]);
        expect(problems).toEqual([]);
        await context.close();
      }
    });
  }
}

// A host page: the blog post's two <grad-scope> elements (axe reads their open shadow roots),
// with their tables open, under a light and a dark system; their headings continue the post's
// outline (heading="2": the cell's heading a level below the post's h1).
for (const colorScheme of ['light', 'dark']) {
  test(`axe on a host page with <grad-scope> elements: no violation of any impact (system ${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await page.goto('./examples/blog.html');
    const ids = await page.$$eval('grad-scope', (els) => els.map((e) => e.id));
    expect(ids.length).toBe(2);
    for (const id of ids) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.waitForFunction((id) => document.getElementById(id)?.result != null, id, { timeout: 60_000 });
    }
    await openEverything(page);
    const levels = await page.$$eval('grad-scope', (els) => els.map((e) => [...e.shadowRoot.querySelectorAll('h3, h4')].map((h) => `${h.tagName}:${h.getAttribute('aria-level')}`)));
    for (const l of levels) {
      expect(l[0]).toBe('H3:2');
      expect(l.filter((x) => x.startsWith('H4')).every((x) => x === 'H4:3')).toBe(true);
    }
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
}

// The LMS host pages: embed.html in iframes (axe reads every frame), two of them on one page.
for (const host of ['lms.html', 'lms-canvas.html']) {
  test(`axe on an LMS page with embed.html iframes: no violation of any impact (${host})`, async ({ page }) => {
    await page.goto(`./examples/${host}`);
    const frames = await page.$$eval('iframe', (fs) => fs.map((f) => f.id));
    for (const id of frames) {
      await page.locator(`#${id}`).scrollIntoViewIfNeeded();
      await page.frameLocator(`#${id}`).locator('main#embed[aria-label]').waitFor({ timeout: 60_000 });
    }
    for (const frame of page.frames().filter((f) => f.url().includes('embed.html'))) {
      await frame.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
    }
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('heading: embed.html makes the cell its h1 (or the level in its hash); a bad level is noted and ignored', async ({ page }) => {
  const levels = async (hash) => {
    await page.goto('about:blank');
    await page.goto(`./embed.html#${hash}`);
    await page.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
    return page.evaluate(() => {
      const root = window.gradscopeEmbed.shadowRoot;
      return {
        first: root.querySelector('h3').getAttribute('aria-level'),
        parts: [...root.querySelectorAll('h4')].map((h) => h.getAttribute('aria-level')),
        notes: root.querySelector('.embed-notes').textContent,
      };
    });
  };
  const own = await levels('cell=product');
  expect(own.first).toBe('1');
  expect(own.parts.length).toBeGreaterThan(0);
  expect(own.parts.every((l) => l === '2')).toBe(true);
  expect((await levels('cell=product&heading=4')).first).toBe('4');
  const bad = await levels('cell=product&heading=9');
  // As in the notebook: no aria-level, the h3 and h4 say their own levels.
  expect(bad.first).toBeNull();
  expect(bad.parts.every((l) => l === null)).toBe(true);
  expect(bad.notes).toContain('“9”');
});
