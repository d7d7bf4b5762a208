// Which language the page starts in: ?lang=, else the saved choice, else the browser's
// language (vi* means Vietnamese), else English.
import { test } from '@playwright/test';
import { expect } from './helpers.js';

async function start(browser, { locale, query = '', saved = null }) {
  const context = await browser.newContext({ locale });
  if (saved) await context.addInitScript((lang) => window.localStorage.setItem('gradscope.lang', lang), saved);
  const page = await context.newPage();
  await page.goto(`./${query}`);
  await page.evaluate(() => window.gradscope.mountAll());
  const lang = await page.evaluate(() => document.documentElement.lang);
  const heading = await page.locator('#grad-heading').textContent();
  await context.close();
  return { lang, heading };
}

test('a Vietnamese browser gets Vietnamese, any other gets English', async ({ browser }) => {
  expect(await start(browser, { locale: 'vi-VN' })).toEqual({ lang: 'vi', heading: 'Gradient qua từng tầng' });
  expect(await start(browser, { locale: 'fr-FR' })).toEqual({ lang: 'en', heading: 'The gradient, layer by layer' });
});

test('a saved choice beats the browser, and ?lang= beats both', async ({ browser }) => {
  expect((await start(browser, { locale: 'vi-VN', saved: 'en' })).lang).toBe('en');
  expect((await start(browser, { locale: 'en-US', saved: 'vi' })).lang).toBe('vi');
  expect((await start(browser, { locale: 'en-US', saved: 'en', query: '?lang=vi' })).lang).toBe('vi');
  // An unknown ?lang= is ignored, not obeyed.
  expect((await start(browser, { locale: 'vi-VN', query: '?lang=xx' })).lang).toBe('vi');
});

test('the choice made with the toggle is remembered for the next visit', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  await page.goto('./');
  await page.evaluate(() => window.gradscope.mountAll());
  await page.click('button[data-lang="vi"]');
  await page.goto('./'); // no ?lang=, no hash
  await page.evaluate(() => window.gradscope.mountAll());
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  await context.close();
});

test('no text key shows untranslated, in either language, once every cell is mounted and every part is open', async ({ page }) => {
  // Each cell brings its own texts (www/strings/, i18n.js `addStrings`); a key looked up before
  // its texts arrived would show as "[key]".
  await page.goto('./?lang=vi');
  await page.evaluate(() => window.gradscope.mountAll());
  await page.evaluate(() => window.gradscope.settled());
  const missing = () =>
    page.evaluate(() => {
      for (const b of document.querySelectorAll('[data-action="table"][aria-expanded="false"], .pytorch-toggle[aria-expanded="false"], [data-hint] button')) b.click();
      const attrs = [...document.querySelectorAll('*')].flatMap((el) => ['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
      const text = `${document.body.innerText}\n${attrs.join('\n')}`;
      return [...text.matchAll(/\[[a-z]+(?:\.[A-Za-z0-9_-]+)+\]/g)].map((m) => m[0]);
    });
  expect(await missing()).toEqual([]);
  await page.click('button[data-lang="en"]');
  await page.evaluate(() => window.gradscope.settled());
  expect(await missing()).toEqual([]);
  // The check itself finds a key with no text.
  expect(await page.evaluate(() => {
    const p = document.createElement('p');
    p.dataset.i18n = 'nothing.here';
    document.body.append(p);
    return true;
  })).toBe(true);
  await page.click('button[data-lang="vi"]');
  expect(await missing()).toEqual(['[nothing.here]']);
});
