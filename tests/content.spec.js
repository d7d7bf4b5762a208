// The notebook's text: every key and every block in both languages, KaTeX rendering without
// leftovers or errors, a table of contents whose links land, a language switch that keeps the
// live cells' slots, and a page that never scrolls sideways on a phone.
//
// The rendered checks use www/dev/notebook-preview.html, a page that renders only the text (with
// stand-ins in the cell slots), so they do not depend on the engine or on the live cells.
import { test } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { expect } from './helpers.js';

const PREVIEW = 'www/dev/notebook-preview.html';

/** The cell slots the live cells are mounted into, in page order. */
const EXPECTED_CELLS = [
  'gradients', 'sigmoid', 'vanishing-preset', 'product', 'symmetry',
  'default-init', 'xavier', 'stability-map', 'training', 'lars', 'rescaling', 'softmax',
  'spectrum',
];
const EXPECTED_SECTIONS = [
  'vanishing-exploding', 'vanishing', 'exploding', 'symmetry',
  'default-init', 'xavier', 'beyond', 'summary-exercises',
];

const blank = (s) => typeof s !== 'string' || s.replace(/<[^>]*>/g, '').trim() === '';
const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
const count = (s, re) => (s.match(re) || []).length;
const MATH = /\\\(|\\\[/g;

/** Problems in i18n.js's STRINGS: a key missing or empty in one language, or placeholders that differ. */
export function stringProblems(STRINGS) {
  const problems = [];
  const langs = Object.keys(STRINGS);
  const all = new Set(langs.flatMap((l) => Object.keys(STRINGS[l])));
  for (const key of all) {
    for (const l of langs) {
      if (!(key in STRINGS[l])) problems.push(`${l}: missing ${key}`);
      else if (blank(STRINGS[l][key])) problems.push(`${l}: empty ${key}`);
    }
    const present = langs.filter((l) => typeof STRINGS[l][key] === 'string');
    const ph = new Set(present.map((l) => placeholders(STRINGS[l][key])));
    if (ph.size > 1) problems.push(`${key}: placeholders differ between languages`);
  }
  return problems;
}

/**
 * Problems in SECTIONS: a title or prose block missing or empty in a language, or the two
 * languages of one block disagreeing on its structure (paragraphs, list items, hints, links,
 * formulas), which is how a dropped sentence or formula shows.
 */
export function sectionProblems(SECTIONS, langs = ['en', 'vi']) {
  const problems = [];
  SECTIONS.forEach((s, i) => {
    const where = `section ${i + 1} (${s.id})`;
    if (!s.id) problems.push(`${where}: no id`);
    for (const l of langs) if (blank(s.title?.[l])) problems.push(`${where}: title missing in ${l}`);
    if (!Array.isArray(s.blocks) || s.blocks.length === 0) problems.push(`${where}: no blocks`);
    (s.blocks || []).forEach((b, j) => {
      const at = `${where}, block ${j + 1}`;
      if (b.cell !== undefined) {
        if (typeof b.cell !== 'string' || !b.cell) problems.push(`${at}: a cell without a name`);
        return;
      }
      if (!b.prose) { problems.push(`${at}: neither prose nor cell`); return; }
      for (const l of langs) if (blank(b.prose[l])) problems.push(`${at}: prose missing in ${l}`);
      const shapes = langs.filter((l) => !blank(b.prose[l])).map((l) => {
        const t = b.prose[l];
        return [
          count(t, /<p[\s>]/g), count(t, /<li[\s>]/g), count(t, /<details/g), count(t, /<a /g),
          count(t, MATH), count(t, /\\\)|\\\]/g),
        ].join('/');
      });
      if (new Set(shapes).size > 1) problems.push(`${at}: the languages differ in structure (${shapes.join(' vs ')})`);
      for (const l of langs) {
        const t = b.prose[l] || '';
        if (count(t, /\\\(/g) !== count(t, /\\\)/g) || count(t, /\\\[/g) !== count(t, /\\\]/g)) {
          problems.push(`${at}: unbalanced math delimiters in ${l}`);
        }
      }
    });
  });
  return problems;
}

async function openPreview(page, lang = 'en') {
  const problems = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(`./${PREVIEW}?lang=${lang}`);
  await page.waitForFunction(() => window.notebookReady === true);
  return problems;
}

/** Every part's own texts (www/strings/*.js), which its cell loads (i18n.js `addStrings`). */
const STRING_PARTS = readdirSync('www/strings').filter((f) => f.endsWith('.js')).map((f) => `/www/strings/${f}`);

const loadModules = (page) =>
  page.evaluate(async (parts) => {
    const [{ STRINGS }, { SECTIONS }] = await Promise.all([
      import('/www/i18n.js'),
      import('/www/content/sections.js'),
      ...parts.map((p) => import(p)),
    ]);
    return { STRINGS, SECTIONS };
  }, STRING_PARTS);

test('every UI string exists, non-empty, in both languages, with the same placeholders', async ({ page }) => {
  await openPreview(page);
  const { STRINGS } = await loadModules(page);
  expect(Object.keys(STRINGS).sort()).toEqual(['en', 'vi']);
  expect(stringProblems(STRINGS)).toEqual([]);
  // The check itself catches each kind of fault.
  const broken = structuredClone(STRINGS);
  const [k1, k2, k3] = Object.keys(broken.en).filter((k) => !/\{/.test(broken.en[k]));
  delete broken.vi[k1];
  broken.en[k2] = '  ';
  delete broken.en[k3];
  broken.vi['only.vi'] = 'chỉ có tiếng Việt';
  broken.en['verdict.ratio'] = 'no placeholders here';
  const found = stringProblems(broken);
  expect(found).toEqual(expect.arrayContaining([
    `vi: missing ${k1}`, `en: empty ${k2}`, `en: missing ${k3}`, 'en: missing only.vi',
    'verdict.ratio: placeholders differ between languages',
  ]));
});

test('every section and prose block is written in both languages, with the same structure', async ({ page }) => {
  await openPreview(page);
  const { SECTIONS } = await loadModules(page);
  expect(SECTIONS.map((s) => s.id)).toEqual(EXPECTED_SECTIONS);
  expect(SECTIONS.flatMap((s) => s.blocks.filter((b) => b.cell).map((b) => b.cell))).toEqual(EXPECTED_CELLS);
  expect(sectionProblems(SECTIONS)).toEqual([]);
  // Every section teaches something: at least one prose block with some substance in each language.
  for (const s of SECTIONS) {
    for (const l of ['en', 'vi']) {
      const words = s.blocks.filter((b) => b.prose).map((b) => b.prose[l].replace(/<[^>]*>|\\\(.*?\\\)|\\\[[\s\S]*?\\\]/g, ' ')).join(' ');
      expect(words.split(/\s+/).filter(Boolean).length, `${s.id} in ${l}`).toBeGreaterThan(40);
    }
  }
  // The check itself catches each kind of fault.
  const broken = structuredClone(SECTIONS);
  broken[0].title.vi = '';
  const proseAt = (s) => s.blocks.findIndex((b) => b.prose);
  delete broken[1].blocks[proseAt(broken[1])].prose.vi;
  broken[2].blocks[proseAt(broken[2])].prose.en = '<p> </p>';
  const b5 = broken[5].blocks[proseAt(broken[5])].prose;
  b5.vi = b5.vi.replace(/\\\[[\s\S]*?\\\]/, ''); // a dropped display formula
  broken[3].blocks.push({ cell: '' });
  const found = sectionProblems(broken);
  expect(found).toEqual(expect.arrayContaining([
    'section 1 (vanishing-exploding): title missing in vi',
    'section 2 (vanishing), block 1: prose missing in vi',
    'section 3 (exploding), block 1: prose missing in en',
    expect.stringMatching(/^section 6 \(xavier\), block 1: the languages differ in structure/),
    expect.stringMatching(/^section 4 \(symmetry\), block \d+: a cell without a name/),
  ]));
});

for (const lang of ['en', 'vi']) {
  test(`${lang}: the math is rendered by KaTeX, with no leftover delimiter and no error`, async ({ page }) => {
    const problems = await openPreview(page, lang);
    const report = await page.evaluate(async (l) => {
      const { SECTIONS } = await import('/www/content/sections.js');
      const source = SECTIONS.flatMap((s) => s.blocks.filter((b) => b.prose).map((b) => b.prose[l])).join('');
      const cells = [...document.querySelectorAll('.prose-cell')];
      // Text outside KaTeX's own markup (whose MathML annotation keeps the TeX source).
      const visible = (el) => {
        const c = el.cloneNode(true);
        c.querySelectorAll('.katex').forEach((k) => k.remove());
        return c.textContent;
      };
      return {
        cells: cells.length,
        empty: cells.filter((c) => c.textContent.trim() === '').length,
        leftovers: cells.map(visible).filter((t) => /\\\(|\\\)|\\\[|\\\]|\$\$/.test(t)).map((t) => t.slice(0, 80)),
        errors: document.querySelectorAll('.katex-error').length,
        inline: document.querySelectorAll('.prose-cell .katex:not(.katex-display .katex)').length,
        display: document.querySelectorAll('.prose-cell .katex-display').length,
        expectedInline: (source.match(/\\\(/g) || []).length,
        expectedDisplay: (source.match(/\\\[/g) || []).length,
        lang: document.querySelector('.nb').getAttribute('lang'),
      };
    }, lang);
    expect(report.cells).toBeGreaterThanOrEqual(12);
    expect(report.empty).toBe(0);
    expect(report.leftovers).toEqual([]);
    expect(report.errors).toBe(0);
    // One KaTeX rendering per formula of the source (hints included).
    expect(report.expectedInline).toBeGreaterThan(100);
    expect(report.inline).toBe(report.expectedInline);
    expect(report.expectedDisplay).toBeGreaterThanOrEqual(8);
    expect(report.display).toBe(report.expectedDisplay);
    expect(report.lang).toBe(lang);
    expect(problems).toEqual([]);
  });
}

test('a TeX error would show up as .katex-error (the check above can fail)', async ({ page }) => {
  await openPreview(page);
  const html = await page.evaluate(async () => {
    const katex = (await import('/www/vendor/katex/katex.mjs')).default;
    const { renderMath } = await import('/www/notebook.js');
    return renderMath(String.raw`<p>ok \(x^2\) and broken \(\frac{1}{\)</p>`, katex);
  });
  expect(html).toContain('katex-error');
  expect(html).not.toContain(String.raw`\(x^2\)`);
});

test('the table of contents lists every section, and every link in the text lands on an element', async ({ page }) => {
  await openPreview(page);
  const { toc, sections, broken, slots } = await page.evaluate(() => {
    const ids = (sel) => [...document.querySelectorAll(sel)].map((a) => a.getAttribute('href'));
    const hrefs = [...ids('#toc a'), ...ids('.prose-cell a[href^="#"]')];
    return {
      toc: ids('#toc a'),
      sections: [...document.querySelectorAll('section.nb-section')].map((s) => s.id),
      broken: hrefs.filter((h) => !h.startsWith('#') || !document.getElementById(decodeURIComponent(h.slice(1)))),
      slots: [...document.querySelectorAll('.cell-slot')].map((s) => [s.dataset.cell, s.id]),
    };
  });
  expect(toc).toEqual(sections.map((id) => `#${id}`));
  expect(sections.length).toBe(8);
  expect(broken).toEqual([]);
  expect(slots.map(([name]) => name)).toEqual(EXPECTED_CELLS);
  for (const [name, id] of slots) expect(id).toBe(`slot-${name}`);
  // A TOC link scrolls its section into view.
  await page.locator('#toc a[href="#xavier"]').click();
  await expect(page.locator('#xavier h2')).toBeInViewport();
  expect(page.url()).toMatch(/#xavier$/);
});

test('switching language relabels the text and keeps the slots, their contents and open hints', async ({ page }) => {
  await openPreview(page, 'en');
  await page.evaluate(() => {
    for (const slot of document.querySelectorAll('.cell-slot')) slot.firstElementChild.dataset.marker = slot.dataset.cell;
    window.slotsBefore = [...document.querySelectorAll('.cell-slot')];
    window.innerBefore = window.slotsBefore.map((s) => s.firstElementChild);
  });
  const hint = page.locator('#summary-exercises details.hint').first();
  await hint.locator('summary').click();
  await expect(page.locator('#h-vanishing')).toHaveText('2. Vanishing gradients');
  await expect(page.locator('#toc summary')).toHaveText('Contents');

  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.locator('#h-vanishing')).toHaveText('2. Tiêu biến gradient');
  await expect(page.locator('#toc summary')).toHaveText('Mục lục');
  await expect(page.locator('#toc a[href="#exploding"]')).toHaveText('3. Bùng nổ gradient');
  await expect(page.locator('#vanishing-exploding .prose-cell').first()).toContainText('phần định trị');
  const kept = await page.evaluate(() => {
    const now = [...document.querySelectorAll('.cell-slot')];
    return {
      sameSlots: now.length === window.slotsBefore.length && now.every((s, i) => s === window.slotsBefore[i]),
      sameInner: now.every((s, i) => s.firstElementChild === window.innerBefore[i] && s.firstElementChild.dataset.marker === s.dataset.cell),
      errors: document.querySelectorAll('.katex-error').length,
      english: [...document.querySelectorAll('.prose-cell')].filter((c) => /\bthe\b.*\bthe\b/.test(c.textContent)).length,
    };
  });
  expect(kept).toEqual({ sameSlots: true, sameInner: true, errors: 0, english: 0 });
  await expect(hint).toHaveAttribute('open', '');
  await expect(hint.locator('summary')).toHaveText('Gợi ý');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('#h-vanishing')).toHaveText('2. Vanishing gradients');
  await expect(hint.locator('summary')).toHaveText('Hint');
});

for (const lang of ['en', 'vi']) {
  test(`${lang}: no horizontal scrolling on a 375 px phone, and the contents fold`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 740 });
    await openPreview(page, lang);
    // Open every hint: the widest content there is.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      view: document.documentElement.clientWidth,
      wide: [...document.querySelectorAll('.nb *')]
        .filter((e) => !(e instanceof SVGElement) && !e.closest('.katex-display, .katex-mathml') && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((e) => `${e.tagName}.${e.className}`).slice(0, 5),
    }));
    expect(widths.wide).toEqual([]);
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    // A display formula too wide for the phone scrolls inside its own box.
    const overflow = await page.evaluate(() => [...document.querySelectorAll('.katex-display')].map((d) => getComputedStyle(d).overflowX));
    expect(new Set(overflow)).toEqual(new Set(['auto']));
  });
}

test('phone: the table of contents starts folded and opens on tap', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await openPreview(page, 'vi');
  const toc = page.locator('#toc details');
  await expect(toc).not.toHaveAttribute('open', '');
  await expect(page.locator('#toc a').first()).toBeHidden();
  await page.locator('#toc summary').click();
  await expect(page.locator('#toc a').first()).toBeVisible();
});

test('projector: at 1920 px the contents stay in view beside the text while scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openPreview(page, 'en');
  await page.locator('#beyond').scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollBy(0, 400));
  await expect(page.locator('#toc a[href="#beyond"]')).toBeInViewport();
  const layout = await page.evaluate(() => {
    const toc = document.getElementById('toc').getBoundingClientRect();
    const text = document.querySelector('.nb-sections').getBoundingClientRect();
    return { side: toc.right <= text.left, textWidth: text.width, scroll: document.documentElement.scrollWidth };
  });
  expect(layout.side).toBe(true);
  expect(layout.textWidth).toBeGreaterThan(1000);
  expect(layout.scroll).toBeLessThanOrEqual(1920);
});
