// Writes README.md's speed tables from bench/results.json, between the markers
// <!-- bench:start --> and <!-- bench:end -->. `npm run bench` runs it last; do not edit the
// tables by hand.
//   node scripts/bench-table.mjs           rewrite README.md
//   node scripts/bench-table.mjs --check   exit 1 if README.md differs from bench/results.json
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';
const r = JSON.parse(readFileSync(join(root, 'bench', 'results.json'), 'utf8'));

const fmt = (v, unit = '') => {
  if (v == null || !Number.isFinite(v)) return '–';
  const s = v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2);
  return `${s}${unit}`;
};
const x = (v) => (v == null ? '–' : `${fmt(v)}×`);
const shape = (c) => `${c.depth}×${c.width}×${c.batch}`;
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);

lines.push(
  `Measured ${r.generated.slice(0, 16).replace('T', ' ')} UTC on ${r.machine.cpus} cores (${r.machine.cpu_model}), load average ${r.machine.loadavg_at_start.join(' / ')} at the start, Chromium ${r.machine.chromium}, TF.js ${r.browser_info?.tfjs ?? '–'} (wasm backend: SIMD ${r.browser_info?.tfjs_wasm_simd ? 'on' : 'off'}, threads ${r.browser_info?.tfjs_wasm_threads ? 'on' : 'off'}); ours runs on one thread.${r.quick ? ' **Quick run (`--quick`): few samples.**' : ''}`,
  '',
  'One forward+backward step with per-layer gradient norms, L layers of width n, batch B (L×n×B), relu, He-normal weights; median ms, and ratios measured in the same run:',
  '',
);
row('L×n×B', 'native f32', 'native f64', 'wasm f32', 'wasm f64', 'TF.js wasm', 'TF.js cpu', 'wasm/native f32', 'wasm/native f64', 'TF.js wasm / ours f32', 'TF.js cpu / ours f32');
row(...Array(11).fill('---'));
for (const c of r.comparison) {
  const m = c.step_ms;
  const q = c.ratios;
  row(shape(c), fmt(m.native_f32), fmt(m.native_f64), fmt(m.wasm_f32), fmt(m.wasm_f64), fmt(m.tfjs_wasm), fmt(m.tfjs_cpu), x(q.wasm_over_native_f32), x(q.wasm_over_native_f64), x(q.tfjs_wasm_over_ours_f32), x(q.tfjs_cpu_over_ours_f32));
}
lines.push('', 'FLOP rate in GFLOP/s: a step does 3 matmuls of 2·B·n² FLOP per layer; the GEMM is one n×n · n×B matmul. (A GEMM in our own wasm waits for a binding that exports one.)', '');
row('L×n×B', 'ours wasm f32 step', 'TF.js wasm step', 'TF.js wasm matMul', 'ours step / TF.js matMul', 'native f32 step', 'native f32 GEMM', 'native step / GEMM');
row(...Array(8).fill('---'));
for (const c of r.comparison) {
  const s = c.flops.step_gflops;
  const g = c.flops.gemm_gflops;
  const q = c.flops.step_over_gemm_rate;
  row(shape(c), fmt(s.wasm_f32), fmt(s.tfjs_wasm), fmt(g.tfjs_wasm_matmul), x(q.wasm_f32_vs_tfjs_wasm_matmul), fmt(s.native_f32), fmt(g.native_f32), x(q.native_f32_vs_native_gemm));
}
if (r.check?.against) {
  const a = r.check.against;
  const d = (k) => (a[k] ? a[k].max_rel_diff.toExponential(1) : '–');
  lines.push('', `Same weights (${r.check.shape}, the native bench's f32 draws): the per-layer ‖∂ℓ/∂Wˡ‖ of TF.js wasm and cpu differ from native f64 by at most ${d('tfjs_wasm')} and ${d('tfjs_cpu')} (relative), ours in wasm f32 by ${d('wasm_f32')}, native f32 by ${d('native_f32')}.`);
}
if (r.widget?.length) {
  lines.push('', 'The main widget in the notebook page (main thread), median ms:', '');
  row('setting', 'precision', 'compute (wasm)', 'draw', 'same step natively', 'wasm / native');
  row(...Array(6).fill('---'));
  for (const w of r.widget) row(`${w.case} (${w.depth}×${w.width}×${w.batch})`, w.precision, fmt(w.compute_ms), fmt(w.draw_ms), fmt(w.native_ms), x(w.compute_over_native));
}
if (r.cells?.length) {
  lines.push('', "The other cells' engine calls at their defaults, in the notebook page (main thread), median ms:", '');
  row('cell', 'compute (wasm)');
  row('---', '---');
  for (const c of r.cells) row(c.cell, c.error ? `error: ${c.error}` : fmt(c.median_ms));
}
if (r.interaction?.length) {
  lines.push('', 'Pressing the arrow keys on the σ slider (120 ms apart), ms: key press → next paint from Event Timing (it reports only events ≥ 16 ms; the others count as 16), the longest main-thread task, and the `gradscope:update` measures when the page records them:', '');
  row('setting', 'presses', 'key→paint p50', 'key→paint p95', 'long tasks (max)', 'update exact p95', 'update preview p95');
  row(...Array(7).fill('---'));
  for (const i of r.interaction) {
    if (i.error) row(i.setting, '–', `error: ${i.error}`, '', '', '', '');
    else row(i.setting, i.presses, `≤ ${fmt(i.key_ms_upper.p50)}`, `≤ ${fmt(i.key_ms_upper.p95)}`, `${i.longtasks.count} (${fmt(i.longtasks.max_ms)})`, fmt(i.update_exact_ms?.p95), fmt(i.update_preview_ms?.p95));
  }
}
if (r.offscreen?.some((o) => !o.error)) {
  lines.push('', 'The main chart drawn in a Worker on an OffscreenCanvas, against the page drawing what its Worker computed (as the notebook does), σ changed in turns (bench/offscreen.js), ms:', '');
  row('setting', 'drawn', 'σ changes', 'input → drawn, median', 'p95', 'first page frame after, median', 'main thread per update');
  row(...Array(7).fill('---'));
  for (const o of r.offscreen) {
    if (o.error) continue;
    for (const [way, label] of [['page', 'on the page'], ['offscreen', 'in the Worker']]) {
      row(o.setting, label, o.trials, fmt(o[way].drawn.median), fmt(o[way].drawn.p95), fmt(o[way].frame.median), fmt(o[way].main.median));
    }
  }
}
const z = r.sizes;
lines.push(
  '',
  `Sizes: wasm ${fmt(z.wasm.raw / 1000)} kB (${fmt(z.wasm.gzip / 1000)} kB gzipped); the notebook's JS ${fmt(z.notebook_js.raw / 1000)} kB (${fmt(z.notebook_js.gzip / 1000)} kB gzipped, ${z.notebook_js.files} files, KaTeX and fonts excluded). First plot: ${r.first_plot.first_plot_mark_ms != null ? `${fmt(r.first_plot.first_plot_mark_ms)} ms (\`gradscope:first-plot\`)` : `no \`gradscope:first-plot\` mark yet; \`gradscope.ready\` resolves ${fmt(r.first_plot.ready_ms)} ms`} after navigation start (median of ${r.first_plot.loads} loads).`,
  '',
  "Issue 10's targets:",
  '',
);
row('target', 'limit', 'measured', 'met?');
row('---', '---', '---', '---');
for (const t of r.targets) row(t.target, t.limit == null ? '–' : `${t.limit} ${t.unit}`, t.value == null ? `– (${t.how})` : `${fmt(t.value)} ${t.unit}`, t.met == null ? '–' : t.met ? 'yes' : 'no');

const readme = readFileSync(join(root, 'README.md'), 'utf8');
const i = readme.indexOf(START);
const j = readme.indexOf(END);
if (i < 0 || j < i) {
  console.error(`bench-table: README.md has no ${START} … ${END} section`);
  process.exit(1);
}
const next = `${readme.slice(0, i + START.length)}\n${lines.join('\n')}\n${readme.slice(j)}`;
if (process.argv.includes('--check')) {
  if (next !== readme) {
    console.error('bench-table: README.md is not what bench/results.json gives; run node scripts/bench-table.mjs');
    process.exit(1);
  }
  console.log('bench-table: README.md matches bench/results.json');
} else {
  writeFileSync(join(root, 'README.md'), next);
  console.log('bench-table: README.md speed tables rewritten from bench/results.json');
}
