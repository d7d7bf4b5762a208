// Themes (light, dark, projector, or auto from the system): the hash and the picker choose them,
// an unknown theme falls back to auto with a note, a `data-theme` attribute themes any subtree,
// the charts keep a light paper, and every visible text and control outline passes WCAG AA
// contrast in each theme, measured in the page (helpers.js `contrastFailures`).
import { test } from '@playwright/test';
import { contrastFailures, expect, openEverything, openPage, settle } from './helpers.js';

const luminanceOf = (page, selector, prop = 'backgroundColor') =>
  page.$eval(selector, (el, p) => {
    const [r, g, b] = getComputedStyle(el)[p].match(/[\d.]+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  }, prop);

test.describe.configure({ timeout: 120_000 });

for (const { theme, colorScheme } of [
  { theme: 'light', colorScheme: 'dark' },
  { theme: 'dark', colorScheme: 'light' },
  { theme: 'projector', colorScheme: 'dark' },
  { theme: 'auto', colorScheme: 'light' },
  { theme: 'auto', colorScheme: 'dark' },
]) {
  test(`contrast is AA for every visible text and control (theme ${theme}, system ${colorScheme})`, async ({ browser }) => {
    const context = await browser.newContext({ colorScheme });
    const page = await context.newPage();
    await openPage(page, { hash: theme === 'auto' ? '' : `theme=${theme}` });
    await openEverything(page);
    const dark = theme === 'dark' || (theme === 'auto' && colorScheme === 'dark');
    // The theme took effect: the page is dark exactly when it should be.
    expect((await luminanceOf(page, 'body')) < 0.2).toBe(dark);
    expect(await contrastFailures(page)).toEqual([]);
    await context.close();
  });
}

test('the picker sets the theme and the hash; auto removes both; the charts keep their light paper', async ({ page }) => {
  await openPage(page, { hash: 'theme=dark&depth=12' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('#theme-select')).toHaveValue('dark');
  expect(await luminanceOf(page, '#cell-gradients canvas.chart')).toBeGreaterThan(0.95);
  expect(await luminanceOf(page, '#cell-gradients')).toBeLessThan(0.2);
  const before = await page.$eval('body', (b) => parseFloat(getComputedStyle(b).fontSize));
  const rule = await page.$eval('#cell-gradients', (c) => parseFloat(getComputedStyle(c).borderLeftWidth));
  await page.selectOption('#theme-select', 'projector');
  await settle(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
  expect(await page.evaluate(() => window.location.hash)).toContain('theme=projector');
  expect(await page.evaluate(() => window.location.hash)).toContain('depth=12');
  // Projector: larger type and thicker lines, black text.
  expect(await page.$eval('body', (b) => parseFloat(getComputedStyle(b).fontSize))).toBeGreaterThan(before * 1.3);
  expect(await page.$eval('#cell-gradients', (c) => parseFloat(getComputedStyle(c).borderLeftWidth))).toBeGreaterThan(rule);
  expect(await luminanceOf(page, 'body', 'color')).toBe(0);
  await page.selectOption('#theme-select', 'auto');
  await settle(page);
  expect(await page.$eval('html', (h) => h.hasAttribute('data-theme'))).toBe(false);
  expect(await page.evaluate(() => window.location.hash)).not.toContain('theme=');
  // The choice survives a reload through the hash.
  await page.selectOption('#theme-select', 'light');
  await settle(page);
  await page.reload();
  await page.evaluate(() => window.gradscope.mountAll());
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('an unknown theme falls back to auto with a note that shows the value literally', async ({ page }) => {
  const raw = '<b id=inj>neon';
  const problems = await openPage(page, { hash: `theme=${encodeURIComponent(raw)}` });
  expect(await page.$eval('html', (h) => h.hasAttribute('data-theme'))).toBe(false);
  await expect(page.locator('#theme-select')).toHaveValue('auto');
  await expect(page.locator('#theme-note')).toBeVisible();
  await expect(page.locator('#theme-note')).toContainText(`“${raw}”`);
  expect(await page.locator('#inj').count()).toBe(0);
  // The note is translated with the page.
  await page.click('button[data-lang="vi"]');
  await expect(page.locator('#theme-note')).toContainText('không hợp lệ');
  expect(problems).toEqual([]);
});

test('a data-theme attribute themes its own subtree, whatever the page around it', async ({ page }) => {
  await openPage(page, { hash: 'theme=light' });
  const colours = await page.evaluate(() => {
    const probe = (theme) => {
      const box = document.createElement('div');
      box.dataset.theme = theme;
      const p = document.createElement('p');
      p.textContent = 'x';
      box.append(p);
      document.getElementById('notebook').append(box);
      const s = getComputedStyle(p);
      const out = { color: s.color, background: getComputedStyle(box).backgroundColor, size: parseFloat(s.fontSize) };
      box.remove();
      return out;
    };
    return { dark: probe('dark'), light: probe('light'), projector: probe('projector') };
  });
  expect(colours.dark.color).not.toBe(colours.light.color);
  expect(colours.dark.background).not.toBe(colours.light.background);
  expect(colours.dark.background).toBe('rgb(18, 20, 23)');
  expect(colours.projector.color).toBe('rgb(0, 0, 0)');
  expect(colours.projector.size).toBeGreaterThan(colours.light.size * 1.3);
});
