//! The settings of the gradient experiment, with their allowed ranges.

use crate::schema::{FromValues, Values};
use crate::{Activation, Error, Initializer, Precision};
use serde::{Deserialize, Serialize};

/// The declared fields of the gradient experiment: names, URL keys, defaults and ranges. The
/// caps on width and batch keep the largest setting (depth 200) within about a second in the
/// browser; `cargo bench` and `npm run bench` measure it.
pub mod fields {
    use crate::schema::Field;
    use crate::{Activation, Initializer, Precision};

    /// Depth L: 1 ..= 200 layers.
    pub const DEPTH: Field = Field::int("depth", 1, 200, 30)
        .unit("layers")
        .doc("Number of layers L.");
    /// Width n: 1 ..= 128 units per layer.
    pub const WIDTH: Field = Field::int("width", 1, 128, 64)
        .unit("units")
        .doc("Units per layer n; every weight matrix is n × n.");
    /// Batch B: 1 ..= 128 examples.
    pub const BATCH: Field = Field::int("batch", 1, 128, 32)
        .unit("examples")
        .doc("Examples B in the input batch, x ~ N(0, 1).");
    /// The activation φ.
    pub const ACTIVATION: Field = Field::choice("activation", Activation::NAMES, "sigmoid")
        .key("act")
        .doc("The activation function φ.");
    /// The initializer.
    pub const INIT: Field = Field::choice("init", Initializer::NAMES, "normal")
        .doc("How the weights are drawn; σ's meaning depends on it.");
    /// σ: 0 ..= 10; the slider spans 0.001 to 10 on a log scale.
    pub const SIGMA: Field = Field::float("sigma", 0.0, 10.0, 0.1)
        .log_slider(0.001, 10.0)
        .doc("The scale of the weights: standard deviation, constant value or gain.");
    /// Seed: 0 ..= 2³² − 1, so that it survives a trip through JavaScript and a URL unchanged.
    pub const SEED: Field =
        Field::int("seed", 0, u32::MAX as i64, 1).doc("The seed of every random draw.");
    /// The floating-point format.
    pub const PRECISION: Field = Field::choice("precision", Precision::NAMES, "f64")
        .key("prec")
        .doc("The floating-point format the network is computed in.");
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
    /// The page's opening picture, every field at its declared default: a 30-layer sigmoid
    /// network with N(0, 0.1²) weights, whose gradient vanishes by tens of powers of ten.
    fn default() -> Self {
        crate::schema::defaults()
    }
}

impl FromValues for GradSettings {
    fn from_values(v: &Values) -> Result<Self, Error> {
        use fields::*;
        let s = GradSettings {
            depth: v.count(&DEPTH)?,
            width: v.count(&WIDTH)?,
            batch: v.count(&BATCH)?,
            activation: Activation::parse(v.choice(&ACTIVATION)?)?,
            init: Initializer::parse(v.choice(&INIT)?)?,
            sigma: v.float(&SIGMA)?,
            seed: v.int(&SEED)? as u64,
            precision: Precision::parse(v.choice(&PRECISION)?)?,
        };
        s.validate()?;
        Ok(s)
    }
}

impl GradSettings {
    /// Checks every field against its declaration in [`fields`]; the error names the first field
    /// that is out of range.
    pub fn validate(&self) -> Result<(), Error> {
        fields::DEPTH.check_int(self.depth as u64)?;
        fields::WIDTH.check_int(self.width as u64)?;
        fields::BATCH.check_int(self.batch as u64)?;
        fields::SIGMA.check_float(self.sigma)?;
        fields::SEED.check_int(self.seed)?;
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
