// Hostile attributes do nothing: every field attribute of an element of every cell gets the same
// hostile value (the URL's list, tests/hostile-values.js), and so do cell, lock, hide, lang and
// theme. No script runs, nothing is logged as an error, every element holds a valid state and
// computes, and a changed number is noted beside its control. Elements start near the viewport
// only, and pause a playback when they leave it.
import { test } from '@playwright/test';
import { expect } from './helpers.js';
import { HOSTILE, LONG, validState } from './hostile-values.js';

test.describe.configure({ timeout: 600_000 });
// Without the page's policy: markup that reached the DOM would run here, so a pass means the page
// itself never renders it (the policy is tested in csp.spec.js). The validity check is also
// passed into the page as source, which the policy would refuse to evaluate.
test.use({ bypassCSP: true });

/** Opens embed.html (one element) and returns the problems it logs from then on. */
async function open(page, hash) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.goto(`./embed.html#${hash}`);
  await page.waitForFunction(() => window.gradscopeEmbed?.result);
  return problems;
}

test('every hostile value in every attribute of every cell: no script, no error, valid state, computed, noted', async ({ page }) => {
  const problems = await open(page, 'cell=sigmoid');
  for (const raw of [...HOSTILE, LONG]) {
    const report = await page.evaluate(
      async ({ raw, validSource }) => {
        // eslint-disable-next-line no-new-func
        const valid = new Function(`return ${validSource}`)();
        document.querySelectorAll('grad-scope.hostile').forEach((e) => e.remove());
        const { loadEngine } = await import(new URL('embed.js', window.location.href).href);
        const wasm = await loadEngine();
        const schema = wasm.schema().cells;
        const made = [];
        for (const [cell, c] of Object.entries(schema)) {
          const el = document.createElement('grad-scope');
          el.className = 'hostile';
          el.setAttribute('cell', cell);
          for (const name of Object.keys(c.fields)) el.setAttribute(name, raw);
          document.getElementById('embed').append(el);
          made.push([cell, c, el]);
        }
        // The options too, in one more element: it falls back to the main widget.
        const opts = document.createElement('grad-scope');
        opts.className = 'hostile';
        for (const a of ['cell', 'lock', 'hide', 'lang', 'theme']) opts.setAttribute(a, raw);
        document.getElementById('embed').append(opts);
        await Promise.all([...made.map(([, , el]) => el.whenReady()), opts.whenReady()]);
        // Every element computes (in the Worker or here): wait for each one's numbers, 60 s at most.
        const until = performance.now() + 60_000;
        while (made.some(([, , el]) => el.result === null) && performance.now() < until) await new Promise((ok) => setTimeout(ok, 50));
        const uncomputed = made.filter(([, , el]) => el.result === null).map(([cell]) => cell);
        const bad = [];
        for (const [cell, c, el] of made) {
          const state = el.state;
          for (const [name, f] of Object.entries(c.fields)) if (!valid(f, state[name])) bad.push(`${cell}.${name} = ${JSON.stringify(state[name])?.slice(0, 40)}`);
          el.cell?.pause?.();
        }
        const roots = [document, ...[...document.querySelectorAll('grad-scope')].map((e) => e.shadowRoot)];
        const notes = made.map(([cell, c, el]) => {
          // A whole-number field: every hostile value is either refused, rounded or clamped there.
          const numeric = Object.entries(c.fields).find(([, f]) => f.type === 'int' && f.min > -1);
          const note = numeric && el.shadowRoot.querySelector(`[data-note="${numeric[0]}"]`);
          return { cell, field: numeric?.[0], shown: note ? !note.hidden && note.textContent.length > 0 : null };
        });
        return {
          bad,
          pwned: window.__pwned ?? null,
          injected: roots.reduce((n, r) => n + r.querySelectorAll('img[src="x"], script:not([src]), b#inj').length, 0),
          notes,
          optsCell: opts.cellName,
          uncomputed,
          optsNotes: opts.shadowRoot.querySelectorAll('.embed-notes .note').length,
        };
      },
      { raw, validSource: validState.toString() },
    );
    const label = `raw ${JSON.stringify(raw.slice(0, 40))}`;
    expect(report.bad, label).toEqual([]);
    expect(report.pwned, label).toBeNull();
    expect(report.injected, label).toBe(0);
    expect(report.optsCell, label).toBe('gradients');
    expect(report.uncomputed, label).toEqual([]);
    if (raw.trim() !== '' && !/^-?0$/.test(raw)) {
      for (const n of report.notes) if (n.field) expect(n.shown, `${label}: ${n.cell}.${n.field}`).toBe(true);
      expect(report.optsNotes, label).toBeGreaterThan(0);
    }
  }
  expect(problems).toEqual([]);
});

test('an element starts only near the viewport, and its playback pauses when it leaves', async ({ page }) => {
  await open(page, 'cell=sigmoid');
  await page.evaluate(() => {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    const far = document.createElement('grad-scope');
    far.id = 'far';
    far.setAttribute('cell', 'training');
    document.body.append(spacer, far);
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.getElementById('far').mounted)).toBe(false);
  expect(await page.evaluate(() => document.getElementById('far').result)).toBeNull();
  await page.evaluate(() => document.getElementById('far').scrollIntoView());
  await page.waitForFunction(() => document.getElementById('far').mounted);
  // Play, then scroll away: the playback stops.
  await page.locator('#far [data-action="play"]').click();
  await page.waitForFunction(() => document.getElementById('far').cell.playing === true);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.getElementById('far').cell.playing === false);
});
