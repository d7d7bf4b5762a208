//! The settings of the gradient experiment, with their allowed ranges.

use crate::error::check_range;
use crate::{Activation, Error, Initializer, Precision};
use serde::{Deserialize, Serialize};

/// The allowed ranges. The caps on width and batch keep the largest setting (depth 200) within
/// about a second in the browser; `cargo bench` and `npm run bench` measure it.
pub mod limits {
    /// Depth L: 1 ..= 200 layers.
    pub const DEPTH: (usize, usize) = (1, 200);
    /// Width n: 1 ..= 128 units per layer.
    pub const WIDTH: (usize, usize) = (1, 128);
    /// Batch B: 1 ..= 128 examples.
    pub const BATCH: (usize, usize) = (1, 128);
    /// σ: 0 ..= 10 (the page's slider spans 0.001 to 10 on a log scale).
    pub const SIGMA: (f64, f64) = (0.0, 10.0);
    /// Seed: 0 ..= 2³² − 1, so that it survives a trip through JavaScript and a URL unchanged.
    pub const SEED: (u64, u64) = (0, u32::MAX as u64);
}

/// One setting of the gradient experiment: the network, its initialization and the precision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradSettings {
    /// Number of layers L.
    pub depth: usize,
    /// Units per layer n (every Wˡ is n × n, and x has n entries).
    pub width: usize,
    /// Examples in the batch B.
    pub batch: usize,
    /// The activation φ.
    pub activation: Activation,
    /// How the weights are drawn.
    pub init: Initializer,
    /// σ: standard deviation, constant value or gain, see [`Initializer::sigma_role`].
    pub sigma: f64,
    /// The seed of every random draw.
    pub seed: u64,
    /// The floating-point format.
    pub precision: Precision,
}

impl Default for GradSettings {
    /// The page's opening picture: a 30-layer sigmoid network with N(0, 0.1²) weights, whose
    /// gradient vanishes by tens of powers of ten.
    fn default() -> Self {
        GradSettings {
            depth: 30,
            width: 64,
            batch: 32,
            activation: Activation::Sigmoid,
            init: Initializer::Normal,
            sigma: 0.1,
            seed: 1,
            precision: Precision::F64,
        }
    }
}

impl GradSettings {
    /// Checks every field against [`limits`]; the error names the first field that is out of range.
    pub fn validate(&self) -> Result<(), Error> {
        check_range("depth", self.depth, limits::DEPTH.0, limits::DEPTH.1)?;
        check_range("width", self.width, limits::WIDTH.0, limits::WIDTH.1)?;
        check_range("batch", self.batch, limits::BATCH.0, limits::BATCH.1)?;
        check_range("sigma", self.sigma, limits::SIGMA.0, limits::SIGMA.1)?;
        check_range("seed", self.seed, limits::SEED.0, limits::SEED.1)?;
        Ok(())
    }

    /// The layer widths n₀, n₁, …, n_L (all equal to `width`).
    pub fn widths(&self) -> Vec<usize> {
        vec![self.width; self.depth + 1]
    }
}

/// Converts a number from an untyped source (JavaScript, a URL, a command line) to a whole
/// number in `[min, max]`, or says which field is wrong: NaN, ±∞, fractions and values out of
/// range are all refused.
pub fn whole_number(
    field: &'static str,
    value: f64,
    (min, max): (usize, usize),
) -> Result<usize, Error> {
    if !value.is_finite() || value.fract() != 0.0 || value < min as f64 || value > max as f64 {
        return Err(Error::out_of_range(field, value, min, max));
    }
    Ok(value as usize)
}

/// Builds [`GradSettings`] from untyped parts (numbers as `f64`, choices as names), checking
/// every one of them; the error names the first bad field.
#[allow(clippy::too_many_arguments)]
pub fn settings_from_parts(
    depth: f64,
    width: f64,
    batch: f64,
    activation: &str,
    init: &str,
    sigma: f64,
    seed: f64,
    precision: &str,
) -> Result<GradSettings, Error> {
    let seed_max = limits::SEED.1 as usize;
    let s = GradSettings {
        depth: whole_number("depth", depth, limits::DEPTH)?,
        width: whole_number("width", width, limits::WIDTH)?,
        batch: whole_number("batch", batch, limits::BATCH)?,
        activation: Activation::parse(activation)?,
        init: Initializer::parse(init)?,
        sigma: check_range("sigma", sigma, limits::SIGMA.0, limits::SIGMA.1)?,
        seed: whole_number("seed", seed, (0, seed_max))? as u64,
        precision: Precision::parse(precision)?,
    };
    s.validate()?;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_checked_one_by_one() {
        let ok = settings_from_parts(3.0, 4.0, 2.0, "relu", "he-normal", 1.0, 9.0, "f32").unwrap();
        assert_eq!((ok.depth, ok.width, ok.seed), (3, 4, 9));
        let field = |r: Result<GradSettings, Error>| r.unwrap_err().field();
        assert_eq!(
            field(settings_from_parts(
                2.5, 4.0, 2.0, "relu", "normal", 1.0, 0.0, "f64"
            )),
            "depth"
        );
        assert_eq!(
            field(settings_from_parts(
                3.0, 1e9, 2.0, "relu", "normal", 1.0, 0.0, "f64"
            )),
            "width"
        );
        assert_eq!(
            field(settings_from_parts(
                3.0,
                4.0,
                f64::NAN,
                "relu",
                "normal",
                1.0,
                0.0,
                "f64"
            )),
            "batch"
        );
        assert_eq!(
            field(settings_from_parts(
                3.0, 4.0, 2.0, "elu", "normal", 1.0, 0.0, "f64"
            )),
            "activation"
        );
        assert_eq!(
            field(settings_from_parts(
                3.0, 4.0, 2.0, "relu", "normal", -1.0, 0.0, "f64"
            )),
            "sigma"
        );
        assert_eq!(
            field(settings_from_parts(
                3.0, 4.0, 2.0, "relu", "normal", 1.0, -1.0, "f64"
            )),
            "seed"
        );
        assert_eq!(
            field(settings_from_parts(
                3.0, 4.0, 2.0, "relu", "normal", 1.0, 0.0, "f16"
            )),
            "precision"
        );
    }
}
