// The long session of issue 11 §3 at full length, for `npm run bench`: σ of the main widget (and
// of the product cell) moved back and forth 10,000 times, then the training cell played for
// 20,000 steps (to its last step and started over, again and again), on the notebook page. It
// reports the wasm memory of the page and of the engine's Worker after the first 100 computes and
// at the end, their ratio (healthy: within 2×), the training's memory after its first 100 steps
// and at the end, and the frame rate at the start and at the end. The steps are
// tests/long-session.js, which tests/timing.spec.js runs with a reduced count.
//   node scripts/bench/long-session.mjs [--quick] [--sigma-moves N] [--training-steps N]
//     (alone: its own server and browser; writes `long_session` into bench/results.json)
//   scripts/bench-browser.mjs calls `longSessionBench(browser, url, {quick})` within the whole run.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longSession } from '../../tests/long-session.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FULL = { sigmaMoves: 10_000, trainingSteps: 20_000, round: 2000 };
const QUICK = { sigmaMoves: 300, trainingSteps: 1000, round: 500 };
const r3 = (v) => (Number.isFinite(v) ? Number(v.toPrecision(3)) : null);

/** Runs the session in a fresh context of `browser` on the notebook at `url`; returns the results. */
export async function longSessionBench(browser, url, { quick = false, sigmaMoves, trainingSteps } = {}) {
  const counts = { ...(quick ? QUICK : FULL) };
  if (sigmaMoves) counts.sigmaMoves = Math.max(101, sigmaMoves);
  if (trainingSteps) counts.trainingSteps = trainingSteps;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  try {
    await page.goto(url);
    await page.evaluate(() => window.gradscope.ready.then(() => true));
    // Cells below the fold mount as they come near; the session drives them all.
    await page.evaluate(() => window.gradscope.mountAll());
    await page.waitForFunction(() => window.gradscope.cells.grad?.computes > 0);
    const t0 = Date.now();
    const s = await longSession(page, counts);
    const { memoryAt100: at100, memoryEnd: end } = s.sigma;
    return {
      ...counts,
      sigma: {
        computes_grad: s.sigma.computes.grad - s.sigma.computesAt100.grad + 100,
        computes_product: s.sigma.computes.product - s.sigma.computesAt100.product + 100,
        page_memory_at_100: at100.page,
        page_memory_end: end.page,
        page_ratio: r3(end.page / at100.page),
        worker_memory_at_100: at100.worker,
        worker_memory_end: end.worker,
        worker_ratio: r3(end.worker / at100.worker),
        seconds: r3(s.sigma.ms / 1000),
      },
      training: {
        steps: s.training.steps,
        rounds: s.training.rounds,
        // The runs train in a Worker in the notebook: then this is the Worker's memory.
        in_worker: Boolean(s.training.remote),
        memory_at_100_steps: s.training.base,
        memory_end: s.training.end,
        ratio: r3(s.training.end / s.training.base),
        wasm_objects_replaced: s.training.objects,
        wasm_objects_freed: s.training.freed,
        seconds: r3(s.training.ms / 1000),
      },
      fps: { start: r3(s.fps.start), end: r3(s.fps.end), ratio: r3(s.fps.end / s.fps.start) },
      seconds: r3((Date.now() - t0) / 1000),
      healthy: end.page <= 2 * at100.page && end.worker <= 2 * at100.worker && s.training.end <= 2 * s.training.base && s.training.freed === s.training.objects && s.fps.end >= 0.5 * s.fps.start,
      errors,
      note: 'memory in bytes (wasm linear memory); healthy: every ratio of memory ≤ 2 and the end frame rate ≥ half the start (the machine is shared)',
    };
  } catch (e) {
    return { ...counts, error: String(e.message || e).split('\n')[0], errors };
  } finally {
    await context.close();
  }
}

/** The lines of the printed table. */
export function longSessionLines(r) {
  if (!r) return [];
  const head = `\n== long session: σ moved ${r.sigmaMoves} times, training played ${r.trainingSteps} steps${r.sigmaMoves < FULL.sigmaMoves || r.trainingSteps < FULL.trainingSteps ? ' (shortened)' : ''}`;
  if (r.error) return [head, `error: ${r.error}`];
  const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MiB`;
  const { sigma: s, training: t, fps } = r;
  return [
    head,
    `${'memory'.padEnd(20)} ${'after 100'.padStart(11)} ${'at the end'.padStart(11)} ${'ratio'.padStart(7)}`,
    `${'page (σ)'.padEnd(20)} ${mb(s.page_memory_at_100).padStart(11)} ${mb(s.page_memory_end).padStart(11)} ${String(s.page_ratio).padStart(7)}`,
    `${'Worker (σ)'.padEnd(20)} ${mb(s.worker_memory_at_100).padStart(11)} ${mb(s.worker_memory_end).padStart(11)} ${String(s.worker_ratio).padStart(7)}`,
    `${(t.in_worker === false ? 'page (training)' : 'Worker (training)').padEnd(20)} ${mb(t.memory_at_100_steps).padStart(11)} ${mb(t.memory_end).padStart(11)} ${String(t.ratio).padStart(7)}`,
    `frames per second: ${fps.start} at the start, ${fps.end} at the end (${fps.ratio}×); σ ${s.seconds} s (${s.computes_grad} computes), training ${t.seconds} s (${t.steps} steps, ${t.rounds} rounds, ${t.wasm_objects_freed} of ${t.wasm_objects_replaced} replaced runs freed); ${r.seconds} s in all; ${r.healthy ? 'healthy' : 'NOT healthy'}${r.errors.length ? `; page errors: ${r.errors.slice(0, 3).join(' | ')}` : ''}`,
  ];
}

// Alone: its own notebook server and browser; the result goes into bench/results.json.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { chromium } = await import('@playwright/test');
  const quick = process.argv.includes('--quick');
  const count = (name) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : undefined);
  const port = 8800 + Math.floor(Math.random() * 90);
  const server = spawn(process.execPath, ['scripts/serve.mjs', '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((ok) => server.stdout.once('data', ok));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
  });
  let result;
  try {
    result = await longSessionBench(browser, `http://127.0.0.1:${port}/`, { quick, sigmaMoves: count('--sigma-moves'), trainingSteps: count('--training-steps') });
  } finally {
    await browser.close();
    server.kill();
  }
  for (const line of longSessionLines(result)) console.log(line);
  const path = join(root, 'bench', 'results.json');
  const all = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {};
  all.long_session = { generated: new Date().toISOString(), quick, ...result };
  writeFileSync(path, `${JSON.stringify(all, null, 2)}\n`);
  console.log('\nwrote long_session into bench/results.json');
  if (result.error || !result.healthy) process.exitCode = 1;
}
