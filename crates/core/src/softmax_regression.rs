//! The chapter's exercise on constant initialization in softmax regression: every weight starts
//! at the same value c, and gradient descent still learns.
//!
//! Model, for an input x ∈ ℝᵈ and K classes: logits o = Wᵀx + b (W is d × K, one column w_k per
//! class; b ∈ ℝᴷ starts at 0), probabilities p = softmax(o), loss the mean cross-entropy
//! ℓ = −(1/n)·Σᵢ log p_{i,yᵢ}. With X the n × d inputs (one example per row), P the n × K
//! probabilities and Y the n × K one-hot labels:
//!
//! - ∂ℓ/∂W = Xᵀ(P − Y)/n, ∂ℓ/∂b = (P − Y)ᵀ1/n;
//! - one full-batch step W ← W − η·∂ℓ/∂W, b ← b − η·∂ℓ/∂b.
//!
//! Why the constant start is harmless here. With every W_jk = c, the logits of all classes are
//! equal, so p = (1/K, …, 1/K) for every example and ℓ = ln K. The gradient's column k is then
//! (1/n)·Σᵢ xᵢ(1/K − Y_ik) = (1/K)·x̄ − (n_k/n)·x̄_k, with x̄ the mean input and x̄_k the mean
//! input of class k. The columns differ as soon as the classes differ in their counts or their
//! means: the labels Y, which are different for each class, break the symmetry. In an MLP the
//! hidden units are interchangeable (no label singles one out), so their gradients stay equal
//! (see [`crate::symmetry`]). Two classes that never appear in the labels get equal gradient
//! columns at every step and stay equal, bitwise: that is the test that this code can fail.
//!
//! The constant c itself never matters: every column of ∂ℓ/∂W sums over classes to
//! Xᵀ(P − Y)1/n = 0 (each row of P and of Y sums to 1), so the part c·1 shared by every column
//! is never changed and shifts every logit of an example by the same amount, which softmax
//! ignores. The losses from c and from 0 agree up to rounding.
//!
//! The data: K Gaussian blobs in d = 2 dimensions, m examples per class, class k centred at
//! 2·(cos 2πk/K, sin 2πk/K) with standard deviation s in each coordinate.

use crate::schema::{FromValues, Values};
use crate::symmetry::unit_difference;
use crate::Error;
use gradscope_kernels::dense;
use nalgebra::{DMatrix, DVector};
use rand::Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

/// The input dimension d of the blobs.
pub const INPUTS: usize = 2;
/// The distance of every class centre from the origin.
pub const CENTRE_RADIUS: f64 = 2.0;

/// The declared fields of [`SoftmaxSettings`].
pub mod softmax_fields {
    use crate::schema::Field;

    crate::fields! {
        CLASSES: "Classes K of the synthetic data, one Gaussian blob each."
            = Field::int("classes", 2, 6, 3).unit("classes");
        PER_CLASS: "Examples m drawn from each class's blob."
            = Field::int("per_class", 1, 100, 50).unit("examples");
        SPREAD: "Standard deviation s of each blob; larger blobs overlap more."
            = Field::float("spread", 0.05, 5.0, 1.0).log_slider(0.1, 5.0);
        VALUE: "The constant c every weight starts at (biases start at 0)."
            = Field::float("value", -5.0, 5.0, 1.0);
        LEARNING_RATE: "Learning rate η of full-batch gradient descent."
            = Field::float("learning_rate", 1e-4, 10.0, 0.5).log_slider(0.001, 10.0);
        // The largest setting (6 classes × 100 examples, 1000 steps) stays near a tenth of a
        // second in the browser.
        STEPS: "Full-batch gradient-descent steps."
            = Field::int("steps", 1, 1000, 100).unit("steps");
        // The seed of the data.
        SEED = crate::settings::fields::SEED;
    }
}

/// The settings of the softmax-regression experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SoftmaxSettings {
    /// Classes K.
    pub classes: usize,
    /// Examples per class m.
    pub per_class: usize,
    /// Standard deviation s of each blob.
    pub spread: f64,
    /// The constant c every weight starts at.
    pub value: f64,
    /// Learning rate η.
    pub learning_rate: f64,
    /// Gradient-descent steps.
    pub steps: usize,
    /// The seed of the data.
    pub seed: u64,
}

impl Default for SoftmaxSettings {
    /// Every field at its declared default: three blobs of 50 examples, every weight 1.
    fn default() -> Self {
        crate::schema::defaults()
    }
}

impl FromValues for SoftmaxSettings {
    fn from_values(v: &Values) -> Result<Self, Error> {
        use softmax_fields::*;
        let s = SoftmaxSettings {
            classes: v.count(&CLASSES)?,
            per_class: v.count(&PER_CLASS)?,
            spread: v.float(&SPREAD)?,
            value: v.float(&VALUE)?,
            learning_rate: v.float(&LEARNING_RATE)?,
            steps: v.count(&STEPS)?,
            seed: v.int(&SEED)? as u64,
        };
        s.validate()?;
        Ok(s)
    }
}

impl SoftmaxSettings {
    /// Checks each field against its declaration in [`softmax_fields`].
    pub fn validate(&self) -> Result<(), Error> {
        use softmax_fields::*;
        CLASSES.check_int(self.classes as u64)?;
        PER_CLASS.check_int(self.per_class as u64)?;
        SPREAD.check_float(self.spread)?;
        VALUE.check_float(self.value)?;
        LEARNING_RATE.check_float(self.learning_rate)?;
        STEPS.check_int(self.steps as u64)?;
        SEED.check_int(self.seed)?;
        Ok(())
    }
}

/// A labelled data set: inputs X (n × d, one example per row) and labels yᵢ ∈ 0..K.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// X, one example per row.
    pub inputs: DMatrix<f64>,
    /// yᵢ, the class of example i.
    pub labels: Vec<usize>,
    /// K.
    pub classes: usize,
}

impl Classification {
    /// K blobs of m examples each (class by class), drawn from `rng` (see the module docs).
    pub fn blobs<R: Rng + ?Sized>(
        rng: &mut R,
        classes: usize,
        per_class: usize,
        spread: f64,
    ) -> Self {
        let n = classes * per_class;
        let mut inputs = DMatrix::<f64>::zeros(n, INPUTS);
        let mut labels = Vec::with_capacity(n);
        for k in 0..classes {
            let angle = std::f64::consts::TAU * k as f64 / classes as f64;
            let centre = [CENTRE_RADIUS * angle.cos(), CENTRE_RADIUS * angle.sin()];
            for i in 0..per_class {
                for (j, c) in centre.iter().enumerate() {
                    let z: f64 = StandardNormal.sample(rng);
                    inputs[(k * per_class + i, j)] = c + spread * z;
                }
                labels.push(k);
            }
        }
        Classification {
            inputs,
            labels,
            classes,
        }
    }

    /// The mean cross-entropy ℓ, ∂ℓ/∂W (d × K) and ∂ℓ/∂b at weights `w` (d × K) and bias `b`,
    /// and the fraction of examples whose largest logit is their class (ties count as wrong,
    /// so that equal logits score 0, not 1/K by luck of the ordering).
    pub fn loss_and_gradient(
        &self,
        w: &DMatrix<f64>,
        b: &DVector<f64>,
    ) -> (f64, DMatrix<f64>, DVector<f64>, f64) {
        let x = &self.inputs;
        let n = x.nrows();
        let mut logits = dense::product(x, w);
        for mut row in logits.row_iter_mut() {
            row += b.transpose();
        }
        let (loss, correct, residual) = dense::softmax_cross_entropy(&logits, &self.labels);
        let inv_n = 1.0 / n.max(1) as f64;
        let gw = dense::product_at(x, &residual) * inv_n;
        let gb = residual.row_sum().transpose() * inv_n;
        (loss * inv_n, gw, gb, correct as f64 * inv_n)
    }

    /// The mean input of each class (K rows of d), NaN for a class with no example.
    pub fn class_means(&self) -> Vec<Vec<f64>> {
        (0..self.classes)
            .map(|c| {
                let rows: Vec<usize> = (0..self.labels.len())
                    .filter(|&i| self.labels[i] == c)
                    .collect();
                (0..self.inputs.ncols())
                    .map(|j| {
                        rows.iter().map(|&i| self.inputs[(i, j)]).sum::<f64>() / rows.len() as f64
                    })
                    .collect()
            })
            .collect()
    }
}

/// How far apart the classes' weight columns are: max over pairs of classes (k, k′) and inputs j
/// of |W_jk − W_jk′|; 0 exactly when every class has the same column.
pub fn column_spread(w: &DMatrix<f64>) -> f64 {
    unit_difference(&columns(w))
}

/// The columns of `m`, each as a list.
fn columns(m: &DMatrix<f64>) -> Vec<Vec<f64>> {
    m.column_iter()
        .map(|c| c.iter().copied().collect())
        .collect()
}

/// One step of the history (the state before step `step + 1`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SoftmaxStep {
    /// Steps done (0 is the constant start).
    pub step: usize,
    /// ℓ at the weights after `step` steps.
    pub loss: f64,
    /// The fraction of examples classified right.
    pub accuracy: f64,
    /// [`column_spread`] of W after `step` steps.
    pub spread: f64,
}

/// The experiment's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SoftmaxReport {
    /// The settings it ran with.
    pub settings: SoftmaxSettings,
    /// Steps 0 ..= `steps`.
    pub history: Vec<SoftmaxStep>,
    /// ∂ℓ/∂W at the constant start, one list per class (its column): d entries each.
    pub first_gradient: Vec<Vec<f64>>,
    /// The mean input of each class: the gradient's column k is (1/K)·x̄ − (n_k/n)·x̄_k.
    pub class_means: Vec<Vec<f64>>,
    /// W after the last step, one list per class.
    pub weights: Vec<Vec<f64>>,
    /// b after the last step.
    pub bias: Vec<f64>,
    /// ln K: the loss of equal logits (every class at probability 1/K).
    pub chance_loss: f64,
}

/// Runs the experiment on `data` from W = c everywhere and b = 0.
pub fn train(settings: &SoftmaxSettings, data: &Classification) -> SoftmaxReport {
    let k = data.classes;
    let mut w = DMatrix::<f64>::from_element(INPUTS, k, settings.value);
    let mut b = DVector::<f64>::zeros(k);
    let mut history = Vec::with_capacity(settings.steps + 1);
    let mut first_gradient = Vec::new();
    for step in 0..=settings.steps {
        let (loss, gw, gb, accuracy) = data.loss_and_gradient(&w, &b);
        history.push(SoftmaxStep {
            step,
            loss,
            accuracy,
            spread: column_spread(&w),
        });
        if step == 0 {
            first_gradient = columns(&gw);
        }
        if step < settings.steps {
            w -= gw * settings.learning_rate;
            b -= gb * settings.learning_rate;
        }
    }
    SoftmaxReport {
        settings: settings.clone(),
        history,
        first_gradient,
        class_means: data.class_means(),
        weights: columns(&w),
        bias: b.iter().copied().collect(),
        chance_loss: (k as f64).ln(),
    }
}

/// Runs the experiment on blobs drawn from `rng`.
pub fn softmax_regression_with<R: Rng + ?Sized>(
    settings: &SoftmaxSettings,
    rng: &mut R,
) -> Result<SoftmaxReport, Error> {
    settings.validate()?;
    let s = settings;
    let data = Classification::blobs(rng, s.classes, s.per_class, s.spread);
    Ok(train(settings, &data))
}

/// Runs the experiment with the blobs of `settings.seed` (stream 0).
pub fn softmax_regression(settings: &SoftmaxSettings) -> Result<SoftmaxReport, Error> {
    softmax_regression_with(settings, &mut crate::draws::stream_rng(settings.seed, 0))
}
