//! The Xavier experiment: a network whose layers have different widths n₀, …, n_L, run with
//! N(0, σ²), Xavier normal and Xavier uniform weights, to compare the forward variance Var[zˡ]
//! and the backward mean square per layer with the derivation's factors n_in·v and n_out·v
//! (v = Var[Wˡᵢⱼ]).
//!
//! The derivation (linear layers, zero-mean independent weights): zᵢ = Σⱼ Wᵢⱼ hⱼ gives
//! Var[zᵢ] = n_in·v·E[h²], so layer l multiplies the forward variance by n_in·v; backwards,
//! ∂ℓ/∂hⱼ = Σᵢ Wᵢⱼ ∂ℓ/∂zᵢ gives E[(∂ℓ/∂hⱼ)²] = n_out·v·E[(∂ℓ/∂zᵢ)²], a factor n_out·v. Both are
//! 1 only if n_in = n_out; Xavier's compromise v = 2/(n_in + n_out) makes their mean
//! (n_in + n_out)·v/2 equal to 1.
//!
//! Normalization of the measurements (see [`crate::network`] and [`crate::theory`]): the probe
//! reports `preact_std`, the standard deviation of zˡ's entries, so the forward variance is its
//! square; and `backward_norm` = ‖∂ℓ/∂hˡ⁻¹‖_F/√B, so the backward signal's mean square per
//! entry is backward_norm²/n_{l−1}. The output's signal is 1/B in every entry (mean square
//! 1/B²), so [`backward_mean_square`] = B²·backward_norm²/n_{l−1} is that mean square relative
//! to the output's: it starts at 1 above the last layer, just as the forward variance starts at
//! E[x²] = 1 below the first.

use crate::{
    predict_widths, Activation, Error, GradSettings, GradientProbe, Initializer, Precision,
};
use serde::Serialize;

/// At most this many layers (the widths list has one more entry).
pub const MAX_LAYERS: usize = 12;

/// The declared fields of [`XavierSettings`].
pub mod xavier_fields {
    use super::MAX_LAYERS;
    use crate::schema::Field;
    use crate::settings::fields as grad;

    crate::fields! {
        WIDTHS: "The layer widths n₀, n₁, …, n_L (n₀ is the input)."
            = Field::list("widths", (1, 128), (2, MAX_LAYERS + 1), &[64, 128, 32, 128, 16, 64],).unit("units");
        INIT: "The initializer the chart highlights; all three are computed."
            = Field::choice("init", &["normal", "xavier-normal", "xavier-uniform"], "normal",).view();
        SIGMA: "σ of the N(0, σ²) run (the Xavier runs use gain 1)."
            = grad::SIGMA.within(0.001, 10.0);
        // identity is the derivation's linear case.
        ACTIVATION = grad::ACTIVATION.choices(&["identity", "tanh"], "identity");
        BATCH = grad::BATCH;
        // The seed of the draws.
        SEED = grad::SEED;
    }
}

crate::settings! {
    /// The Xavier experiment's settings.
    ///
    /// Every field at its declared default.
    #[derive(Debug, Clone, PartialEq)]
    pub struct XavierSettings by xavier_fields {
        widths: Vec<usize> = WIDTHS, sigma: f64 = SIGMA, activation: Activation = ACTIVATION,
        batch: usize = BATCH, seed: u64 = SEED,
    }
}

/// The three initializers the cell compares, in the order of [`XavierReport::runs`].
pub const COMPARED: [Initializer; 3] = [
    Initializer::Normal,
    Initializer::XavierNormal,
    Initializer::XavierUniform,
];

/// How layer l multiplies the forward variance: n_in·v, with v = Var[Wˡᵢⱼ].
pub fn forward_factor(n_in: usize, weight_var: f64) -> f64 {
    n_in as f64 * weight_var
}

/// How layer l multiplies the backward mean square: n_out·v, with v = Var[Wˡᵢⱼ].
pub fn backward_factor(n_out: usize, weight_var: f64) -> f64 {
    n_out as f64 * weight_var
}

/// The backward signal's mean square per entry below layer l, relative to the output's:
/// B²·backward_norm²/n_in (see the module documentation).
pub fn backward_mean_square(backward_norm: f64, batch: usize, n_in: usize) -> f64 {
    let b = batch as f64;
    b * b * backward_norm * backward_norm / n_in as f64
}

/// One layer of one initializer's run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XavierLayer {
    /// l, from 1.
    pub layer: usize,
    /// n_{l−1}.
    pub n_in: usize,
    /// n_l.
    pub n_out: usize,
    /// The weights' variance vˡ = E[(Wˡᵢⱼ)²] (the initializer's `second_moment`).
    pub weight_var: f64,
    /// [`forward_factor`] = n_in·vˡ.
    pub forward_factor: f64,
    /// [`backward_factor`] = n_out·vˡ.
    pub backward_factor: f64,
    /// Measured Var[zˡ] = preact_std².
    pub forward_var: f64,
    /// Measured [`backward_mean_square`] = B²·backward_norm²/n_{l−1}.
    pub backward_var: f64,
    /// Predicted Var[zˡ] = preact_std² of [`predict_widths`].
    pub forward_var_pred: f64,
    /// Predicted B²·backward_norm²/n_{l−1} of [`predict_widths`].
    pub backward_var_pred: f64,
}

/// One initializer's run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XavierRun {
    /// Its name ("normal", "xavier-normal", "xavier-uniform").
    pub init: &'static str,
    /// The σ it was run with: the settings' σ for "normal", gain 1 for Xavier.
    pub sigma: f64,
    /// Layers 1..L.
    pub layers: Vec<XavierLayer>,
}

/// Everything the cell shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct XavierReport {
    /// n₀, …, n_L.
    pub widths: Vec<usize>,
    /// The batch B.
    pub batch: usize,
    /// One run per initializer of [`COMPARED`].
    pub runs: Vec<XavierRun>,
}

/// Runs the network of `settings` with `init` (σ = settings.sigma for N(0, σ²), gain 1 for the
/// Xavier initializers), in f64, and measures and predicts every layer (see [`XavierLayer`]).
pub fn xavier_run(
    probe: &mut GradientProbe,
    settings: &XavierSettings,
    init: Initializer,
) -> Result<XavierRun, Error> {
    let s = settings;
    let sigma = if init == Initializer::Normal {
        s.sigma
    } else {
        1.0
    };
    let grad = GradSettings {
        depth: s.widths.len().saturating_sub(1),
        width: s.widths.first().copied().unwrap_or(0),
        batch: s.batch,
        activation: s.activation,
        init,
        sigma,
        seed: s.seed,
        precision: Precision::F64,
    };
    let report = probe.run_widths(&s.widths, &grad)?;
    let prediction = predict_widths(s.activation, init, sigma, &s.widths, s.batch);
    let layers = report
        .layers
        .iter()
        .zip(&prediction)
        .map(|(m, p)| {
            let l = m.layer;
            let (n_in, n_out) = (s.widths[l - 1], s.widths[l]);
            let v = init.second_moment(sigma, n_in, n_out);
            XavierLayer {
                layer: l,
                n_in,
                n_out,
                weight_var: v,
                forward_factor: forward_factor(n_in, v),
                backward_factor: backward_factor(n_out, v),
                forward_var: m.preact_std * m.preact_std,
                backward_var: backward_mean_square(m.backward_norm, s.batch, n_in),
                forward_var_pred: p.preact_std * p.preact_std,
                backward_var_pred: backward_mean_square(p.backward_norm, s.batch, n_in),
            }
        })
        .collect();
    Ok(XavierRun {
        init: init.name(),
        sigma,
        layers,
    })
}

/// Runs `settings` with every initializer of [`COMPARED`], on the same inputs (one probe, one
/// seed), and returns the report the cell shows.
pub fn xavier_compare(settings: &XavierSettings) -> Result<XavierReport, Error> {
    let mut probe = GradientProbe::new();
    let runs = COMPARED
        .iter()
        .map(|&init| xavier_run(&mut probe, settings, init))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(XavierReport {
        widths: settings.widths.clone(),
        batch: settings.batch,
        runs,
    })
}
