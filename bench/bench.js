// The benchmark page's code: our engine (the same wasm the notebook loads) and TensorFlow.js 4.22
// (wasm and cpu backends, loaded by bench/index.html as globals) doing the same f32 MLP
// forward+backward with per-layer gradient norms, in this one page. scripts/bench-browser.mjs
// calls the functions on `window.bench` and collects what they return.
//
// The model, as in crates/core/src/network.rs (TF.js ops, backward by hand as ours): h⁰ = x (n × B, x ~ N(0, 1)), hˡ = relu(Wˡhˡ⁻¹)
// for l = 1..L with Wˡ n × n and no bias, ℓ = (1/B)·Σ hᴸ; reported: ‖∂ℓ/∂Wˡ‖_F for every layer.
import init, * as wasm from '../www/pkg/gradscope_web.js';
import { offscreen } from './offscreen.js';

/* global tf */

const log = (line) => {
  document.getElementById('log').textContent += `\n${line}`;
};

/** Our settings for depth×width×batch: relu, He normal with gain 1, f32 unless told. */
function ours({ depth, width, batch }, precision = 'f32') {
  const base = typeof wasm.defaultSettings === 'function' ? { ...wasm.defaultSettings() } : { seed: 1 };
  return { ...base, depth, width, batch, activation: 'relu', init: 'he-normal', sigma: 1, precision };
}

/** Per-call times (ms) of `fn`: a warm-up call, then samples of `reps` calls each (reps chosen so
 * a sample lasts ≥ 5 ms, the timer being coarse) until `budgetMs` and at least `minSamples`. */
function sample(fn, budgetMs, minSamples = 5, maxSamples = 200) {
  let t = performance.now();
  fn();
  const once = Math.max(performance.now() - t, 0.01);
  const reps = Math.max(1, Math.ceil(5 / once));
  const out = [];
  const start = performance.now();
  while (out.length < minSamples || (performance.now() - start < budgetMs && out.length < maxSamples)) {
    t = performance.now();
    for (let i = 0; i < reps; i += 1) fn();
    out.push((performance.now() - t) / reps);
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const summary = (xs) => ({ median_ms: median(xs), min_ms: Math.min(...xs), max_ms: Math.max(...xs), samples: xs.length });

/** A TF.js model of the MLP on `backend`, with weights either given (column-major f32, as the
 * native bench writes them) or drawn here (He normal). */
async function tfModel(backend, { depth, width, batch }, given) {
  await tf.setBackend(backend);
  await tf.ready();
  let x;
  let ws;
  if (given) {
    // Column-major r × c data read row-major is the c × r transpose.
    x = tf.tidy(() => tf.transpose(tf.tensor2d(given.subarray(0, width * batch), [batch, width])));
    ws = [];
    for (let l = 0; l < depth; l += 1) {
      const off = width * batch + l * width * width;
      ws.push(tf.tidy(() => tf.transpose(tf.tensor2d(given.subarray(off, off + width * width), [width, width]))));
    }
  } else {
    x = tf.randomNormal([width, batch], 0, 1, 'float32', 7);
    ws = Array.from({ length: depth }, (_, l) => tf.randomNormal([width, width], 0, Math.sqrt(2 / width), 'float32', 100 + l));
  }
  // The backward pass by hand, as crates/core/src/network.rs does it: tfjs-core alone registers
  // no gradients (tf.grads needs the whole @tensorflow/tfjs package), and by hand TF.js does the
  // same three matmuls a layer as ours: z = W·h; ∂ℓ/∂W = δ·hᵀ; ∂ℓ/∂h = Wᵀ·δ.
  const step = () => {
    const norms = tf.tidy(() => {
      const hs = [x];
      const slopes = [];
      for (const w of ws) {
        const z = tf.matMul(w, hs[hs.length - 1]);
        slopes.push(tf.step(z)); // relu′
        hs.push(tf.relu(z));
      }
      let g = tf.fill([width, batch], 1 / batch); // ∂ℓ/∂hᴸ
      const out = new Array(depth);
      for (let l = depth - 1; l >= 0; l -= 1) {
        const delta = tf.mul(g, slopes[l]);
        out[l] = tf.norm(tf.matMul(delta, hs[l], false, true));
        g = tf.matMul(ws[l], delta, true, false);
      }
      return tf.stack(out);
    });
    const values = norms.dataSync();
    norms.dispose();
    return Array.from(values);
  };
  return {
    backend,
    step,
    dispose() {
      x.dispose();
      for (const w of ws) w.dispose();
    },
  };
}

async function setup() {
  await init();
  tf.wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  await tf.setBackend('wasm');
  await tf.ready();
  const info = {
    tfjs: tf.version_core,
    tfjs_wasm_simd: await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tfjs_wasm_threads: await tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
    cross_origin_isolated: self.crossOriginIsolated,
    user_agent: navigator.userAgent,
    hardware_concurrency: navigator.hardwareConcurrency,
  };
  log(`ready: ${JSON.stringify(info)}`);
  return info;
}

/** Per-layer norms from our wasm (f32) and from TF.js on both backends, for the weights of the
 * native bench's check setting, next to the native numbers it wrote. */
async function check(weightsUrl, shape, native) {
  const given = new Float32Array(await (await fetch(weightsUrl)).arrayBuffer());
  const want = shape.width * shape.batch + shape.depth * shape.width * shape.width;
  if (given.length !== want) throw new Error(`check weights: ${given.length} floats, expected ${want}`);
  const engine = new wasm.Engine();
  const oursF32 = engine.gradients(ours(shape, 'f32')).layers.map((l) => l.grad_norm);
  const oursF64 = engine.gradients(ours(shape, 'f64')).layers.map((l) => l.grad_norm);
  engine.free();
  const norms = { wasm_f32: oursF32, wasm_f64: oursF64 };
  for (const backend of ['wasm', 'cpu']) {
    const m = await tfModel(backend, shape, given);
    norms[`tfjs_${backend}`] = m.step();
    m.dispose();
  }
  for (const r of native?.reports ?? []) norms[`native_${String(r.precision).toLowerCase()}`] = r.grad_norms;
  const reference = norms.native_f64 ?? norms.wasm_f64;
  const maxRel = (a) => Math.max(...a.map((v, i) => Math.abs(v - reference[i]) / Math.abs(reference[i])));
  const against = {};
  for (const [name, a] of Object.entries(norms)) {
    against[name] = { max_rel_diff: maxRel(a), all_finite: a.every(Number.isFinite), first: a[0], last: a[a.length - 1] };
  }
  return { reference: norms.native_f64 ? 'native_f64' : 'wasm_f64', against, norms };
}

/** Times ours (f32 and f64) and TF.js (wasm, cpu) on one shape, in interleaved rounds so that
 * the machine's load falls on all of them alike. */
async function compare(shape, { budgetMs = 3000, rounds = 3, cpuBudgetMs = 6000 } = {}) {
  const engines = {};
  for (const precision of ['f32', 'f64']) {
    const e = new wasm.Engine();
    const s = ours(shape, precision);
    e.gradients(s);
    engines[`wasm_${precision}`] = () => e.gradients(s);
    engines[`wasm_${precision}`].free = () => e.free();
  }
  const times = { wasm_f32: [], wasm_f64: [], tfjs_wasm: [], tfjs_cpu: [] };
  const models = {};
  for (const backend of ['wasm', 'cpu']) models[backend] = await tfModel(backend, shape);
  for (let r = 0; r < rounds; r += 1) {
    for (const p of ['f32', 'f64']) times[`wasm_${p}`].push(...sample(engines[`wasm_${p}`], budgetMs / rounds));
    for (const backend of ['wasm', 'cpu']) {
      await tf.setBackend(backend);
      // The cpu backend is slow at the large shapes: one sample a round is enough there.
      const budget = backend === 'cpu' ? cpuBudgetMs / rounds : budgetMs / rounds;
      times[`tfjs_${backend}`].push(...sample(models[backend].step, budget, backend === 'cpu' ? 1 : 3));
    }
    log(`${shape.depth}x${shape.width}x${shape.batch}: round ${r + 1}/${rounds}`);
  }
  for (const backend of ['wasm', 'cpu']) {
    await tf.setBackend(backend);
    models[backend].dispose();
  }
  engines.wasm_f32.free();
  engines.wasm_f64.free();
  const out = {};
  for (const [k, v] of Object.entries(times)) out[k] = summary(v);
  return out;
}

/** TF.js matMul of one layer's shape (n × n times n × B) on both backends, ms per call. */
async function matmul({ width: n, batch }, budgetMs = 1500) {
  const out = {};
  for (const backend of ['wasm', 'cpu']) {
    await tf.setBackend(backend);
    const a = tf.randomNormal([n, n], 0, 1, 'float32', 1);
    const b = tf.randomNormal([n, batch], 0, 1, 'float32', 2);
    const times = sample(() => {
      const c = tf.matMul(a, b);
      c.dataSync();
      c.dispose();
    }, budgetMs);
    a.dispose();
    b.dispose();
    out[`tfjs_${backend}`] = summary(times);
  }
  return out;
}

window.bench = { ready: setup(), check, compare, matmul, offscreen: (shape, opts) => offscreen({ ...wasm.defaultSettings(), precision: 'f64', ...shape }, opts) };
