// Embedding from another origin: a host page on a second port loads embed.js from the first and
// places two <grad-scope> elements; another host page holds embed.html in an iframe with
// embed-resize.js. Both host pages send the strict policy, widened only by gradscope's origin.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { expect } from './helpers.js';

const cli = 'target/debug/gradscope';
const fromJson = (v) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);

let host = null; // the second origin
let hostUrl = '';
let site = ''; // gradscope's origin, as the host pages name it

/** The strict policy, with gradscope's origin added where a host must add it, and `worker-src
 * blob:` for the engine's Worker (`workers: false`: a host that does not allow it). */
const policy = (other, { workers = true } = {}) =>
  [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${other}`,
    `style-src 'self' 'unsafe-inline' ${other}`,
    "img-src 'self' data: blob:",
    `font-src 'self' ${other}`,
    `connect-src 'self' ${other}`,
    `frame-src 'self' ${other}`,
    ...(workers ? [`worker-src 'self' blob: ${other}`] : []),
  ].join('; ');

/** A hostile host style sheet: a reset, a large base font, content-box sizing. */
const HOSTILE_CSS = `
  html { font-size: 28px; } * { box-sizing: content-box !important; margin: 0; padding: 0; }
  body { font-family: Georgia, serif; line-height: 3; color: #c00; }
  button, input, select { all: unset; } canvas { display: none; }`;

const LARGE_PAGE_BODY = `<grad-scope id="a" cell="gradients" lang="en" depth="200" width="128" batch="128"
      activation="relu" init="he-normal" sigma="1" precision="f64"></grad-scope>`;
let LARGE_PAGE = '';

const pages = {
  '/elements.html': () => `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
    <style>${HOSTILE_CSS}</style>
    <script type="module" src="${site}embed.js"></script></head><body>
    <h1>A course page</h1>
    <grad-scope id="a" cell="gradients" depth="12" sigma="0.5" activation="tanh" width="16" batch="8"
      lock="depth,activation" hide="pytorch"></grad-scope>
    <grad-scope id="b" cell="product" steps="60" sigma="99" lang="en"></grad-scope>
    </body></html>`,
  '/iframe.html': () => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
    <script src="${site}embed-resize.js"></script></head><body>
    <iframe id="f" src="${site}embed.html#cell=gradients&depth=10&width=16&batch=8&lang=en" title="gradscope"
      style="width: 900px; height: 300px; border: 0"></iframe>
    <iframe id="other" src="/forger.html" title="forger" style="width: 10px; height: 10px"></iframe>
    </body></html>`,
  // The main widget at the largest setting, on a host that allows the engine's Worker
  // (/large.html) and on one whose policy does not (/large-strict.html).
  '/large.html': () => LARGE_PAGE,
  '/large-strict.html': () => LARGE_PAGE,
  // A window that is not the gradscope iframe, posting a resize message to its parent.
  '/forger.html': () => `<!doctype html><html><head><script src="/forger.js"></script></head><body></body></html>`,
  '/forger.js': () => `window.parent.postMessage({ type: 'gradscope:resize', height: 17 }, '*');
    window.addEventListener('message', (e) => { if (e.data === 'again') window.parent.postMessage({ type: 'gradscope:resize', height: 23 }, '*'); });`,
};

test.beforeAll(async ({ baseURL }) => {
  site = baseURL;
  LARGE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,">
    <script type="module" src="${site}embed.js"></script></head><body><h1>A course page</h1>
    ${LARGE_PAGE_BODY}</body></html>`;
  const siteOrigin = new URL(baseURL).origin;
  host = createServer((req, res) => {
    const make = pages[new URL(req.url, 'http://x').pathname];
    if (!make) {
      res.writeHead(404);
      res.end();
      return;
    }
    const js = req.url.endsWith('.js');
    const workers = !req.url.includes('-strict');
    res.writeHead(200, { 'Content-Type': js ? 'text/javascript' : 'text/html; charset=utf-8', 'Content-Security-Policy': policy(siteOrigin, { workers }) });
    res.end(make());
  });
  await new Promise((ok) => host.listen(0, '127.0.0.1', ok));
  hostUrl = `http://127.0.0.1:${host.address().port}`;
  expect(new URL(hostUrl).origin).not.toBe(siteOrigin);
  if (!existsSync(cli)) execFileSync('cargo', ['build', '-q', '-p', 'gradscope-cli'], { stdio: 'inherit' });
});

test.afterAll(() => host?.close());

/** Records policy violations, page errors and console errors from the start. */
async function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** Waits for element `id`'s next `change` (after `act`), and returns its detail. */
function nextChange(page, id, act) {
  return page.evaluate(
    ([id, act]) =>
      new Promise((ok) => {
        const el = document.getElementById(id);
        el.addEventListener('change', (e) => ok(JSON.parse(JSON.stringify(e.detail))), { once: true });
        // eslint-disable-next-line no-new-func
        new Function('el', act)(el);
      }),
    [id, act],
  );
}

test('two elements on another origin share one engine, follow their attributes, lock and clamp', async ({ page }) => {
  const problems = await watch(page);
  const wasmLoads = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.wasm')) wasmLoads.push(r.url());
  });
  await page.goto(`${hostUrl}/elements.html`);
  await page.waitForFunction(() => ['a', 'b'].every((id) => document.getElementById(id)?.result));

  // One wasm instance for the page, loaded once, from gradscope's origin.
  expect(wasmLoads.length).toBe(1);
  expect(new URL(wasmLoads[0]).origin).toBe(new URL(site).origin);
  expect(await page.evaluate(async () => (await import(document.querySelector('script[type=module]').src)).stats.engineLoads)).toBe(1);

  // Each has its own state, from its attributes; the host's language (vi) unless it says otherwise.
  const a = await page.evaluate(() => document.getElementById('a').state);
  expect(a).toMatchObject({ depth: 12, sigma: 0.5, activation: 'tanh', width: 16, batch: 8 });
  const b = await page.evaluate(() => document.getElementById('b').state);
  expect(b).toMatchObject({ steps: 60, sigma: 10 });
  expect(await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('.gs-frame').lang)).toBe('vi');
  expect(await page.evaluate(() => document.getElementById('b').shadowRoot.querySelector('.gs-frame').lang)).toBe('en');

  // The out-of-range σ is clamped, with a visible note beside σ.
  const note = page.locator('#b [data-note="sigma"]');
  await expect(note).toBeVisible();
  await expect(note).toContainText('99');

  // Both draw, at a real size, despite the host's hostile CSS.
  for (const id of ['a', 'b']) {
    const box = await page.evaluate((id) => {
      const c = document.getElementById(id).shadowRoot.querySelector('canvas');
      const r = c.getBoundingClientRect();
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 200) ink += 1;
      return { w: r.width, h: r.height, ink };
    }, id);
    expect(box.w).toBeGreaterThan(250);
    expect(box.h).toBeGreaterThan(200);
    expect(box.ink).toBeGreaterThan(500);
  }
  // rem sizes count from the element's 16 px, not the host's 28 px.
  const headingSize = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById('a').shadowRoot.querySelector('h3')).fontSize));
  expect(headingSize).toBeLessThan(28);

  // A locked control cannot be changed by mouse or keyboard.
  const depthRange = page.locator('#a input[type="range"][data-field="depth"]');
  await expect(depthRange).toBeDisabled();
  await depthRange.click({ force: true }).catch(() => {});
  await page.keyboard.press('ArrowRight');
  await page.locator('#a input[type="number"][data-field="depth"]').press('ArrowUp').catch(() => {});
  await expect(page.locator('#a select[data-field="activation"]')).toBeDisabled();
  expect(await page.evaluate(() => document.getElementById('a').state.depth)).toBe(12);
  // Hidden parts are gone from view.
  await expect(page.locator('#a [data-out="pytorch"]')).toBeHidden();

  // Setting an attribute changes the state, the numbers and the chart.
  const before = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').toDataURL());
  const detail = await nextChange(page, 'a', "el.setAttribute('sigma', '2')");
  expect(detail.state.sigma).toBe(2);
  const after = await page.evaluate(() => document.getElementById('a').shadowRoot.querySelector('canvas').toDataURL());
  expect(after).not.toBe(before);

  // The change event's per-layer numbers are the CLI's for the same settings (f64, 1e-9).
  const s = detail.state;
  const args = ['grads', '--format', 'json'];
  for (const k of ['depth', 'width', 'batch', 'activation', 'init', 'sigma', 'seed', 'precision']) args.push(`--${k}`, String(s[k]));
  const native = JSON.parse(execFileSync(cli, args, { encoding: 'utf8' }));
  expect(detail.result.layers.length).toBe(native.layers.length);
  let compared = 0;
  native.layers.forEach((n, i) => {
    for (const key of ['grad_norm', 'backward_norm', 'preact_std']) {
      const x = fromJson(n[key]);
      const y = detail.result.layers[i][key];
      expect(Math.abs(x - y) / Math.abs(x), `layer ${i + 1} ${key}`).toBeLessThanOrEqual(1e-9);
      compared += 1;
    }
  });
  expect(compared).toBe(3 * s.depth);

  // `el.state = …` is checked like an attribute.
  const viaState = await nextChange(page, 'b', 'el.state = { steps: 1e9 }');
  expect(viaState.state.steps).toBe(await page.evaluate(() => document.getElementById('b').fields.steps.max));

  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);
});

/** Presses ArrowRight `presses` times on element a's σ slider; resolves, once its last `change`
 * is the latest state's, with the long tasks meanwhile, the state and that change's result. */
async function pressSigma(page, presses) {
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((list) => window.__long.push(...list.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
  });
  await page.locator('#a input[type="range"][data-field="sigma"]').focus();
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('ArrowRight');
    await page.waitForTimeout(130);
  }
  await page.waitForFunction(() => {
    const el = document.getElementById('a');
    return el.changes?.at(-1)?.state.sigma === el.state.sigma;
  });
  return page.evaluate(() => {
    const el = document.getElementById('a');
    return { long: window.__long, state: el.state, result: el.changes.at(-1).result };
  });
}

test('on another origin the element computes in a Worker (worker-src blob:): no long task at the largest setting; without it, on the page', async ({ page }) => {
  test.setTimeout(120000);
  const problems = await watch(page);
  const statsOf = () => page.evaluate(async () => ({ ...(await import(document.querySelector('script[type=module]').src)).stats }));
  // Every `change` of element a, in order (state and result).
  await page.addInitScript(() => {
    document.addEventListener('change', (e) => {
      if (e.target.id === 'a') (e.target.changes ??= []).push(JSON.parse(JSON.stringify(e.detail)));
    }, true);
  });

  // A host that allows the engine's Worker: σ moves at 200 × 128 × 128 (f64) with no long task.
  await page.goto(`${hostUrl}/large.html`);
  await page.waitForFunction(() => document.getElementById('a')?.result?.layers?.length === 200, null, { timeout: 60000 });
  expect(await statsOf()).toEqual({ engineLoads: 1, engineWorkers: 1 });
  const moved = await pressSigma(page, 6);
  expect(moved.long.filter((d) => d > 50)).toEqual([]);
  expect(moved.state.sigma).toBeGreaterThan(1);
  // The Worker's numbers for the last σ are the CLI's (f64, 1e-9).
  const args = ['grads', '--format', 'json'];
  for (const k of ['depth', 'width', 'batch', 'activation', 'init', 'sigma', 'seed', 'precision']) args.push(`--${k}`, String(moved.state[k]));
  const native = JSON.parse(execFileSync(cli, args, { encoding: 'utf8' }));
  expect(moved.result.layers.length).toBe(native.layers.length);
  native.layers.forEach((n, i) => {
    const x = fromJson(n.grad_norm);
    expect(Math.abs(x - moved.result.layers[i].grad_norm) / Math.abs(x), `layer ${i + 1}`).toBeLessThanOrEqual(1e-9);
  });
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);

  // A host whose policy has no worker-src blob:: the Worker is refused (the one violation), and
  // the element computes on the page's thread, as before.
  problems.length = 0;
  await page.goto(`${hostUrl}/large-strict.html`);
  await page.waitForFunction(() => document.getElementById('a')?.result?.layers?.length === 200, null, { timeout: 60000 });
  expect(await statsOf()).toEqual({ engineLoads: 1, engineWorkers: 0 });
  const here = await pressSigma(page, 1);
  expect(here.state.sigma).toBeGreaterThan(1);
  expect(here.result.layers.length).toBe(200);
  const violations = await page.evaluate(() => window.__violations);
  expect(violations.length).toBeGreaterThan(0);
  for (const v of violations) expect(v).toMatch(/^worker-src blob/);
  for (const p of problems) expect(p).toMatch(/worker/i);
});

test('an arrow key on a slider inside the element does not reach the host page', async ({ page }) => {
  await watch(page);
  await page.goto(`${hostUrl}/elements.html`);
  await page.waitForFunction(() => document.getElementById('b')?.result);
  await page.evaluate(() => {
    window.__hostKeys = 0;
    document.addEventListener('keydown', () => (window.__hostKeys += 1));
  });
  // σ starts at its maximum (the attribute said 99): the left arrow moves it down.
  const sigma = page.locator('#b input[type="range"][data-field="sigma"]');
  await sigma.focus();
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.getElementById('b').state.sigma < 10);
  expect(await page.evaluate(() => window.__hostKeys)).toBe(0);
});

test('the iframe grows to its content and ignores resize messages from other windows', async ({ page }) => {
  await watch(page);
  await page.goto(`${hostUrl}/iframe.html`);
  const frame = page.frameLocator('#f');
  await expect(frame.locator('canvas').first()).toBeVisible();
  const contentHeight = async () => {
    const f = page.frames().find((x) => x.url().includes('embed.html'));
    return f.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  };
  const iframeHeight = () => page.evaluate(() => document.getElementById('f').getBoundingClientRect().height);
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await contentHeight()))).toBeLessThanOrEqual(10);
  const closed = await iframeHeight();
  // Open the table: the content grows, and so does the iframe.
  await frame.locator('[data-action="table"]').click();
  await expect.poll(async () => (await iframeHeight()) - closed).toBeGreaterThan(100);
  await expect.poll(async () => Math.abs((await iframeHeight()) - (await contentHeight()))).toBeLessThanOrEqual(10);
  // A message from another window (the forger frame, or the page itself) changes nothing.
  const settled = await iframeHeight();
  await page.evaluate(() => {
    document.getElementById('other').contentWindow.postMessage('again', '*');
    window.postMessage({ type: 'gradscope:resize', height: 31 }, '*');
  });
  await page.waitForTimeout(300);
  expect(await iframeHeight()).toBe(settled);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('embed.html shows one cell from its hash, with the element’s checks, under the strict policy', async ({ page }) => {
  const problems = await watch(page);
  const response = await page.goto('./embed.html#cell=product&prod.steps=60&prod.sigma=abc&lock=steps&hide=table&lang=vi&theme=projector');
  expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(await page.locator('meta[name="responsive-embedded-sizing"]').count()).toBe(1);
  await page.waitForFunction(() => window.gradscopeEmbed?.result);
  expect(await page.evaluate(() => window.gradscopeEmbed.state)).toMatchObject({ steps: 60, sigma: 1 });
  await expect(page.locator('[data-note="sigma"]')).toBeVisible();
  expect(await page.locator('.note').allTextContents()).not.toContainEqual(expect.stringContaining('prod.steps'));
  for (const input of await page.locator('[data-field="steps"]').all()) await expect(input).toBeDisabled();
  expect(await page.locator('[data-field="steps"]').count()).toBeGreaterThan(0);
  await expect(page.locator('[data-action="table"]')).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  expect(await page.locator('.cell').count()).toBe(1);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
  expect(problems).toEqual([]);
});

test('embed.html says which hash keys it ignored (a typo, another cell\'s key), literally, in the page language', async ({ page }) => {
  const problems = await watch(page);
  await page.goto(`./embed.html#cell=gradients&sigma=2&g.sigma=3&${encodeURIComponent('<b>x</b>')}=1&lang=vi`);
  await page.waitForFunction(() => window.gradscopeEmbed?.result);
  // The known key took effect; the two others are named, as text, and nothing else is.
  expect(await page.evaluate(() => window.gradscopeEmbed.state.sigma)).toBe(2);
  const notes = await page.locator('.note').allTextContents();
  const ignored = notes.filter((n) => n.includes('trong địa chỉ không phải tham số của ô này'));
  expect(ignored).toHaveLength(2);
  expect(ignored.some((n) => n.includes('“g.sigma”'))).toBe(true);
  expect(ignored.some((n) => n.includes('“<b>x</b>”'))).toBe(true);
  expect(await page.evaluate(() => window.gradscopeEmbed.shadowRoot.querySelectorAll('.note b').length)).toBe(0);
  expect(problems).toEqual([]);
});

test('export: the SVG is the chart as SVG, the PNG decodes at twice the size, the CSV has a row per layer', async ({ page }) => {
  await page.goto('./#depth=9&width=16&batch=8');
  await page.evaluate(() => window.gradscope.mountAll());
  await page.waitForFunction(() => window.gradscope.cells.grad?.computes > 0);
  const cell = page.locator('#cell-gradients');
  const read = async (kind) => {
    const [download] = await Promise.all([page.waitForEvent('download'), cell.locator(`[data-export="${kind}"]`).first().click()]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  };
  const svg = await read('svg');
  expect(svg.name).toMatch(/^gradscope-gradients-.*depth9.*\.svg$/);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, text: doc.documentElement.textContent };
  }, svg.bytes.toString('utf8'));
  expect(parsed.root).toBe('svg');
  expect(parsed.error).toBe(false);
  const title = await page.evaluate(() => window.gradscope.cells.grad.root.querySelector('canvas') && document.querySelector('html').lang);
  expect(title).toBe('en');
  expect(parsed.text).toContain('Gradient');

  const png = await read('png');
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  const size = await page.evaluate(async (bytes) => {
    const img = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const c = window.gradscope.cells.grad.root.querySelector('canvas');
    return { w: img.width, h: img.height, cw: c.clientWidth, ch: c.clientHeight };
  }, [...png.bytes]);
  expect(size.w).toBe(Math.round(size.cw * 2));
  expect(size.h).toBe(Math.round(size.ch * 2));

  const csv = await read('csv');
  const rows = csv.bytes.toString('utf8').trim().split(/\r\n/);
  expect(rows.length).toBe(1 + 9);
  expect(rows[1].split(',')[0]).toBe('1');
  expect(Number(rows[1].split(',')[1])).toBeGreaterThan(0);
});

test('the main widget alone loads its own small build; its SVG button and PyTorch panel load what they need when pressed', async ({ page }) => {
  const problems = await watch(page);
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('./embed.html#cell=gradients&depth=7&width=16&batch=8&lang=en');
  await page.waitForFunction(() => window.gradscopeEmbed?.result);
  const wasmFiles = () => requested.filter((p) => p.endsWith('.wasm'));
  expect(wasmFiles()).toEqual(['/www/pkg-widget/gradscope_web_bg.wasm']);
  expect(requested.some((p) => p.endsWith('/pytorch.js'))).toBe(false);

  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-export="svg"]').first().click()]);
  expect(download.suggestedFilename()).toMatch(/^gradscope-gradients-.*depth7.*\.svg$/);
  const { readFileSync } = await import('node:fs');
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { root: doc.documentElement.nodeName, error: doc.querySelector('parsererror') !== null, text: doc.documentElement.textContent };
  }, readFileSync(await download.path(), 'utf8'));
  expect(parsed).toMatchObject({ root: 'svg', error: false });
  expect(parsed.text).toContain('Gradient');
  expect(wasmFiles()).toEqual(['/www/pkg-widget/gradscope_web_bg.wasm', '/www/pkg/gradscope_web_bg.wasm']);

  await page.locator('.pytorch-toggle').click();
  await expect(page.locator('.pytorch code')).toContainText('L, n, B = 7, 16, 8');
  expect(requested.filter((p) => p.endsWith('/pytorch.js'))).toHaveLength(1);
  expect(problems).toEqual([]);
});

test('share / embed: the snippets carry the current state and follow the lock and hide boxes', async ({ page }) => {
  await page.goto('./#depth=40&sigma=0.2');
  await page.evaluate(() => window.gradscope.mountAll());
  await page.waitForFunction(() => window.gradscope.cells.grad?.computes > 0);
  const cell = page.locator('#notebook #cell-gradients');
  await cell.locator('.share-open').click();
  const dialog = cell.locator('dialog.share-dialog');
  await expect(dialog).toBeVisible();
  await dialog.locator('input[data-share="lock"][value="depth"]').check();
  await dialog.locator('input[data-share="hide"][value="table"]').check();
  const value = (kind) => dialog.locator(`[data-snippet="${kind}"]`).inputValue();
  expect(await value('link')).toMatch(/#.*depth=40/);
  // HTML attribute values: & is written &amp;.
  expect(await value('iframe')).toContain('embed.html#cell=gradients&amp;depth=40&amp;sigma=0.2&amp;lock=depth&amp;hide=table"');
  expect(await value('element')).toContain('<grad-scope cell="gradients" depth="40" sigma="0.2" lock="depth" hide="table"');
  expect(await value('python')).toContain('gradscope.Widget(cell="gradients", depth=40, sigma=0.2, lock=["depth"], hide=["table"]');
  // The element snippet works: its attributes give the same state in an element on this page.
  const html = await value('element');
  const state = await page.evaluate(async (markup) => {
    await import(new URL('embed.js', window.location.href).href);
    const box = document.createElement('div');
    box.innerHTML = markup.split('\n')[1];
    document.body.append(box);
    const el = box.querySelector('grad-scope');
    await el.whenReady();
    return el.state;
  }, html);
  expect(state).toMatchObject({ depth: 40, sigma: 0.2 });
  await dialog.locator('.share-close').click();
  await expect(dialog).toBeHidden();
});

test('themes: an element takes the projector theme (larger type, thicker chart lines), a bad theme is noted', async ({ page }) => {
  await page.goto('./embed.html#cell=product&theme=projector');
  await page.waitForFunction(() => window.gradscopeEmbed?.result);
  const projector = await page.evaluate(() => {
    const el = window.gradscopeEmbed;
    const frame = el.shadowRoot.querySelector('.gs-frame');
    return { theme: frame.dataset.theme, font: parseFloat(getComputedStyle(frame).fontSize), ink: inkOf(el) };
    function inkOf(e) {
      const c = e.shadowRoot.querySelector('canvas');
      const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i] < 128) n += 1;
      return n / (c.width * c.height);
    }
  });
  await page.goto('about:blank');
  await page.goto('./embed.html#cell=product&theme=neon');
  await page.waitForFunction(() => window.gradscopeEmbed?.result);
  const plain = await page.evaluate(() => {
    const el = window.gradscopeEmbed;
    const frame = el.shadowRoot.querySelector('.gs-frame');
    const c = el.shadowRoot.querySelector('canvas');
    const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i] < 128) n += 1;
    return { theme: frame.dataset.theme ?? null, font: parseFloat(getComputedStyle(frame).fontSize), ink: n / (c.width * c.height), notes: el.shadowRoot.querySelector('.embed-notes').textContent };
  });
  expect(projector.theme).toBe('projector');
  expect(plain.theme).toBeNull();
  expect(plain.notes).toContain('neon');
  expect(projector.font).toBeGreaterThan(plain.font);
  // Thicker lines and larger text put more dark ink on the same canvas.
  expect(projector.ink).toBeGreaterThan(1.2 * plain.ink);
});
