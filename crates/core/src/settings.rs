//! The settings of the gradient experiment, with their allowed ranges.

use crate::{Activation, Error, Initializer, Precision};
use serde::{Deserialize, Serialize};

/// The declared fields of the gradient experiment: names, URL keys, defaults and ranges. The
/// caps on width and batch keep the largest setting (depth 200) within about a second in the
/// browser; `cargo bench` and `npm run bench` measure it.
pub mod fields {
    use crate::schema::Field;
    use crate::{Activation, Initializer, Precision};

    crate::fields! {
        DEPTH: "Number of layers L." = Field::int("depth", 1, 200, 30).unit("layers");
        WIDTH: "Units per layer n; every weight matrix is n × n."
            = Field::int("width", 1, 128, 64).unit("units");
        BATCH: "Examples B in the input batch, x ~ N(0, 1)."
            = Field::int("batch", 1, 128, 32).unit("examples");
        ACTIVATION: "The activation function φ."
            = Field::choice("activation", Activation::NAMES, "sigmoid").key("act");
        INIT: "How the weights are drawn; σ's meaning depends on it."
            = Field::choice("init", Initializer::NAMES, "normal");
        SIGMA: "The scale of the weights: standard deviation, constant value or gain."
            = Field::float("sigma", 0.0, 10.0, 0.1).log_slider(0.001, 10.0);
        // Up to u32::MAX, so that a seed survives a trip through JavaScript and a URL unchanged.
        SEED: "The seed of every random draw." = Field::int("seed", 0, u32::MAX as i64, 1);
        PRECISION: "The floating-point format the network is computed in."
            = Field::choice("precision", Precision::NAMES, "f64").key("prec");
    }
}

crate::settings! {
    /// One setting of the gradient experiment: the network, its initialization and the
    /// precision. The default is the page's opening picture: a 30-layer sigmoid network with
    /// N(0, 0.1²) weights, whose gradient vanishes by tens of powers of ten.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct GradSettings by fields {
        depth: usize = DEPTH, width: usize = WIDTH, batch: usize = BATCH,
        activation: Activation = ACTIVATION, init: Initializer = INIT, sigma: f64 = SIGMA,
        seed: u64 = SEED, precision: Precision = PRECISION,
    }
}

impl GradSettings {
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
/// every one of them by its declaration; the error names the first bad field.
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
    // serde_json has no NaN or ±∞: such a number is written as a marker that the field it
    // belongs to refuses (it must not become null and quietly take the default).
    let number = crate::schema::number_value;
    let value = serde_json::json!({
        "depth": number(depth),
        "width": number(width),
        "batch": number(batch),
        "activation": activation,
        "init": init,
        "sigma": number(sigma),
        "seed": number(seed),
        "precision": precision,
    });
    crate::schema::parse(&value)
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
