// The examples that npm start serves (issue 8 §6): the reveal.js deck, the LMS pages and the blog
// post, each under the strict policy the server sends. Every page must load with no console
// error, no page error, no failed request and no policy violation (in any of its frames), and
// every widget on it must compute. On the deck, a slider dragged under reveal's scaling lands
// under the pointer, and an arrow key on a focused slider moves the slider, not the slide.
import { test } from '@playwright/test';
import { expect } from './helpers.js';

/**
 * Records, from the start and in every frame, what must not happen on an example page: a page
 * error, a console error, a failed request, an HTTP error and a policy violation.
 */
async function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  // Init scripts run in every frame, the iframes' included.
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

/** Waits until every <grad-scope> in `frame` (a page or a frame) has computed. */
async function allComputed(frame, ids) {
  for (const id of ids) await frame.waitForFunction((id) => document.getElementById(id)?.result != null, id, { timeout: 60_000 });
}

/** The policy the server sent for `path`, to be sure the page was tested under it. */
async function policyOf(page, path) {
  const response = await page.request.get(path);
  return response.headers()['content-security-policy'];
}

test('the blog post: two elements, their locks and hidden parts, under the strict policy', async ({ page }) => {
  const problems = await watch(page);
  expect(await policyOf(page, './examples/blog.html')).toContain("script-src 'self' 'wasm-unsafe-eval'");
  await page.goto('./examples/blog.html');
  const ids = await page.$$eval('grad-scope', (els) => els.map((e) => e.id));
  expect(ids.length).toBe(2);
  for (const id of ids) await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await allComputed(page, ids);
  // Each element's attributes: its state, its locked fields disabled, its hidden fields and parts
  // out of view (hidden and not displayed).
  for (const id of ids) {
    const spec = await page.$eval(`#${id}`, (el) => ({
      lock: el.getAttribute('lock').split(','),
      hide: el.getAttribute('hide').split(','),
      fields: Object.keys(el.fields),
      attrs: Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])),
      state: el.state,
    }));
    for (const f of spec.fields) {
      if (spec.attrs[f] !== undefined && typeof spec.state[f] === 'number') expect(spec.state[f], `${id} ${f}`).toBe(Number(spec.attrs[f]));
    }
    for (const f of spec.lock) {
      const controls = page.locator(`#${id} [data-field="${f}"]`);
      expect(await controls.count(), `${id} lock ${f}`).toBeGreaterThan(0);
      for (const c of await controls.all()) await expect(c).toBeDisabled();
    }
    for (const name of spec.hide) {
      const selector = spec.fields.includes(name) ? `[data-field="${name}"]` : `[data-out="${name}"], [data-part="${name}"]`;
      const shown = await page.$eval(`#${id}`, (el, sel) => [...el.shadowRoot.querySelectorAll(sel)].filter((e) => e.checkVisibility()).length, selector);
      expect(shown, `${id} hide ${name}`).toBe(0);
    }
    // What is neither locked nor hidden is still there to use.
    const free = spec.fields.find((f) => !spec.lock.includes(f) && !spec.hide.includes(f) && f !== 'widths');
    await expect(page.locator(`#${id} [data-field="${free}"]`).first()).toBeEnabled();
  }
  expect(problems).toEqual([]);
});

test('the LMS page: iframes only, sized by embed-resize.js, each computing', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('./examples/lms.html');
  expect(await page.locator('grad-scope').count()).toBe(0);
  const frames = await page.$$('iframe');
  expect(frames.length).toBe(2);
  for (const handle of frames) {
    await handle.scrollIntoViewIfNeeded();
    const frame = await handle.contentFrame();
    await frame.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
    // The frame took its content's height, not the height written on it.
    const written = Number(await handle.getAttribute('height'));
    const content = () => frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    await expect.poll(async () => Math.abs((await handle.boundingBox()).height - (await content()))).toBeLessThanOrEqual(10);
    expect(await content()).not.toBe(written);
  }
  expect(problems).toEqual([]);
});

test('the LMS page that strips scripts: a fixed-height iframe that scrolls and still computes', async ({ page }) => {
  const problems = await watch(page);
  await page.goto('./examples/lms-canvas.html');
  expect(await page.locator('script').count()).toBe(0);
  const handle = await page.$('iframe');
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.gradscopeEmbed?.result != null, null, { timeout: 60_000 });
  const written = Number(await handle.getAttribute('height'));
  expect((await handle.boundingBox()).height).toBe(written);
  // The content is taller than the frame, and the frame scrolls to it.
  const { scroll, client } = await frame.evaluate(() => ({ scroll: document.scrollingElement.scrollHeight, client: document.scrollingElement.clientHeight }));
  expect(scroll).toBeGreaterThan(client);
  await frame.evaluate(() => window.scrollTo(0, document.scrollingElement.scrollHeight));
  expect(await frame.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

/** Opens the deck at its first slide and waits for reveal. */
async function openDeck(page) {
  const problems = await watch(page);
  await page.goto('./examples/reveal/');
  await page.waitForFunction(() => window.Reveal?.isReady());
  return problems;
}

/** Shows the slide holding element `id` and waits until its widget has computed. */
async function showWidget(page, id) {
  const { h, v } = await page.evaluate((id) => window.Reveal.getIndices(document.getElementById(id).closest('section')), id);
  await page.evaluate(([h, v]) => window.Reveal.slide(h, v), [h, v]);
  await allComputed(page, [id]);
  const indices = await page.evaluate(() => window.Reveal.getIndices());
  expect(indices.h).toBe(h);
  // Reveal's slide transition has ended and it has laid the slide out again after the widget
  // grew: the widget's box on screen is the same over several frames.
  await stableBox(page.locator(`#${id}`));
  return indices;
}

/** The on-screen box of `locator` once it has stayed the same for 5 frames in a row (10 s at most). */
async function stableBox(locator) {
  return locator.evaluate((el) => new Promise((ok, fail) => {
    const key = () => { const r = el.getBoundingClientRect(); return `${r.x},${r.y},${r.width},${r.height}`; };
    let last = key();
    let same = 0;
    const until = performance.now() + 10000;
    const frame = () => {
      const now = key();
      same = now === last ? same + 1 : 0;
      last = now;
      if (same >= 5) ok(now);
      else if (performance.now() > until) fail(new Error(`the box of ${el.id} kept moving: ${now}`));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }));
}

test('the reveal.js deck: self-hosted, every widget slide computes, the Vietnamese one in Vietnamese', async ({ page }) => {
  const problems = await openDeck(page);
  // reveal.js comes from this site (no CDN): every script and style sheet is same-origin.
  const origin = new URL(page.url()).origin;
  const assets = await page.$$eval('script[src], link[rel="stylesheet"]', (els) => els.map((e) => e.src || e.href));
  expect(assets.some((a) => a.includes('/www/vendor/reveal/'))).toBe(true);
  for (const a of assets) expect(new URL(a).origin).toBe(origin);
  expect(await page.evaluate(() => window.Reveal.VERSION)).toMatch(/^6\./);

  const ids = await page.$$eval('.reveal .slides grad-scope', (els) => els.map((e) => e.id));
  expect(ids.length).toBeGreaterThanOrEqual(2);
  for (const id of ids) {
    await showWidget(page, id);
    const lang = await page.$eval(`#${id}`, (el) => ({ slide: el.closest('section').lang, frame: el.shadowRoot.querySelector('.gs-frame').lang }));
    if (lang.slide) expect(lang.frame).toBe(lang.slide);
  }
  expect(await page.$$eval('.reveal .slides section[lang="vi"] grad-scope', (els) => els.length)).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1100, height: 700 },
]) {
  test(`the reveal.js deck at ${viewport.width}×${viewport.height}: a dragged slider lands under the pointer on the scaled slide`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const problems = await openDeck(page);
    await showWidget(page, 'deck-gradients');
    // reveal scales the slides: a transform (or zoom) on .slides with a scale away from 1.
    const scaled = await page.evaluate(() => {
      const slides = document.querySelector('.reveal .slides');
      const m = new DOMMatrixReadOnly(getComputedStyle(slides).transform);
      return { scale: m.a, zoom: Number(getComputedStyle(slides).zoom || 1), reveal: window.Reveal.getScale() };
    });
    const scale = scaled.scale * scaled.zoom;
    expect(Math.abs(scale - 1)).toBeGreaterThan(0.1);
    expect(scale).toBeCloseTo(scaled.reveal, 2);

    const slider = page.locator('#deck-gradients input[type="range"][data-field="sigma"]');
    await stableBox(slider);
    const box = await slider.boundingBox();
    const { min, max, step } = await slider.evaluate((el) => ({ min: Number(el.min), max: Number(el.max), step: Number(el.step) }));
    // On screen, the slider is as wide as its layout width times the scale.
    expect(box.width / (await slider.evaluate((el) => el.offsetWidth))).toBeCloseTo(scale, 1);
    // The thumb's centre runs from half a thumb inside one end to half a thumb inside the other;
    // the thumb is no wider than the slider is high. So the value under the pointer at fraction
    // f of the box is within (max − min)·h / (2(w − h)) of min + f·(max − min). The drag starts
    // on the thumb at the same kind of estimate, and the browser keeps that grab offset while
    // dragging: twice that, plus a step.
    const tolerance = ((max - min) * box.height) / (box.width - box.height) + step;
    expect(tolerance).toBeLessThan((max - min) / 8);
    for (const f of [0.8, 0.2, 0.65]) {
      // Where the slider is now (the deck lays the slide out again if the widget's height changed).
      await stableBox(slider);
      const at = await slider.boundingBox();
      const y = at.y + at.height / 2;
      const before = await page.$eval('#deck-gradients', (el) => el.state.sigma);
      const from = await slider.evaluate((el) => Number(el.value));
      const fromX = at.x + ((from - min) / (max - min)) * at.width;
      const toX = at.x + f * at.width;
      await page.mouse.move(fromX, y);
      await page.mouse.down();
      await page.mouse.move(toX, y, { steps: 8 });
      await page.mouse.up();
      const value = await slider.evaluate((el) => Number(el.value));
      expect(Math.abs(value - (min + f * (max - min))), `value ${value} at fraction ${f}`).toBeLessThanOrEqual(tolerance);
      // The widget took it: its σ changed with the slider.
      await expect.poll(() => page.$eval('#deck-gradients', (el) => el.state.sigma)).not.toBe(before);
    }
    expect(problems).toEqual([]);
  });
}

test('the reveal.js deck: ArrowRight on a focused slider moves the slider, not the slide', async ({ page }) => {
  const problems = await openDeck(page);
  const at = await showWidget(page, 'deck-gradients');
  const slider = page.locator('#deck-gradients input[type="range"][data-field="sigma"]');
  await slider.focus();
  const { value, step, max } = await slider.evaluate((el) => ({ value: Number(el.value), step: Number(el.step), max: Number(el.max) }));
  expect(value + step).toBeLessThanOrEqual(max);
  const sigma = await page.$eval('#deck-gradients', (el) => el.state.sigma);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => slider.evaluate((el) => Number(el.value))).toBe(value + step);
  await expect.poll(() => page.$eval('#deck-gradients', (el) => el.state.sigma)).toBeGreaterThan(sigma);
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.Reveal.getIndices())).toEqual(at);
  // The same key with the focus outside the widget does turn the slide (the check can fail).
  await page.locator('#slide-gradients h2').click();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => page.evaluate(() => window.Reveal.getIndices().h)).toBe(at.h + 1);
  expect(problems).toEqual([]);
});
