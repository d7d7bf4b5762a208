// Browser benchmark: how long the real wasm takes, in Debian's Chromium, to compute and to draw
// the gradient widget at the page's default and at its largest setting. Prints a table of
// medians and the ratios between them, all measured in this one run.
//   node scripts/bench-browser.mjs   (after the wasm build and scripts/vendor.mjs)
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const port = 8900 + Math.floor(Math.random() * 90);
const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((ok) => server.stdout.once('data', ok));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.evaluate(() => window.gradscope.ready);
  const results = await page.evaluate(async () => {
    const { wasm } = window.gradscope;
    const canvas = document.querySelector('#cell-gradients canvas');
    const base = { ...wasm.defaultSettings() };
    const cases = [
      ['default (L=30, n=64, B=32), f64', { ...base }],
      ['default (L=30, n=64, B=32), f32', { ...base, precision: 'f32' }],
      ['largest (L=200, n=128, B=128), f64', { ...base, depth: 200, width: 128, batch: 128, activation: 'relu', init: 'he-normal', sigma: 1 }],
      ['largest (L=200, n=128, B=128), f32', { ...base, depth: 200, width: 128, batch: 128, activation: 'relu', init: 'he-normal', sigma: 1, precision: 'f32' }],
    ];
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const out = [];
    for (const [name, s] of cases) {
      const engine = new wasm.Engine();
      engine.gradients(s); // draws the random numbers once, as the page does
      const reps = s.depth > 100 ? 5 : 40;
      const compute = [];
      const draw = [];
      let report;
      for (let i = 0; i < reps; i += 1) {
        s.sigma *= 1.01; // a new σ each time, as while a slider moves
        const t0 = performance.now();
        report = engine.gradients(s);
        const t1 = performance.now();
        wasm.drawGradientChart(canvas, report, null, null, { scale: 1 });
        const t2 = performance.now();
        compute.push(t1 - t0);
        draw.push(t2 - t1);
      }
      engine.free();
      out.push({ name, compute: median(compute), draw: median(draw) });
    }
    return out;
  });
  console.log('browser benchmark (median ms; Chromium, wasm, one thread)');
  console.log('case'.padEnd(40), 'compute'.padStart(10), 'draw'.padStart(10), 'total'.padStart(10), ' fits 16.7 ms?');
  for (const r of results) {
    const total = r.compute + r.draw;
    console.log(r.name.padEnd(40), r.compute.toFixed(2).padStart(10), r.draw.toFixed(2).padStart(10), total.toFixed(2).padStart(10), total <= 1000 / 60 ? ' yes' : ' no');
  }
  const [d64, d32, l64, l32] = results;
  console.log(`ratios in this run: largest/default f64 compute ${(l64.compute / d64.compute).toFixed(1)}x; f64/f32 default ${(d64.compute / d32.compute).toFixed(2)}x, largest ${(l64.compute / l32.compute).toFixed(2)}x`);
} finally {
  await browser.close();
  server.kill();
}
