//! Training a deep MLP from different initializers, with plain SGD or with LARS.
//!
//! Model, for an input x ∈ ℝᵈ (the examples are the columns of X, d × B): h⁰ = x,
//! zˡ = Wˡhˡ⁻¹ + bˡ, hˡ = φ(zˡ) for the hidden layers l = 1..L, and a linear output
//! ŷ = W^{L+1}hᴸ + b^{L+1} (one unit). Loss on a batch of B examples:
//! ℓ = (1/2B)·Σ_b (ŷ_b − y_b)².
//!
//! Backward, with δˡ = ∂ℓ/∂zˡ: δ^{L+1} = (ŷ − y)/B; ∂ℓ/∂Wˡ = δˡ(hˡ⁻¹)ᵀ; ∂ℓ/∂bˡ = Σ_b δˡ_b;
//! δˡ⁻¹ = ((Wˡ)ᵀδˡ) ⊙ φ′(zˡ⁻¹).
//!
//! The task is [`Regression::generate`] from stream 0 of the seed (the same data for every
//! initializer, so that loss curves can be compared); Wˡ is drawn by the initializer from stream
//! l of the seed; every bias starts at 0.
//!
//! One step, plain SGD with learning rate γ: Wˡ ← Wˡ − γ·∂ℓ/∂Wˡ, bˡ ← bˡ − γ·∂ℓ/∂bˡ.
//!
//! One step with LARS (layer-wise adaptive rate scaling, You, Gitman & Ginsburg 2017, without
//! weight decay): each layer gets the trust ratio τˡ = ‖Wˡ‖_F / ‖∂ℓ/∂Wˡ‖_F and
//! Wˡ ← Wˡ − γ·τˡ·∂ℓ/∂Wˡ, bˡ ← bˡ − γ·τˡ·∂ℓ/∂bˡ. So ‖ΔWˡ‖ = γ·‖Wˡ‖: every layer moves by the
//! same *relative* amount γ however large or small its gradient is. If ‖Wˡ‖ or ‖∂ℓ/∂Wˡ‖ is 0
//! (or not finite), τˡ = 1, as in common implementations.

use crate::draws::stream_rng;
use crate::symmetry::Regression;
use crate::{Activation, Elem, Error, Initializer};
use gradscope_kernels::dense;
use nalgebra::{DMatrix, DVector};
use rand::Rng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

/// The minibatch random-number generator (see [`DeepTrainer::batch_rng`]).
pub type BatchRng = ChaCha8Rng;

/// The declared fields of [`DeepSettings`].
pub mod deep_fields {
    use crate::schema::Field;
    use crate::{Activation, Initializer};

    crate::fields! {
        INPUTS: "Input dimension d of the regression task."
            = Field::int("inputs", 1, 16, 4).unit("inputs");
        DEPTH: "Hidden layers L." = Field::int("depth", 1, 12, 4).unit("layers");
        WIDTH: "Units per hidden layer." = Field::int("width", 1, 128, 32).unit("units");
        ACTIVATION: "The hidden activation φ (the output is linear)."
            = Field::choice("activation", Activation::NAMES, "relu").key("act");
        INIT: "How every weight matrix is drawn; biases start at 0."
            = Field::choice("init", Initializer::NAMES, "he-normal");
        SIGMA: "σ of the initializer (standard deviation or gain)."
            = Field::float("sigma", 0.0, 10.0, 1.0);
        LEARNING_RATE: "The global learning rate γ."
            = Field::float("learning_rate", 1e-6, 10.0, 0.05).log_slider(0.0001, 1.0);
        SAMPLES: "Training examples N." = Field::int("samples", 1, 1024, 128).unit("examples");
        BATCH: "Minibatch size B; 0 means full-batch gradient descent."
            = Field::int("batch", 0, 1024, 0).unit("examples");
        LARS: "Whether each layer's step is scaled by its trust ratio (LARS)."
            = Field::bool("lars", false);
        // The seed of the task and of the initial weights.
        SEED = crate::settings::fields::SEED;
    }
}

crate::settings! {
    /// The settings of a deep training run.
    ///
    /// Every field at its declared default: four ReLU layers of 32 units, He normal, γ = 0.05,
    /// full batch of 128 examples.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(default)]
    pub struct DeepSettings by deep_fields {
        inputs: usize = INPUTS, depth: usize = DEPTH, width: usize = WIDTH,
        activation: Activation = ACTIVATION, init: Initializer = INIT, sigma: f64 = SIGMA,
        learning_rate: f64 = LEARNING_RATE, samples: usize = SAMPLES, batch: usize = BATCH,
        lars: bool = LARS, seed: u64 = SEED,
    }
}

impl DeepSettings {
    /// The setting that diverges without LARS and trains with it: 6 ReLU layers of 32 units,
    /// weights N(0, 1) (so the forward signal grows by ≈ √(32/2) = 4 per layer and the first
    /// loss is ≈ 10⁶–10⁸), γ = 0.02, full batch. Plain SGD's first step is
    /// γ·‖∂ℓ/∂W‖ ≫ ‖W‖: the loss jumps by 50 orders of magnitude or more in one step and
    /// overflows to ∞/NaN soon after. With LARS every layer moves by 2 % of its norm per step;
    /// the loss is not monotone in the first steps (it may rise ≈ 10×) but falls by more than two
    /// orders of magnitude within 100 steps and four within 200 (seeds 1–8, see the tests; most
    /// seeds reach ≈ 0.25, the loss of predicting the mean, within 100 steps).
    pub fn diverging() -> Self {
        DeepSettings {
            inputs: 4,
            depth: 6,
            width: 32,
            activation: Activation::Relu,
            init: Initializer::Normal,
            sigma: 1.0,
            learning_rate: 0.02,
            samples: 128,
            batch: 0,
            lars: false,
            seed: 1,
        }
    }
}

/// The network's parameters: Wˡ (n_l × n_{l−1}) and bˡ for l = 1..L+1 (index l − 1).
#[derive(Debug, Clone, PartialEq)]
pub struct DeepMlp {
    /// The hidden activation φ.
    pub activation: Activation,
    /// W¹..W^{L+1}.
    pub weights: Vec<DMatrix<f64>>,
    /// b¹..b^{L+1}.
    pub biases: Vec<DVector<f64>>,
}

/// ∂ℓ/∂Wˡ and ∂ℓ/∂bˡ for l = 1..L+1 (index l − 1), and the loss ℓ.
#[derive(Debug, Clone, PartialEq)]
pub struct DeepGradients {
    /// The loss ℓ = (1/2B)·Σ_b (ŷ_b − y_b)².
    pub loss: f64,
    /// ∂ℓ/∂Wˡ.
    pub weights: Vec<DMatrix<f64>>,
    /// ∂ℓ/∂bˡ.
    pub biases: Vec<DVector<f64>>,
}

impl DeepMlp {
    /// The forward pass on X (d × B): returns [h⁰ = X, h¹, …, hᴸ, ŷ] and [z¹, …, z^{L+1}].
    pub fn forward(&self, x: &DMatrix<f64>) -> (Vec<DMatrix<f64>>, Vec<DMatrix<f64>>) {
        let last = self.weights.len();
        let mut hs = vec![x.clone()];
        let mut zs = Vec::with_capacity(last);
        for (l, (w, b)) in self.weights.iter().zip(&self.biases).enumerate() {
            let mut z = dense::product(w, hs.last().expect("h⁰ present"));
            for mut col in z.column_iter_mut() {
                col += b;
            }
            let h = if l + 1 == last {
                z.clone()
            } else {
                let mut h = z.clone();
                f64::apply_activation(self.activation, h.as_mut_slice());
                h
            };
            zs.push(z);
            hs.push(h);
        }
        (hs, zs)
    }

    /// The loss ℓ = (1/2B)·Σ_b (ŷ_b − y_b)² on X (d × B) and y (B).
    pub fn loss(&self, x: &DMatrix<f64>, y: &[f64]) -> f64 {
        let (hs, _) = self.forward(x);
        let out = hs.last().expect("output");
        let b = y.len().max(1) as f64;
        y.iter()
            .enumerate()
            .map(|(i, &t)| (out[(0, i)] - t).powi(2))
            .sum::<f64>()
            / (2.0 * b)
    }

    /// The loss and every gradient by backpropagation (see the module documentation).
    pub fn gradients(&self, x: &DMatrix<f64>, y: &[f64]) -> DeepGradients {
        let (hs, zs) = self.forward(x);
        let n_layers = self.weights.len();
        let out = hs.last().expect("output");
        let b = y.len().max(1) as f64;
        let mut delta = DMatrix::from_fn(1, y.len(), |_, i| (out[(0, i)] - y[i]) / b);
        let loss = y
            .iter()
            .enumerate()
            .map(|(i, &t)| (out[(0, i)] - t).powi(2))
            .sum::<f64>()
            / (2.0 * b);
        let mut gw = vec![DMatrix::zeros(0, 0); n_layers];
        let mut gb = vec![DVector::zeros(0); n_layers];
        for l in (0..n_layers).rev() {
            gw[l] = dense::product_bt(&delta, &hs[l]);
            gb[l] = delta.column_sum();
            if l > 0 {
                let mut prev = dense::product_at(&self.weights[l], &delta);
                f64::times_derivative(self.activation, prev.as_mut_slice(), zs[l - 1].as_slice());
                delta = prev;
            }
        }
        DeepGradients {
            loss,
            weights: gw,
            biases: gb,
        }
    }
}

/// What one training step reports.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeepStepReport {
    /// Steps done so far (1 after the first).
    pub step: usize,
    /// The loss on this step's batch, before the update.
    pub loss: f64,
    /// The loss on all N examples after the update.
    pub full_loss: f64,
    /// ‖ΔWˡ‖_F of this step, l = 1..L+1.
    pub layer_update_norms: Vec<f64>,
    /// ‖Wˡ‖_F after the step.
    pub layer_weight_norms: Vec<f64>,
    /// ‖∂ℓ/∂Wˡ‖_F of this step.
    pub layer_grad_norms: Vec<f64>,
    /// τˡ = ‖Wˡ‖/‖∂ℓ/∂Wˡ‖ before the step (1 where either is 0 or not finite); applied only
    /// with LARS, reported either way.
    pub trust_ratios: Vec<f64>,
    /// Whether the loss or any weight is no longer a finite number.
    pub diverged: bool,
}

/// A histogram of one hidden layer's activations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Histogram {
    /// The hidden layer l (1..L).
    pub layer: usize,
    /// bins + 1 increasing bin edges; bin k is [edges[k], edges[k+1]) (the last one closed).
    pub edges: Vec<f64>,
    /// Values per bin; values below edges[0] count in the first bin and values above the last
    /// edge in the last bin (see `below`, `above`).
    pub counts: Vec<u64>,
    /// How many values were below the range (counted in the first bin).
    pub below: u64,
    /// How many values were above the range (counted in the last bin).
    pub above: u64,
    /// NaN or ±∞ values (not counted in any bin): counts sum + non_finite = units × N.
    pub non_finite: u64,
}

/// Counts `values` into `bins` equal bins over `[lo, hi]` (see [`Histogram`]); `hi ≤ lo` is
/// widened to `[lo − 0.5, lo + 0.5]`.
pub fn histogram(
    layer: usize,
    values: impl Iterator<Item = f64>,
    bins: usize,
    lo: f64,
    hi: f64,
) -> Histogram {
    let bins = bins.max(1);
    let (lo, hi) = if hi > lo && (hi - lo).is_finite() {
        (lo, hi)
    } else {
        (lo - 0.5, lo + 0.5)
    };
    let width = (hi - lo) / bins as f64;
    let edges = (0..=bins).map(|k| lo + width * k as f64).collect();
    let mut h = Histogram {
        layer,
        edges,
        counts: vec![0; bins],
        below: 0,
        above: 0,
        non_finite: 0,
    };
    for v in values {
        if !v.is_finite() {
            h.non_finite += 1;
            continue;
        }
        if v < lo {
            h.below += 1;
        } else if v > hi {
            h.above += 1;
        }
        let k = ((v - lo) / width).floor();
        let k = if k < 0.0 {
            0
        } else {
            (k as usize).min(bins - 1)
        };
        h.counts[k] += 1;
    }
    h
}

fn frobenius(m: &DMatrix<f64>) -> f64 {
    m.iter().map(|v| v * v).sum::<f64>().sqrt()
}

/// The trust ratio τ = ‖W‖/‖g‖, or 1 when either is 0 or not finite.
pub fn trust_ratio(weight_norm: f64, grad_norm: f64) -> f64 {
    let r = weight_norm / grad_norm;
    if weight_norm > 0.0 && grad_norm > 0.0 && r.is_finite() {
        r
    } else {
        1.0
    }
}

/// How many times its starting value the loss on all N examples may reach before a run counts
/// as diverged (see [`run_diverged`]).
pub const DIVERGENCE_FACTOR: f64 = 10.0;

/// Whether a run has diverged: some step's loss or weights stopped being finite
/// (`non_finite_seen`, the OR of every [`DeepStepReport::diverged`] so far), or the loss on all
/// N examples now is not ≤ 10 × its value before the first step:
/// diverged = non_finite_seen ∨ ¬(loss_now ≤ 10·start_loss), so a NaN loss (now or at the
/// start) counts as diverged. A run may pass through this state and come back (LARS's first
/// steps can raise the loss about 10×): it says where the run is now, not where it ends.
pub fn run_diverged(start_loss: f64, loss_now: f64, non_finite_seen: bool) -> bool {
    // `!(a <= b)` rather than `a > b`, so that NaN counts as diverged.
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    let grew = !(loss_now <= DIVERGENCE_FACTOR * start_loss);
    non_finite_seen || grew
}

/// A deep MLP being trained, one step at a time by [`DeepTrainer::step`].
#[derive(Debug, Clone)]
pub struct DeepTrainer {
    settings: DeepSettings,
    data: Regression,
    x: DMatrix<f64>,
    mlp: DeepMlp,
    steps: usize,
}

impl DeepTrainer {
    /// The task (stream 0 of the seed) and the initial weights (stream l for Wˡ).
    pub fn new(settings: &DeepSettings) -> Result<Self, Error> {
        settings.validate()?;
        let s = settings;
        let data = Regression::generate(&mut stream_rng(s.seed, 0), s.samples, s.inputs);
        let x = DMatrix::from_fn(s.inputs, s.samples, |j, b| data.inputs[b][j]);
        let mut widths = vec![s.inputs];
        widths.extend(std::iter::repeat_n(s.width, s.depth));
        widths.push(1);
        let weights = (1..widths.len())
            .map(|l| {
                s.init.sample::<f64, _>(
                    &mut stream_rng(s.seed, l as u64),
                    s.sigma,
                    widths[l - 1],
                    widths[l],
                )
            })
            .collect();
        let biases = widths[1..].iter().map(|&n| DVector::zeros(n)).collect();
        Ok(DeepTrainer {
            settings: s.clone(),
            data,
            x,
            mlp: DeepMlp {
                activation: s.activation,
                weights,
                biases,
            },
            steps: 0,
        })
    }

    /// The random-number generator that [`DeepTrainer::run`] and the page use for the
    /// minibatches: stream 2³² of the seed (no weight stream reaches it).
    pub fn batch_rng(seed: u64) -> BatchRng {
        stream_rng(seed, 1 << 32)
    }

    /// `steps` steps from a fresh trainer, minibatches from [`DeepTrainer::batch_rng`].
    pub fn run(settings: &DeepSettings, steps: usize) -> Result<Vec<DeepStepReport>, Error> {
        let mut t = DeepTrainer::new(settings)?;
        let mut rng = Self::batch_rng(settings.seed);
        Ok((0..steps).map(|_| t.step(&mut rng)).collect())
    }

    /// The settings.
    pub fn settings(&self) -> &DeepSettings {
        &self.settings
    }

    /// The task.
    pub fn data(&self) -> &Regression {
        &self.data
    }

    /// The inputs as a d × N matrix (one example per column).
    pub fn inputs(&self) -> &DMatrix<f64> {
        &self.x
    }

    /// The network's parameters.
    pub fn network(&self) -> &DeepMlp {
        &self.mlp
    }

    /// The network's parameters, to change (for gradient checks).
    pub fn network_mut(&mut self) -> &mut DeepMlp {
        &mut self.mlp
    }

    /// Steps done so far.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// The loss on all N examples.
    pub fn full_loss(&self) -> f64 {
        self.mlp.loss(&self.x, &self.data.targets)
    }

    /// One SGD or LARS step (see the module documentation) on a minibatch of B examples drawn
    /// without replacement by `rng`, or on all N when B = 0 or B ≥ N (then `rng` is unused).
    pub fn step<R: Rng + ?Sized>(&mut self, rng: &mut R) -> DeepStepReport {
        let n = self.settings.samples;
        let b = self.settings.batch;
        let grads = if b == 0 || b >= n {
            self.mlp.gradients(&self.x, &self.data.targets)
        } else {
            let idx = rand::seq::index::sample(rng, n, b).into_vec();
            let xb = DMatrix::from_fn(self.x.nrows(), b, |j, k| self.x[(j, idx[k])]);
            let yb: Vec<f64> = idx.iter().map(|&i| self.data.targets[i]).collect();
            self.mlp.gradients(&xb, &yb)
        };
        let gamma = self.settings.learning_rate;
        let layers = self.mlp.weights.len();
        let mut update_norms = Vec::with_capacity(layers);
        let mut grad_norms = Vec::with_capacity(layers);
        let mut trust = Vec::with_capacity(layers);
        for l in 0..layers {
            let gn = frobenius(&grads.weights[l]);
            let wn = frobenius(&self.mlp.weights[l]);
            let tau = trust_ratio(wn, gn);
            let rate = if self.settings.lars {
                gamma * tau
            } else {
                gamma
            };
            self.mlp.weights[l].zip_apply(&grads.weights[l], |w, g| *w -= rate * g);
            self.mlp.biases[l].zip_apply(&grads.biases[l], |b, g| *b -= rate * g);
            update_norms.push(rate * gn);
            grad_norms.push(gn);
            trust.push(tau);
        }
        self.steps += 1;
        let weight_norms: Vec<f64> = self.mlp.weights.iter().map(frobenius).collect();
        let full_loss = self.full_loss();
        let diverged = !grads.loss.is_finite()
            || !full_loss.is_finite()
            || weight_norms.iter().any(|w| !w.is_finite());
        DeepStepReport {
            step: self.steps,
            loss: grads.loss,
            full_loss,
            layer_update_norms: update_norms,
            layer_weight_norms: weight_norms,
            layer_grad_norms: grad_norms,
            trust_ratios: trust,
            diverged,
        }
    }

    /// Histograms of each hidden layer's activations hˡ on all N training examples, with the
    /// current weights: `bins` equal bins over `range`, or over the finite values' [min, max]
    /// across all hidden layers when `range` is `None`.
    pub fn activation_histograms(&self, bins: usize, range: Option<(f64, f64)>) -> Vec<Histogram> {
        let (hs, _) = self.mlp.forward(&self.x);
        let hidden = &hs[1..hs.len() - 1];
        let (lo, hi) = range.unwrap_or_else(|| {
            let mut lo = f64::INFINITY;
            let mut hi = f64::NEG_INFINITY;
            for v in hidden.iter().flat_map(|h| h.iter()) {
                if v.is_finite() {
                    lo = lo.min(*v);
                    hi = hi.max(*v);
                }
            }
            if lo > hi {
                (0.0, 1.0)
            } else {
                (lo, hi)
            }
        });
        hidden
            .iter()
            .enumerate()
            .map(|(l, h)| histogram(l + 1, h.iter().copied(), bins, lo, hi))
            .collect()
    }
}
