//! The chapter's random-matrix product: M = G₀·G₁·…·G_k with Gᵢ i.i.d. n×n N(0, σ²) matrices,
//! which explodes (or vanishes) geometrically.
//!
//! The growth rate is the top Lyapunov exponent. For a fixed unit vector u, ‖G·u‖² = σ²·χ²_n, so
//! ln‖M·u‖ grows by ½·ln(σ²χ²_n) per factor, whose mean is
//! λ = ½·(ln 2σ² + ψ(n/2)) (ψ the digamma function) and whose variance is ¼·ψ′(n/2). For the
//! book's n = 4, σ = 1: λ = ½(ln 2 + 1 − γ) ≈ 0.558, i.e. 0.2425 decades per factor, ≈ 24.5
//! decades after 101 factors.

use crate::real::{matmul, Op};
use crate::stats::{norm_and_status, NumStatus};
use crate::{Error, Precision, Real};
use nalgebra::DMatrix;
use rand::Rng;
use rand_distr::{Distribution, Normal};
use serde::{Deserialize, Serialize};

/// The declared fields of [`ProductSettings`].
pub mod product_fields {
    use crate::schema::Field;

    crate::fields! {
        STEPS: "Matrices multiplied after the first one (the book: 100)."
            = Field::int("steps", 0, 10_000, 100).unit("products");
        SIZE: "The matrices are n × n (the book: 4)." = Field::int("size", 1, 64, 4).unit("rows");
        SIGMA: "The entries' standard deviation, Mᵢⱼ ~ N(0, σ²)."
            = Field::float("sigma", 0.0, 10.0, 1.0).log_slider(0.01, 10.0);
        // The seed of the draws.
        SEED = crate::settings::fields::SEED;
        // f64 by default, as numpy computes.
        PRECISION: "The floating-point format the product is computed in."
            = crate::settings::fields::PRECISION;
    }
}

crate::settings! {
    /// The experiment's settings.
    ///
    /// The book's setting, every field at its declared default: one 4×4 N(0, 1) matrix times
    /// 100 more, in f64 as numpy computes.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ProductSettings by product_fields {
        steps: usize = STEPS, size: usize = SIZE, sigma: f64 = SIGMA, seed: u64 = SEED,
        precision: Precision = PRECISION,
    }
}

/// The product after one step.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ProductStep {
    /// The number of multiplications done (0 is the first matrix alone).
    pub step: usize,
    /// ‖M‖_F (∞ or NaN once the product has overflowed).
    pub frobenius: f64,
    /// max |M_ij| (∞ or NaN once the product has overflowed).
    pub max_abs: f64,
    /// Whether M has overflowed (some entry ∞ or NaN, or ‖M‖_F beyond the largest `f64`) or
    /// underflowed (all entries 0 or subnormal) in the working precision.
    pub status: NumStatus,
}

/// The experiment's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductReport {
    /// The settings it ran with.
    pub settings: ProductSettings,
    /// The first matrix G₀, row by row.
    pub first: Vec<Vec<f64>>,
    /// The final product, row by row.
    pub product: Vec<Vec<f64>>,
    /// One entry per step 0..=k.
    pub steps: Vec<ProductStep>,
    /// The first step at which the product overflowed (an entry became ∞ or NaN, or its norm
    /// went beyond the largest `f64`).
    pub first_overflow: Option<usize>,
    /// The first step at which every entry underflowed to 0 or a subnormal.
    pub first_underflow: Option<usize>,
}

fn rows_of<T: Real>(m: &DMatrix<T>) -> Vec<Vec<f64>> {
    (0..m.nrows())
        .map(|i| (0..m.ncols()).map(|j| m[(i, j)].as_f64()).collect())
        .collect()
}

fn step_of<T: Real>(step: usize, m: &DMatrix<T>) -> ProductStep {
    let max_abs = m.iter().fold(0.0f64, |acc, v| {
        let a = v.as_f64().abs();
        if a.is_nan() || acc.is_nan() {
            f64::NAN
        } else {
            acc.max(a)
        }
    });
    let (frobenius, status) = norm_and_status(m.as_slice());
    ProductStep {
        step,
        frobenius,
        max_abs,
        status,
    }
}

fn run<T: Real, R: Rng + ?Sized>(s: &ProductSettings, rng: &mut R) -> ProductReport {
    let normal = Normal::new(0.0, s.sigma).expect("σ is finite and ≥ 0");
    let draw = |rng: &mut R| -> DMatrix<T> {
        let m = DMatrix::<f64>::from_fn(s.size, s.size, |_, _| normal.sample(rng));
        T::matrix_from_f64(&m).into_owned()
    };
    let first = draw(rng);
    let mut m = first.clone();
    let mut steps = vec![step_of(0, &m)];
    for k in 1..=s.steps {
        let g = draw(rng);
        m = matmul(&m, Op::N, &g, Op::N);
        steps.push(step_of(k, &m));
    }
    let first_overflow = steps
        .iter()
        .find(|st| st.status == NumStatus::Overflow)
        .map(|st| st.step);
    let first_underflow = steps
        .iter()
        .find(|st| st.status == NumStatus::Underflow)
        .map(|st| st.step);
    ProductReport {
        settings: s.clone(),
        first: rows_of(&first),
        product: rows_of(&m),
        steps,
        first_overflow,
        first_underflow,
    }
}

/// Runs the product with randomness from `rng`: G₀ first, then G₁, …, G_k, each filled
/// column by column with N(0, σ²) draws (made in f64, rounded once to f32 in that precision).
pub fn random_product_with<R: Rng + ?Sized>(
    settings: &ProductSettings,
    rng: &mut R,
) -> Result<ProductReport, Error> {
    settings.validate()?;
    Ok(match settings.precision {
        Precision::F32 => run::<f32, R>(settings, rng),
        Precision::F64 => run::<f64, R>(settings, rng),
    })
}

/// Runs the product with the draws of `settings.seed` (the same seed gives the same matrices in
/// f32 and f64).
pub fn random_product(settings: &ProductSettings) -> Result<ProductReport, Error> {
    let mut rng = crate::draws::stream_rng(settings.seed, 0);
    random_product_with(settings, &mut rng)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn step_zero_is_the_first_matrix_and_invalid_is_an_error() {
        let r = random_product(&ProductSettings {
            steps: 3,
            ..ProductSettings::default()
        })
        .unwrap();
        assert_eq!(r.steps.len(), 4);
        let f: f64 = r.first.iter().flatten().map(|v| v * v).sum::<f64>().sqrt();
        assert!((r.steps[0].frobenius - f).abs() < 1e-12 * f);
        let bad = ProductSettings {
            size: 0,
            ..ProductSettings::default()
        };
        assert_eq!(random_product(&bad).unwrap_err().field(), "size");
    }
}
