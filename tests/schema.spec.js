// One declaration of every cell's settings (crates/core/src/schema/cells.rs): the page reads it
// from the wasm `schema()` export, the CLI prints it with `gradscope schema --format json`, and
// every limit the page enforces is that declaration's.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { expect, openPage, settle } from './helpers.js';

const cli = 'target/debug/gradscope';

/** The declaration, as the page's wasm gives it. */
const wasmSchema = (page) => page.evaluate(() => window.gradscope.wasm.schema());

/** A value beyond the declared maximum of a numeric field (as the URL carries it). */
function beyondMax(field) {
  if (field.type === 'list') return Array(field.min_len).fill(field.max + 1).join(',');
  return String(field.type === 'int' ? field.max + 1 : field.max * 2 + 1);
}

test('wasm schema() is the JSON the CLI prints with `gradscope schema --format json`', async ({ page }) => {
  test.setTimeout(300_000);
  // Always build: a CLI left from an older build may not have the subcommand.
  execFileSync('cargo', ['build', '-q', '-p', 'gradscope-cli'], { stdio: 'inherit' });
  const native = JSON.parse(execFileSync(cli, ['schema', '--format', 'json'], { encoding: 'utf8' }));
  await openPage(page);
  const wasm = await wasmSchema(page);
  expect(wasm).toEqual(native);
  // Same order of cells and fields too (the control order).
  expect(Object.keys(wasm.cells)).toEqual(Object.keys(native.cells));
  for (const name of Object.keys(wasm.cells)) {
    expect(Object.keys(wasm.cells[name].fields)).toEqual(Object.keys(native.cells[name].fields));
  }
});

test('every numeric field of every cell: a URL value beyond the max clamps to the max, and a note beside the control says so', async ({ page }) => {
  test.setTimeout(300_000);
  await openPage(page);
  const schema = await wasmSchema(page);
  const cells = Object.entries(schema.cells);
  expect(cells.length).toBeGreaterThan(0);
  let checked = 0;
  for (const [name, cell] of cells) {
    const numeric = Object.entries(cell.fields).filter(([, f]) => ['int', 'float', 'list'].includes(f.type));
    // One page per cell, every numeric field of it beyond its max at once.
    const hash = numeric.map(([, f]) => `${cell.prefix ? `${cell.prefix}.` : ''}${f.key}=${beyondMax(f)}`).join('&');
    await page.goto('about:blank'); // a new document, not a same-page hash change
    await openPage(page, { hash });
    const key = name === 'gradients' ? 'grad' : name;
    await page.waitForFunction((k) => window.gradscope.cells[k]?.frames > 0, key);
    await settle(page);
    const state = await page.evaluate((k) => ({ ...window.gradscope.cells[k].state }), key);
    for (const [field, f] of numeric) {
      const expected = f.type === 'list' ? Array(f.min_len).fill(f.max) : f.max;
      expect(state[field], `${name}.${field}`).toEqual(expected);
      const note = page.locator(`#cell-${name} [data-note="${field}"]`);
      await expect(note, `${name}.${field}: note`).toBeVisible();
      await expect(note, `${name}.${field}: note names the max`).toContainText(String(f.max));
      // The control shows the clamped value.
      const box = page.locator(`#cell-${name} [data-field="${field}"]:not([type="range"])`);
      const shown = await box.inputValue();
      expect(shown.split(/,\s*/).map(Number), `${name}.${field}: control`).toEqual(f.type === 'list' ? expected : [f.max]);
      checked += 1;
    }
  }
  expect(checked).toBeGreaterThan(20);
});

test('no range, default or list of choices is written in the page: no field declarations, no min/max markup, no seed maximum', () => {
  const files = ['index.html', 'www/state.js', 'www/main.js', ...readdirSync('www/cells').map((f) => `www/cells/${f}`)];
  const offences = [];
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const look = (re, what) => {
      for (const m of text.matchAll(re)) offences.push(`${file}: ${what}: ${m[0]}`);
    };
    look(/\btype: '(int|float|enum|bool|list)',\s*def:/g, 'a hand-written field');
    look(/\b(min|max)="-?\d/g, 'a hand-written bound in markup');
    look(/<option value=/g, 'a hand-written option');
    look(/4294967295|2 \*\* 32/g, 'a hand-written seed maximum');
  }
  expect(offences).toEqual([]);
});
