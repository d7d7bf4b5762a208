// The Worker pool and the preview at the largest gradient setting (issue 10 §2), for
// `npm run bench` (scripts/bench-browser.mjs calls `poolBench`):
//   - speed-up: the exact report for 200×128×128 in f64 (and f32) computed by www/engine/pool.js
//     with 1, 2 and navigator.hardwareConcurrency Workers, in rounds that alternate the counts
//     (the machine is shared: ratios from the same rounds mean more than times);
//   - dragging: the σ slider dragged with the mouse at the largest setting while the page counts
//     its animation frames; a frame is skipped when the gap between two frames holds more than
//     one frame interval (the idle interval measured just before), and the `gradscope:update`
//     measures of the drag, previews and exact ones.

const LARGEST = { depth: 200, width: 128, batch: 128, activation: 'relu', init: 'he-normal', sigma: 1, seed: 1 };
const HASH = '#depth=200&width=128&batch=128&act=relu&init=he-normal&sigma=1&prec=f64';
const round = (v, d = 3) => (Number.isFinite(v) ? Number(v.toPrecision(d + 1)) : null);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
};

/** Runs both parts in `browser` against the notebook served at `url`; returns plain numbers. */
export async function poolBench(browser, url, { quick = false } = {}) {
  const out = {};
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.evaluate(() => window.gradscope.ready.then(() => true));
    const cores = await page.evaluate(() => navigator.hardwareConcurrency || 1);
    const counts = [...new Set([1, 2, cores])];
    out.hardware_concurrency = cores;
    out.speedup = {};
    for (const precision of ['f64', 'f32']) {
      const rounds = quick ? 2 : 5;
      const result = await page.evaluate(
        async ({ settings, counts, rounds }) => {
          const { EnginePool } = await import(new URL('www/engine/pool.js', document.baseURI).href);
          const pool = new EnginePool(Math.max(...counts));
          await pool.warm();
          const ms = Object.fromEntries(counts.map((n) => [n, []]));
          const split = Object.fromEntries(counts.map((n) => [n, []]));
          // One warm-up each: every Worker draws the weights once (then σ only rescales them).
          for (const n of counts) await pool.gradients(settings, n);
          for (let r = 0; r < rounds; r += 1) {
            for (const n of counts) {
              const a = await pool.gradients({ ...settings, sigma: 1 + 0.01 * (r + 1) }, n);
              if (a.error) throw new Error(a.error);
              ms[n].push(a.wall_ms); // the wall time, for every count alike
              if (a.parts_ms) split[n].push({ parts: Math.max(...a.parts_ms), combine: a.combine_ms });
            }
          }
          pool.terminate();
          return { ms, split };
        },
        { settings: { ...LARGEST, precision }, counts, rounds },
      );
      const { ms: times, split } = result;
      const base = median(times[1]);
      out.speedup[precision] = {
        setting: `200×128×128, ${precision}`,
        workers: counts.map((n) => ({
          workers: n,
          median_ms: round(median(times[n])),
          speedup: round(base / median(times[n])),
          runs_ms: times[n].map((v) => round(v)),
          // The slowest slice's job and the merge's, median ms: the rest is messaging.
          slice_ms: split[n].length ? round(median(split[n].map((x) => x.parts))) : null,
          combine_ms: split[n].length ? round(median(split[n].map((x) => x.combine))) : null,
        })),
      };
    }
    await page.close();
    out.drag = await drag(context, url + HASH, quick);
  } finally {
    await context.close();
  }
  return out;
}

async function drag(context, url, quick) {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(() => window.gradscope.ready.then(() => true));
  // The first exact compute (one Worker, no rate known yet), then the stability map's start.
  await page.waitForFunction(() => window.gradscope.cells.grad?.computes > 0 && window.gradscope.cells.grad.inFlight === 0, null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const slider = page.locator('#g-sigma-range');
  await slider.scrollIntoViewIfNeeded();
  const box = await slider.boundingBox();
  await page.evaluate(() => {
    window.__frames = [];
    const tick = (t) => {
      window.__frames.push(t);
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    performance.clearMeasures('gradscope:update');
  });
  await page.waitForTimeout(600); // idle frames: the frame interval
  const dragStart = await page.evaluate(() => performance.now());
  const y = box.y + box.height / 2;
  const steps = quick ? 15 : 60;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i += 1) {
    await page.mouse.move(box.x + box.width * (0.3 + (0.4 * i) / steps), y);
    await page.waitForTimeout(30);
  }
  await page.mouse.up();
  const dragEnd = await page.evaluate(() => performance.now());
  await page.waitForFunction(() => window.gradscope.cells.grad.inFlight === 0, null, { timeout: 120_000 });
  await page.waitForTimeout(300);
  const r = await page.evaluate(
    ([from, to]) => {
      window.__stopFrames = true;
      const f = window.__frames;
      const gaps = f.slice(1).map((t, i) => [f[i], t - f[i]]);
      const idle = gaps.filter(([t]) => t < from).map(([, g]) => g).sort((a, b) => a - b);
      const interval = idle[Math.floor(idle.length / 2)];
      const during = gaps.filter(([t]) => t >= from && t <= to).map(([, g]) => g);
      const skipped = during.reduce((n, g) => n + Math.max(0, Math.round(g / interval) - 1), 0);
      const updates = performance.getEntriesByName('gradscope:update').map((m) => ({ preview: m.detail?.preview, ms: m.duration }));
      return { interval, frames: during.length, skipped, max_gap: Math.max(...during), updates };
    },
    [dragStart, dragEnd],
  );
  await page.close();
  const q = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length ? round(s[Math.min(s.length - 1, Math.floor(p * s.length))]) : null;
  };
  const prev = r.updates.filter((u) => u.preview).map((u) => u.ms);
  const exact = r.updates.filter((u) => !u.preview).map((u) => u.ms);
  return {
    setting: '200×128×128, f64, σ slider dragged with the mouse',
    moves: steps,
    frame_interval_ms: round(r.interval),
    frames: r.frames,
    skipped_frames: r.skipped,
    max_frame_gap_ms: round(r.max_gap),
    update_preview_ms: prev.length ? { n: prev.length, p50: q(prev, 0.5), p95: q(prev, 0.95) } : null,
    update_exact_ms: exact.length ? { n: exact.length, p50: q(exact, 0.5), p95: q(exact, 0.95) } : null,
  };
}

/** Issue 10's targets from `poolBench`'s numbers, as bench-browser.mjs lists them. */
export function poolTargets(p) {
  const rows = [];
  const f64 = p?.speedup?.f64?.workers ?? [];
  const label = (n) => (n === p?.hardware_concurrency ? `${n} (= hardwareConcurrency)` : String(n));
  if (!f64.length) rows.push({ target: 'speed-up with 1, 2, hardwareConcurrency Workers', value: null, met: null, how: p?.error ?? 'not measured by this run' });
  for (const w of f64) rows.push({ target: `largest (200×128×128, f64): speed-up with ${label(w.workers)} Workers over 1`, limit: null, value: w.speedup, unit: '×', met: null, how: `median ${w.median_ms} ms, pool.gradients` });
  const d = p?.drag;
  rows.push({ target: 'largest: no frame skipped while dragging', limit: 0, value: d?.skipped_frames ?? null, unit: 'frames', met: d ? d.skipped_frames === 0 : null, how: d ? `rAF gaps over ${d.moves} mouse moves; longest ${d.max_frame_gap_ms} ms` : 'not measured' });
  return rows;
}
