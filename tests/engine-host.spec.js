// The engine host runs the wasm in a Worker: its numbers are the main thread's numbers, and a
// channel lets the latest request win, dropping the ones a newer request replaced.
import { test } from '@playwright/test';
import { expect, openPage } from './helpers.js';

test('the Worker computes exactly what the main thread computes', async ({ page }) => {
  const problems = await openPage(page);
  const same = await page.evaluate(async () => {
    const { EngineHost } = await import('./www/engine/host.js');
    const host = new EngineHost();
    const settings = { depth: 40, width: 32, batch: 8, activation: 'tanh', init: 'normal', sigma: 0.3, seed: 7, precision: 'f64' };
    const answer = await host.channel('a').run('gradients', settings);
    const again = await host.channel('a').run('gradients', { ...settings, sigma: 0.4 });
    const local = new window.gradscope.wasm.Engine().gradients(settings);
    return {
      // The Worker's first job of a kind is marked cold (its time predicts nothing), not the next.
      cold: [answer.cold, again.cold],
      error: answer.error ?? null,
      worker: answer.result.layers.map((l) => [l.grad_norm, l.backward_norm, l.preact_std]),
      main: local.layers.map((l) => [l.grad_norm, l.backward_norm, l.preact_std]),
    };
  });
  expect(same.error).toBeNull();
  expect(same.cold).toEqual([true, false]);
  expect(same.worker.length).toBe(40);
  expect(same.worker).toEqual(same.main);
  expect(problems).toEqual([]);
});

test('a channel computes the first and the latest of a burst, and drops the rest', async ({ page }) => {
  await openPage(page);
  const out = await page.evaluate(async () => {
    const { EngineHost } = await import('./www/engine/host.js');
    const channel = new EngineHost().channel('burst');
    const base = { depth: 120, width: 64, batch: 32, activation: 'relu', init: 'normal', seed: 1, precision: 'f64' };
    const sigmas = Array.from({ length: 20 }, (_, i) => 0.05 + 0.01 * i);
    const answers = await Promise.all(sigmas.map((sigma) => channel.run('gradients', { ...base, sigma })));
    const computed = answers.map((a, i) => (a.stale ? null : { i, first: a.result.layers[0].grad_norm }));
    const expected = new window.gradscope.wasm.Engine().gradients({ ...base, sigma: sigmas.at(-1) });
    return { computed: computed.filter(Boolean), last: expected.layers[0].grad_norm };
  });
  expect(out.computed.map((c) => c.i)).toEqual([0, 19]);
  expect(out.computed[1].first).toBe(out.last);
});
