// Shared steps for the browser tests.
import { expect } from '@playwright/test';

/** Opens the page at `hash` (and `query`), records console problems and failed requests. */
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
  await page.evaluate(() => window.gradscope.ready);
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
