//! Plain data that crosses the JavaScript boundary, and its conversion to the engine's types.

use gradscope_core::{settings_from_parts, Error, GradSettings};
use serde::Deserialize;

/// The gradient experiment's settings as the page sends them: numbers as JavaScript numbers,
/// choices as names. Missing or mistyped fields are refused by serde before this point.
#[derive(Debug, Clone, Deserialize)]
pub struct RawGradSettings {
    /// Depth L.
    pub depth: f64,
    /// Width n.
    pub width: f64,
    /// Batch B.
    pub batch: f64,
    /// Activation name.
    pub activation: String,
    /// Initializer name.
    pub init: String,
    /// σ.
    pub sigma: f64,
    /// Seed.
    pub seed: f64,
    /// "f32" or "f64".
    pub precision: String,
}

impl RawGradSettings {
    /// Checks every field (see [`settings_from_parts`]).
    pub fn parse(&self) -> Result<GradSettings, Error> {
        settings_from_parts(
            self.depth,
            self.width,
            self.batch,
            &self.activation,
            &self.init,
            self.sigma,
            self.seed,
            &self.precision,
        )
    }
}
