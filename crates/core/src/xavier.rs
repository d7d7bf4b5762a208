//! The Xavier experiment's settings: a network whose layers have different widths n₀, …, n_L,
//! run with N(0, σ²), Xavier normal and Xavier uniform weights, to compare the forward variance
//! Var[zˡ] and the backward mean square per layer with the derivation's factors n_in·v and
//! n_out·v (v = Var[Wˡᵢⱼ]).

use crate::schema::{FromValues, Values};
use crate::{Activation, Error};

/// At most this many layers (the widths list has one more entry).
pub const MAX_LAYERS: usize = 12;

/// The declared fields of [`XavierSettings`].
pub mod xavier_fields {
    use super::MAX_LAYERS;
    use crate::schema::Field;
    use crate::settings::fields as grad;

    /// The widths n₀, n₁, …, n_L: 2 to 13 entries, each a width the gradient experiment allows.
    pub const WIDTHS: Field = Field::list(
        "widths",
        (1, 128),
        (2, MAX_LAYERS + 1),
        &[64, 128, 32, 128, 16, 64],
    )
    .unit("units")
    .doc("The layer widths n₀, n₁, …, n_L (n₀ is the input).");
    /// Which of the three runs the cell highlights.
    pub const INIT: Field = Field::choice(
        "init",
        &["normal", "xavier-normal", "xavier-uniform"],
        "normal",
    )
    .view()
    .doc("The initializer the chart highlights; all three are computed.");
    /// σ of N(0, σ²) (Xavier uses gain 1).
    pub const SIGMA: Field = grad::SIGMA
        .within(0.001, 10.0)
        .doc("σ of the N(0, σ²) run (the Xavier runs use gain 1).");
    /// The activation: identity (the derivation's linear case) or tanh.
    pub const ACTIVATION: Field = grad::ACTIVATION.choices(&["identity", "tanh"], "identity");
    /// Examples B in the batch.
    pub const BATCH: Field = grad::BATCH;
    /// The seed of the draws.
    pub const SEED: Field = grad::SEED;
}

/// The Xavier experiment's settings.
#[derive(Debug, Clone, PartialEq)]
pub struct XavierSettings {
    /// n₀, …, n_L.
    pub widths: Vec<usize>,
    /// σ of the N(0, σ²) run.
    pub sigma: f64,
    /// The activation.
    pub activation: Activation,
    /// Examples B.
    pub batch: usize,
    /// The seed.
    pub seed: u64,
}

impl FromValues for XavierSettings {
    fn from_values(v: &Values) -> Result<Self, Error> {
        use xavier_fields::*;
        Ok(XavierSettings {
            widths: v.list(&WIDTHS)?.into_iter().map(|w| w as usize).collect(),
            sigma: v.float(&SIGMA)?,
            activation: Activation::parse(v.choice(&ACTIVATION)?)?,
            batch: v.count(&BATCH)?,
            seed: v.int(&SEED)? as u64,
        })
    }
}

impl Default for XavierSettings {
    /// Every field at its declared default.
    fn default() -> Self {
        crate::schema::defaults()
    }
}
