// The answers to the lesson's predictions (www/content/lesson.js), computed when the student
// asks for them: by the engine (the wasm exports the live cells use) or by the theory's formula.
// Nothing here is a stored number; each function runs the experiment its prompt describes.
//
// Each answer is `(wasm) → {value, theory?}`: `value` is what the student's guess is compared
// with; `theory`, when given, is the formula's value, shown beside it. For a choice, the answer
// also names the right option: `{value, choice}`.

/** The main widget's settings for a fixed experiment, filling what the prompt leaves out. */
function gradSettings(wasm, overrides) {
  const d = wasm.defaultSettings();
  return {
    depth: d.depth, width: d.width, batch: d.batch, activation: d.activation, init: d.init,
    sigma: d.sigma, seed: d.seed, precision: 'f64', ...overrides,
  };
}

/** Runs the gradient experiment and returns the engine's report. */
function gradients(wasm, overrides) {
  return new wasm.Engine().gradients(gradSettings(wasm, overrides));
}

export const ANSWERS = {
  /** ReLU, N(0, 1), width 64, depth 30: powers of ten the backward signal gains per layer. */
  reluDecadesPerLayer(wasm) {
    const r = gradients(wasm, { depth: 30, width: 64, activation: 'relu', init: 'normal', sigma: 1 });
    const L = r.layers.length;
    return {
      value: r.verdict.backward_decades / (L - 1),
      theory: Math.log10(Math.sqrt((64 * 1 * 1) / 2)),
    };
  },

  /** The vanishing preset's sigmoid side: powers of ten the backward signal loses, layer 30 → 1. */
  sigmoidDecadesLost(wasm) {
    const sigma = Number(Math.sqrt(2 / 64).toPrecision(4));
    const r = gradients(wasm, { depth: 30, width: 64, activation: 'sigmoid', init: 'normal', sigma });
    // Per layer the theory's factor is about σ√n·E[σ′(z)] with z near 0: σ√n/4.
    return { value: -r.verdict.backward_decades, theory: -29 * Math.log10((sigma * 8) / 4) };
  },

  /** The chapter's product: exponent of the largest entry after 100 products of 4×4 N(0, 1). */
  productLargestExponent(wasm) {
    const r = wasm.randomProduct({ steps: 100, size: 4, sigma: 1, seed: 1, precision: 'f64' });
    const last = r.steps[r.steps.length - 1];
    // Top Lyapunov exponent λ = ½(ln 2σ² + ψ(n/2)), ψ(2) = 1 − γ: 101 matrices in all.
    const gamma = 0.5772156649015329;
    const lambda = 0.5 * (Math.log(2) + 1 - gamma);
    return { value: Math.log10(last.max_abs), theory: (101 * lambda) / Math.LN10 };
  },

  /** Constant initialization, 2 hidden units, no dropout, 200 steps: the units' largest gap. */
  symmetryGap(wasm) {
    const trainer = new wasm.SymmetryTrainer({
      hidden: 2, init: 'constant', sigma: 0.5, dropout: 0, learning_rate: 0.1, seed: 1,
    });
    const s = trainer.step(200);
    trainer.free?.();
    const gap = s.max_unit_difference;
    const choice = gap === 0 ? 'zero' : gap < 1e-3 ? 'tiny' : 'large';
    return { value: gap, choice };
  },

  /** MXNet's default, width 64, a linear network: the forward signal's factor per layer. */
  mxnetFactor(wasm) {
    const r = gradients(wasm, { depth: 20, width: 64, activation: 'identity', init: 'mxnet-default', sigma: 1 });
    const L = r.layers.length;
    return { value: 10 ** (r.verdict.forward_decades / (L - 1)), theory: (0.07 / Math.sqrt(3)) * Math.sqrt(64) };
  },

  /** Xavier normal's σ for a 256 → 64 layer (the theory's formula). */
  xavierSigma() {
    const v = Math.sqrt(2 / (256 + 64));
    return { value: v, theory: v };
  },

  /** ReLU with He normal, width 64, depth 50: powers of ten the forward signal changes. */
  heForwardDecades(wasm) {
    const r = gradients(wasm, { depth: 50, width: 64, activation: 'relu', init: 'he-normal', sigma: 1 });
    return { value: r.verdict.forward_decades, theory: 0 };
  },

  /** Two random 4×4 matrices (seed 1): σ_max(AB) as a fraction of σ_max(A)·σ_max(B). */
  spectrumFraction(wasm) {
    const r = wasm.spectrumCompute({ size: 4, sigma: 1, seed: 1 });
    return { value: r.sv_ab[0] / r.upper };
  },
};
