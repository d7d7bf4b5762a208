//! The symmetry experiment: a one-hidden-layer MLP with biases, trained step by step with
//! gradient descent on a regression task the engine makes itself, with optional dropout.
//!
//! Model, for an input x ∈ ℝᵈ: zᵢ = Σⱼ Wᵢⱼxⱼ + bᵢ, hᵢ = φ(zᵢ)·mᵢ/(1 − p), ŷ = Σᵢ vᵢhᵢ + c, with
//! the dropout mask mᵢ ~ Bernoulli(1 − p) drawn afresh for every example and step (mᵢ = 1 when
//! p = 0). Loss: L = (1/2N)·Σ_b (ŷ_b − y_b)², one full-batch step θ ← θ − η·∂L/∂θ.
//!
//! The task: N inputs x_b ~ U[−2, 2]ᵈ and targets y_b = sin(2·s_b) with s_b = Σⱼxⱼ/√d.
//!
//! Why constant initialization is a trap. If every Wᵢⱼ = c, every vᵢ = c and every bᵢ = 0, the
//! hidden units compute the same zᵢ and hᵢ, get the same ∂L/∂vᵢ = (1/N)Σ_b e_b h_{i,b} and the
//! same ∂L/∂Wᵢⱼ = (1/N)Σ_b e_b vᵢ φ′(z_{i,b}) x_{j,b}, so they stay equal forever: the layer
//! behaves like a single unit. The loops below compute each unit with the same operations in
//! the same order, so in floating point the units stay *bitwise* equal. Dropout gives each unit
//! its own mask and breaks the tie.

use crate::{Activation, Error, Initializer};
use rand::Rng;
use rand_distr::{Bernoulli, Distribution, Uniform};
use serde::{Deserialize, Serialize};

/// The declared fields of [`MlpSettings`].
pub mod mlp_fields {
    use crate::schema::Field;
    use crate::{Activation, Initializer};

    crate::fields! {
        INPUTS: "Input dimension d of the regression task."
            = Field::int("inputs", 1, 16, 2).unit("inputs");
        HIDDEN: "Hidden units h." = Field::int("hidden", 1, 64, 2).unit("units");
        ACTIVATION: "The hidden activation φ."
            = Field::choice("activation", Activation::NAMES, "tanh").key("act");
        INIT: "How the weights are initialized; biases start at 0."
            = Field::choice("init", Initializer::NAMES, "constant");
        SIGMA: "σ of the initializer: the value of every weight for a constant initialization."
            = Field::float("sigma", 0.0, 10.0, 0.5);
        DROPOUT: "Dropout probability p on the hidden layer (0: no dropout)."
            = Field::float("dropout", 0.0, 0.95, 0.0);
        LEARNING_RATE: "Learning rate η of gradient descent."
            = Field::float("learning_rate", 1e-9, 10.0, 0.1).log_slider(0.001, 10.0);
        SAMPLES: "Examples N in the regression task."
            = Field::int("samples", 1, 4096, 64).unit("examples");
        // The seed of the task and of the initial weights.
        SEED = crate::settings::fields::SEED;
    }
}

crate::settings! {
    /// The settings of the symmetry experiment.
    ///
    /// Every field at its declared default: two inputs, two hidden tanh units with constant
    /// weights 0.5, no dropout (the book's symmetry example).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct MlpSettings by mlp_fields {
        inputs: usize = INPUTS, hidden: usize = HIDDEN, activation: Activation = ACTIVATION,
        init: Initializer = INIT, sigma: f64 = SIGMA, dropout: f64 = DROPOUT,
        learning_rate: f64 = LEARNING_RATE, samples: usize = SAMPLES, seed: u64 = SEED,
    }
}

/// What one training step reports (the parameters after the step).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StepReport {
    /// Steps done so far (1 after the first).
    pub step: usize,
    /// The loss L of this step's forward pass (with this step's dropout masks).
    pub loss: f64,
    /// Each hidden unit's incoming weights Wᵢ (one row per unit), after the step.
    pub hidden_weights: Vec<Vec<f64>>,
    /// Each hidden unit's bias bᵢ, after the step.
    pub hidden_bias: Vec<f64>,
    /// The output weights vᵢ, after the step.
    pub output_weights: Vec<f64>,
    /// [`unit_difference`] of `hidden_weights`: 0 while the units are identical.
    pub max_unit_difference: f64,
}

/// The task's data: inputs (one row per example) and targets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Regression {
    /// x_b, each of length d.
    pub inputs: Vec<Vec<f64>>,
    /// y_b = sin(2·Σⱼx_{b,j}/√d).
    pub targets: Vec<f64>,
}

impl Regression {
    /// N examples in d dimensions, from `rng`.
    pub fn generate<R: Rng + ?Sized>(rng: &mut R, samples: usize, d: usize) -> Self {
        let u = Uniform::new_inclusive(-2.0, 2.0).expect("a valid range");
        let inputs: Vec<Vec<f64>> = (0..samples)
            .map(|_| (0..d).map(|_| u.sample(rng)).collect())
            .collect();
        let targets = inputs
            .iter()
            .map(|x| (2.0 * x.iter().sum::<f64>() / (d as f64).sqrt()).sin())
            .collect();
        Regression { inputs, targets }
    }
}

/// The MLP being trained, advanced one step at a time by [`Trainer::step`].
#[derive(Debug, Clone)]
pub struct Trainer {
    settings: MlpSettings,
    data: Regression,
    w: Vec<Vec<f64>>,
    b: Vec<f64>,
    v: Vec<f64>,
    c: f64,
    steps: usize,
}

impl Trainer {
    /// The task and the initial weights from `settings.seed` (task from stream 0, W from
    /// stream 1, v from stream 2).
    pub fn new(settings: &MlpSettings) -> Result<Self, Error> {
        settings.validate()?;
        let s = settings;
        let data = Regression::generate(
            &mut crate::draws::stream_rng(s.seed, 0),
            s.samples,
            s.inputs,
        );
        let w = s.init.sample::<f64, _>(
            &mut crate::draws::stream_rng(s.seed, 1),
            s.sigma,
            s.inputs,
            s.hidden,
        );
        let v = s.init.sample::<f64, _>(
            &mut crate::draws::stream_rng(s.seed, 2),
            s.sigma,
            s.hidden,
            1,
        );
        Ok(Trainer {
            settings: s.clone(),
            data,
            w: (0..s.hidden)
                .map(|i| (0..s.inputs).map(|j| w[(i, j)]).collect())
                .collect(),
            b: vec![0.0; s.hidden],
            v: (0..s.hidden).map(|i| v[(0, i)]).collect(),
            c: 0.0,
            steps: 0,
        })
    }

    /// The task.
    pub fn data(&self) -> &Regression {
        &self.data
    }

    /// Each hidden unit's incoming weights, one row per unit.
    pub fn hidden_weights(&self) -> &[Vec<f64>] {
        &self.w
    }

    /// One full-batch gradient step (see the module documentation); `rng` draws the dropout
    /// masks and is not used when p = 0.
    // Index loops keep every unit's operations, and their order, visibly the same.
    #[allow(clippy::needless_range_loop)]
    pub fn step<R: Rng + ?Sized>(&mut self, rng: &mut R) -> StepReport {
        let s = &self.settings;
        let (h_units, d) = (s.hidden, s.inputs);
        let n = self.data.targets.len() as f64;
        let p = s.dropout;
        let keep = if p > 0.0 {
            Some(Bernoulli::new(1.0 - p).expect("p in [0, 1)"))
        } else {
            None
        };
        let scale = 1.0 / (1.0 - p);
        let mut gw = vec![vec![0.0; d]; h_units];
        let mut gb = vec![0.0; h_units];
        let mut gv = vec![0.0; h_units];
        let mut gc = 0.0;
        let mut loss = 0.0;
        let mut z = vec![0.0; h_units];
        let mut h = vec![0.0; h_units];
        let mut m = vec![1.0; h_units];
        for (x, &y) in self.data.inputs.iter().zip(&self.data.targets) {
            for i in 0..h_units {
                let mut zi = self.b[i];
                for j in 0..d {
                    zi += self.w[i][j] * x[j];
                }
                z[i] = zi;
                m[i] = match &keep {
                    Some(bern) => {
                        if bern.sample(rng) {
                            scale
                        } else {
                            0.0
                        }
                    }
                    None => 1.0,
                };
                h[i] = s.activation.apply(zi) * m[i];
            }
            let mut out = self.c;
            for i in 0..h_units {
                out += self.v[i] * h[i];
            }
            let e = out - y;
            loss += 0.5 * e * e / n;
            let de = e / n;
            gc += de;
            for i in 0..h_units {
                gv[i] += de * h[i];
                let dz = de * self.v[i] * m[i] * s.activation.derivative(z[i]);
                gb[i] += dz;
                for j in 0..d {
                    gw[i][j] += dz * x[j];
                }
            }
        }
        let eta = s.learning_rate;
        for i in 0..h_units {
            for j in 0..d {
                self.w[i][j] -= eta * gw[i][j];
            }
            self.b[i] -= eta * gb[i];
            self.v[i] -= eta * gv[i];
        }
        self.c -= eta * gc;
        self.steps += 1;
        StepReport {
            step: self.steps,
            loss,
            hidden_weights: self.w.clone(),
            hidden_bias: self.b.clone(),
            output_weights: self.v.clone(),
            max_unit_difference: unit_difference(&self.w),
        }
    }
}

/// How far apart the hidden units' incoming weights are:
/// max over pairs of units (i, k) of max_j |Wᵢⱼ − W_kⱼ|, 0 exactly when every unit has the same
/// weights (and for fewer than two units); NaN entries are skipped by `f64::max`.
pub fn unit_difference(w: &[Vec<f64>]) -> f64 {
    let mut spread = 0.0f64;
    for a in w {
        for b in w {
            for (x, y) in a.iter().zip(b) {
                spread = spread.max((x - y).abs());
            }
        }
    }
    spread
}
