// Shared steps for the browser tests.
import { expect, test } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';

/**
 * Opens the page at `hash` (and `query`), records console problems and failed requests. Every
 * cell is mounted (`window.gradscope.mountAll()`): the page mounts a cell when it nears the
 * viewport, and the tests read and drive cells anywhere on the page without scrolling
 * (tests/lazy-mount.spec.js checks the lazy mounting itself).
 */
export async function openPage(page, { hash = '', query = '' } = {}) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(`./${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`);
  await page.evaluate(() => window.gradscope.mountAll());
  await page.waitForFunction(() => window.gradscope.cells.grad && window.gradscope.cells.grad.computes > 0);
  return problems;
}

/** Waits until every pending frame has run, then returns the widget's table as numbers. */
export async function readTable(page, cellSelector = '#cell-gradients') {
  await settle(page);
  return page.$$eval(`${cellSelector} table.numbers tbody tr`, (rows) =>
    rows.map((r) => ({
      layer: Number(r.cells[0].textContent),
      grad: Number(r.cells[1].dataset.value),
      backward: Number(r.cells[2].dataset.value),
      forward: Number(r.cells[3].dataset.value),
      status: r.cells[4].dataset.status,
    })),
  );
}

/** Lets two animation frames pass, so that the latest input has been computed and drawn. */
export async function settle(page) {
  await page.evaluate(() =>
    window.gradscope?.settled
      ? window.gradscope.settled()
      : new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );
}

/** The widget's current state object. */
export const gradState = (page) => page.evaluate(() => ({ ...window.gradscope.cells.grad.state }));

/** A short fingerprint of a canvas' pixels. */
export async function canvasFingerprint(page, selector) {
  return page.$eval(selector, (c) => {
    const ctx = c.getContext('2d');
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let h = 2166136261;
    for (let i = 0; i < data.length; i += 7) h = Math.imul(h ^ data[i], 16777619) >>> 0;
    return `${c.width}x${c.height}:${h}`;
  });
}

export { expect };

/**
 * Opens every table, every PyTorch panel and every hint under `root` (a selector), inside the
 * open shadow roots of <grad-scope> elements too, so that a check sees all of it; then lets the
 * cells redraw.
 */
export async function openEverything(page, root = 'body') {
  await page.evaluate((sel) => {
    const scopes = [document.querySelector(sel)];
    for (let i = 0; i < scopes.length; i += 1) {
      for (const el of scopes[i].querySelectorAll('*')) if (el.shadowRoot) scopes.push(el.shadowRoot);
    }
    for (const scope of scopes) {
      for (const b of scope.querySelectorAll('[data-action="table"][aria-expanded="false"], .pytorch-toggle[aria-expanded="false"]')) b.click();
      for (const d of scope.querySelectorAll('details')) d.open = true;
    }
  }, root);
  await settle(page);
}

/**
 * Every axe-core violation, of any impact, under `include` (a selector; the whole page by
 * default), as one line each: "rule (impact): target | target". For the notebook and embed.html.
 */
export async function axeViolations(page, include) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => `${n.target.join(' ')} ${n.any[0]?.message ?? ''}`).join(' | ')}`,
  );
}

/**
 * WCAG AA contrast under `root` (a selector), measured in the page: every visible element with
 * text of its own (and every form control showing a value) against its effective background,
 * found by walking up and compositing background colours (and opacity), needs 4.5:1, or 3:1 for
 * large text (24 px, or 18.66 px bold); the outline of every button, select and text box needs
 * 3:1 against what is behind it. Returns the failures, one line each.
 */
export async function contrastFailures(page, root = 'body') {
  await installContrast(page);
  return page.evaluate((sel) => {
    const { rgba, over, ratio, background, opacity, visible } = window.__contrast;
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.value || el.textContent).trim().slice(0, 30)}"`;
    const failures = [];
    const scope = document.querySelector(sel);
    const CONTROL = 'button, select, input[type="number"], input[type="text"], input:not([type])';
    for (const el of scope.querySelectorAll('*')) {
      if (el.closest('svg, canvas, script, style') || el.matches(':disabled')) continue;
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim() !== '');
      const showsValue = el.matches('select, input[type="number"], input[type="text"]') && el.value !== '';
      const control = el.matches(CONTROL);
      if ((!ownText && !showsValue && !control) || !visible(el)) continue;
      const s = getComputedStyle(el);
      const bg = background(el);
      if (ownText || showsValue) {
        const ink = rgba(s.color);
        const fg = over({ ...ink, a: ink.a * opacity(el) }, bg);
        const size = parseFloat(s.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
        const need = large ? 3 : 4.5;
        const got = ratio(fg, bg);
        if (got < need) failures.push(`text ${name(el)}: ${got.toFixed(2)} < ${need}`);
      }
      if (control && parseFloat(s.borderTopWidth) >= 1) {
        const behind = background(el.parentElement);
        const edge = Math.max(ratio(over(rgba(s.borderTopColor), behind), behind), ratio(bg, behind));
        if (edge < 3) failures.push(`outline ${name(el)}: ${edge.toFixed(2)} < 3`);
      }
    }
    return failures;
  }, root);
}

/**
 * Puts `window.__contrast` into the page: {rgba(css), over(top, bottom), ratio(a, b) (WCAG),
 * background(el) (the opaque colour behind el: its and its ancestors' backgrounds composited),
 * opacity(el), visible(el) (rendered, in the document, not clipped to a pixel)}.
 */
export async function installContrast(page) {
  await page.evaluate(() => {
    const rgba = (text) => {
      const m = /rgba?\(([^)]+)\)/.exec(text);
      if (!m) throw new Error(`unreadable colour ${text}`);
      const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const over = (top, bottom) => ({
      r: top.r * top.a + bottom.r * (1 - top.a),
      g: top.g * top.a + bottom.g * (1 - top.a),
      b: top.b * top.a + bottom.b * (1 - top.a),
      a: 1,
    });
    const luminance = ({ r, g, b }) => {
      const lin = (c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const ratio = (x, y) => {
      const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p);
      return (hi + 0.05) / (lo + 0.05);
    };
    const background = (el) => {
      const layers = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c.a > 0) layers.push(c);
        if (c.a >= 1) break;
      }
      // Nothing opaque up to the root: the browser's canvas, white.
      let colour = { r: 255, g: 255, b: 255, a: 1 };
      for (const c of layers.reverse()) colour = over(c, colour);
      return colour;
    };
    const opacity = (el) => {
      let o = 1;
      for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
      return o;
    };
    const visible = (el) => {
      if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1 || r.bottom + window.scrollY <= 0 || r.right + window.scrollX <= 0) return false;
      for (let e = el.parentElement; e; e = e.parentElement) {
        const s = getComputedStyle(e);
        if (s.overflow !== 'visible' && (e.clientWidth <= 1 || e.clientHeight <= 1)) return false;
      }
      return true;
    };
    window.__contrast = { rgba, over, ratio, background, opacity, visible };
  });
}

/** Builds the static site into `out` (scripts/build-site.mjs `--out out`, as `npm run build`
 * does into dist/) before this file's tests and serves it under `prefix` on `port`, as a plain
 * static host would (scripts/serve.mjs --root). Returns `build(extra)`, to build it again. */
export function serveBuiltSite({ out, prefix, port }) {
  let server;
  const build = (extra = []) =>
    execFileSync(process.execPath, ['scripts/build-site.mjs', '--out', out, ...extra], { stdio: 'inherit' });
  test.beforeAll(async () => {
    build();
    server = spawn(process.execPath, ['scripts/serve.mjs', '--root', out, '--prefix', prefix, '--port', String(port)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((ok) => server.stdout.once('data', ok));
  });
  test.afterAll(() => server?.kill());
  return build;
}

/** Whether the page can fetch a file the build does not have (false when the network is off). */
export function fetchesMissing(page) {
  return page.evaluate(() => fetch('./not-in-the-build.txt').then(() => true, () => false));
}

