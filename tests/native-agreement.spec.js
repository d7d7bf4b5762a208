// The same settings give the same numbers natively (the CLI) and in the browser (the wasm):
// to 1e-9 relative in f64. The two builds use different compilers' code generation and math
// libraries (exp, tanh), so bit-equality is not expected; agreement to 1e-9 is.
import { test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, openPage } from './helpers.js';

const cli = 'target/debug/gradscope';
const fromJson = (v) => (v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === 'nan' ? NaN : v);

test.beforeAll(() => {
  if (!existsSync(cli)) execFileSync('cargo', ['build', '-q', '-p', 'gradscope-cli'], { stdio: 'inherit' });
});

const cases = [
  { depth: 30, width: 64, batch: 32, activation: 'sigmoid', init: 'normal', sigma: 0.1, seed: 1, precision: 'f64' },
  { depth: 50, width: 48, batch: 16, activation: 'relu', init: 'he-normal', sigma: 1, seed: 7, precision: 'f64' },
  { depth: 20, width: 32, batch: 8, activation: 'tanh', init: 'xavier-uniform', sigma: 1.5, seed: 123456, precision: 'f64' },
  { depth: 200, width: 16, batch: 4, activation: 'relu', init: 'normal', sigma: 10, seed: 3, precision: 'f64' },
];

test('native and wasm agree to 1e-9 relative in f64', async ({ page }) => {
  await openPage(page);
  for (const s of cases) {
    const args = ['grads', '--format', 'json'];
    for (const [k, v] of Object.entries(s)) args.push(`--${k}`, String(v));
    const native = JSON.parse(execFileSync(cli, args, { encoding: 'utf8' }));
    const wasm = await page.evaluate((settings) => new window.gradscope.wasm.Engine().gradients(settings), s);
    expect(wasm.layers.length).toBe(native.layers.length);
    let compared = 0;
    native.layers.forEach((n, i) => {
      const w = wasm.layers[i];
      for (const key of ['grad_norm', 'backward_norm', 'preact_std']) {
        const a = fromJson(n[key]);
        const b = w[key];
        if (!Number.isFinite(a) || !Number.isFinite(b)) {
          expect(String(b)).toBe(String(a)); // both ∞, or both NaN
          continue;
        }
        const rel = Math.abs(a - b) / Math.max(Math.abs(a), Number.MIN_VALUE);
        expect(rel, `${JSON.stringify(s)} layer ${i + 1} ${key}: native ${a}, wasm ${b}`).toBeLessThanOrEqual(1e-9);
        compared += 1;
      }
      expect(w.grad_status).toBe(n.grad_status);
    });
    expect(compared).toBeGreaterThan(0);
  }
});
