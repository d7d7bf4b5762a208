//! Weight initializers: the distribution each weight matrix is drawn from.
//!
//! Every initializer is a *standard draw* times a *scale*: a matrix of i.i.d. N(0, 1) or
//! U[−1, 1] numbers (its [`Family`]) multiplied by one number that depends on σ and the layer's
//! fan-in and fan-out. This is what lets the page move σ without drawing new random numbers: the
//! standard draws are kept and only the scale changes.

use crate::{Error, Real};
use nalgebra::DMatrix;
use rand::Rng;
use rand_distr::{Distribution, StandardNormal, Uniform};
use serde::{Deserialize, Serialize};

/// The standard distribution an initializer's draws come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// N(0, 1).
    Normal,
    /// U[−1, 1], whose standard deviation is 1/√3.
    Uniform,
    /// No randomness: every weight equals the scale.
    Constant,
}

impl Family {
    /// One standard draw: N(0, 1), U[−1, 1], or 1 for [`Family::Constant`].
    pub fn draw<R: Rng + ?Sized>(self, rng: &mut R) -> f64 {
        match self {
            Family::Normal => StandardNormal.sample(rng),
            Family::Uniform => {
                let u = Uniform::new_inclusive(-1.0, 1.0).expect("a valid range");
                u.sample(rng)
            }
            Family::Constant => 1.0,
        }
    }

    /// A `rows × cols` matrix of standard draws, filled column by column.
    pub fn draw_matrix<R: Rng + ?Sized>(
        self,
        rng: &mut R,
        rows: usize,
        cols: usize,
    ) -> DMatrix<f64> {
        DMatrix::from_fn(rows, cols, |_, _| self.draw(rng))
    }

    /// The standard deviation of one standard draw: 1, 1/√3, or 0.
    pub fn std_dev(self) -> f64 {
        match self {
            Family::Normal => 1.0,
            Family::Uniform => 1.0 / 3f64.sqrt(),
            Family::Constant => 0.0,
        }
    }
}

/// What the σ setting means for an initializer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SigmaRole {
    /// σ is the weights' standard deviation.
    StdDev,
    /// σ is the value of every weight.
    Value,
    /// σ multiplies the scheme's own scale (σ = 1 gives the scheme as published).
    Gain,
    /// σ is not used.
    Ignored,
}

/// The declared fields of one weight matrix drawn by an initializer, on its own (the CLI's
/// `gradscope init`): the initializer, the matrix's shape, σ, the seed and the precision. The
/// initializer, σ, seed and precision are the gradient experiment's fields (σ defaults to 1, so
/// that a gain-based scheme is drawn as published); the fans are declared here.
pub mod matrix_fields {
    use crate::schema::Field;
    use crate::settings::fields as grad;
    /// Largest fan-in or fan-out: a 4096 × 4096 matrix is 16 M numbers, about as much as a
    /// course figure or a terminal should take.
    pub const MAX_FAN: i64 = 4096;
    /// Every field, in the order a command line lists them.
    pub const ALL: &[Field] = &[INIT, FAN_IN, FAN_OUT, SIGMA, SEED, PRECISION];

    crate::fields! {
        INIT = grad::INIT;
        FAN_IN: "n_in, the matrix's columns (its inputs)."
            = Field::int("fan_in", 1, MAX_FAN, 4).unit("columns");
        FAN_OUT: "n_out, the matrix's rows (its outputs)."
            = Field::int("fan_out", 1, MAX_FAN, 4).unit("rows");
        SIGMA = grad::SIGMA.default_number(1.0);
        SEED: "The seed of the draws (layer 1's stream of the gradient experiment)." = grad::SEED;
        PRECISION: "The floating-point format of the weights." = grad::PRECISION;
    }
}

/// How a weight matrix W (n_out × n_in) is initialized. `fan_in` = n_in, `fan_out` = n_out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Initializer {
    /// W_ij ~ N(0, σ²).
    Normal,
    /// W_ij ~ U[−a, a] with a = √3·σ, so that Var = a²/3 = σ² (same variance as `Normal`).
    Uniform,
    /// W_ij = c with c = σ: every unit starts identical (the symmetry problem).
    Constant,
    /// MXNet's default, W_ij ~ U[−0.07, 0.07] (Var = 0.07²/3 ≈ 1.63·10⁻³); σ is ignored.
    MxnetDefault,
    /// PyTorch's `nn.Linear` default, W_ij ~ U[−1/√n_in, 1/√n_in] (Var = 1/(3·n_in)); σ is ignored.
    PytorchDefault,
    /// Xavier/Glorot normal: W_ij ~ N(0, g²·2/(n_in + n_out)), gain g = σ.
    XavierNormal,
    /// Xavier/Glorot uniform: W_ij ~ U[−a, a], a = g·√(6/(n_in + n_out)), gain g = σ.
    XavierUniform,
    /// He/Kaiming normal (fan-in mode): W_ij ~ N(0, g²·2/n_in), gain g = σ.
    HeNormal,
    /// He/Kaiming uniform (fan-in mode): W_ij ~ U[−a, a], a = g·√(6/n_in), gain g = σ.
    HeUniform,
    /// LeCun normal: W_ij ~ N(0, g²/n_in), gain g = σ.
    LecunNormal,
    /// LeCun uniform: W_ij ~ U[−a, a], a = g·√(3/n_in), gain g = σ.
    LecunUniform,
}

impl Initializer {
    /// Every initializer, in the order the page lists them.
    pub const ALL: [Initializer; 11] = [
        Initializer::Normal,
        Initializer::Uniform,
        Initializer::Constant,
        Initializer::MxnetDefault,
        Initializer::PytorchDefault,
        Initializer::XavierNormal,
        Initializer::XavierUniform,
        Initializer::HeNormal,
        Initializer::HeUniform,
        Initializer::LecunNormal,
        Initializer::LecunUniform,
    ];
    /// The names accepted by [`Initializer::parse`].
    pub const NAMES: &'static [&'static str] = &[
        "normal",
        "uniform",
        "constant",
        "mxnet-default",
        "pytorch-default",
        "xavier-normal",
        "xavier-uniform",
        "he-normal",
        "he-uniform",
        "lecun-normal",
        "lecun-uniform",
    ];

    /// Parses one of [`Initializer::NAMES`].
    pub fn parse(name: &str) -> Result<Self, Error> {
        Self::ALL
            .into_iter()
            .find(|i| i.name() == name)
            .ok_or_else(|| Error::UnknownChoice {
                field: "init",
                value: name.to_string(),
                choices: Self::NAMES,
            })
    }

    /// The kebab-case name, as in [`Initializer::NAMES`].
    pub fn name(self) -> &'static str {
        let i = Self::ALL.iter().position(|&x| x == self).expect("listed");
        Self::NAMES[i]
    }

    /// The standard distribution this initializer scales.
    pub fn family(self) -> Family {
        use Initializer::*;
        match self {
            Normal | XavierNormal | HeNormal | LecunNormal => Family::Normal,
            Uniform | MxnetDefault | PytorchDefault | XavierUniform | HeUniform | LecunUniform => {
                Family::Uniform
            }
            Constant => Family::Constant,
        }
    }

    /// What σ means for this initializer.
    pub fn sigma_role(self) -> SigmaRole {
        use Initializer::*;
        match self {
            Normal | Uniform => SigmaRole::StdDev,
            Constant => SigmaRole::Value,
            MxnetDefault | PytorchDefault => SigmaRole::Ignored,
            XavierNormal | XavierUniform | HeNormal | HeUniform | LecunNormal | LecunUniform => {
                SigmaRole::Gain
            }
        }
    }

    /// The scale s with W = s · (standard draws): the standard deviation for the normal family,
    /// the bound a of U[−a, a] for the uniform family, the value c for the constant.
    pub fn scale(self, sigma: f64, fan_in: usize, fan_out: usize) -> f64 {
        use Initializer::*;
        let n_in = fan_in.max(1) as f64;
        let n_avg2 = (fan_in + fan_out).max(1) as f64;
        match self {
            Normal => sigma,
            Uniform => 3f64.sqrt() * sigma,
            Constant => sigma,
            MxnetDefault => 0.07,
            PytorchDefault => 1.0 / n_in.sqrt(),
            XavierNormal => sigma * (2.0 / n_avg2).sqrt(),
            XavierUniform => sigma * (6.0 / n_avg2).sqrt(),
            HeNormal => sigma * (2.0 / n_in).sqrt(),
            HeUniform => sigma * (6.0 / n_in).sqrt(),
            LecunNormal => sigma * (1.0 / n_in).sqrt(),
            LecunUniform => sigma * (3.0 / n_in).sqrt(),
        }
    }

    /// The standard deviation of one weight: scale × the family's standard deviation (0 for the
    /// constant, whose weights do not vary).
    pub fn std_dev(self, sigma: f64, fan_in: usize, fan_out: usize) -> f64 {
        self.scale(sigma, fan_in, fan_out) * self.family().std_dev()
    }

    /// The second moment E[W_ij²]: the variance for the random schemes, c² for the constant.
    pub fn second_moment(self, sigma: f64, fan_in: usize, fan_out: usize) -> f64 {
        match self.family() {
            Family::Constant => sigma * sigma,
            _ => self.std_dev(sigma, fan_in, fan_out).powi(2),
        }
    }

    /// Draws a `fan_out × fan_in` weight matrix in precision `T`.
    pub fn sample<T: Real, R: Rng + ?Sized>(
        self,
        rng: &mut R,
        sigma: f64,
        fan_in: usize,
        fan_out: usize,
    ) -> DMatrix<T> {
        let s = self.scale(sigma, fan_in, fan_out);
        self.family()
            .draw_matrix(rng, fan_out, fan_in)
            .map(|d| T::from_f64(s * d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        assert_eq!(Initializer::ALL.len(), Initializer::NAMES.len());
        for init in Initializer::ALL {
            assert_eq!(Initializer::parse(init.name()), Ok(init));
        }
        assert!(Initializer::parse("orthogonal").is_err());
    }

    #[test]
    fn same_slider_value_means_same_variance_for_normal_and_uniform() {
        for sigma in [0.01, 0.5, 3.0] {
            let n = Initializer::Normal.std_dev(sigma, 8, 8);
            let u = Initializer::Uniform.std_dev(sigma, 8, 8);
            assert!((n - u).abs() < 1e-15 * sigma.max(1.0));
        }
    }
}
