//! Exercise 3 of the chapter: the singular values and eigenvalues of a product of two matrices.
//!
//! A and B are n×n with i.i.d. N(0, σ²) entries. Writing σ₁(M) ≥ σ₂(M) ≥ … ≥ σₙ(M) ≥ 0 for the
//! singular values of M (the square roots of the eigenvalues of MᵀM):
//!
//! * σ_max(AB) ≤ σ_max(A)·σ_max(B), since ‖ABx‖ ≤ ‖A‖‖Bx‖ ≤ ‖A‖‖B‖‖x‖;
//! * σ_min(AB) ≥ σ_min(A)·σ_min(B) for square matrices, since ‖ABx‖ ≥ σ_min(A)‖Bx‖ ≥
//!   σ_min(A)σ_min(B)‖x‖;
//! * more finely (Horn's inequalities), σ_{i+j−1}(AB) ≤ σ_i(A)·σ_j(B) for i + j − 1 ≤ n, and
//!   σ_i(AB) ≥ max(σ_i(A)·σₙ(B), σₙ(A)·σ_i(B));
//! * every eigenvalue λ of AB satisfies σ_min(AB) ≤ |λ| ≤ σ_max(AB) (|λ|‖x‖ = ‖ABx‖ for its
//!   eigenvector x), and |det AB| = Π|λ_k| = Π σ_k(AB) = |det A|·|det B|.
//!
//! So each factor of a product can stretch a vector by up to its σ_max and shrink it by down to
//! its σ_min: a product of L factors can grow like Π σ_max, which is the chapter's explosion.
//!
//! For large n the largest singular value of A is close to 2σ√n (the Bai–Yin/Marchenko–Pastur
//! edge), the smallest of order σ/√n.

use crate::draws::stream_rng;
use crate::Error;
use nalgebra::linalg::{Schur, SVD};
use nalgebra::DMatrix;
use rand::Rng;
use rand_distr::{Distribution, StandardNormal};
use serde::{Deserialize, Serialize};

/// The declared fields of [`SpectrumSettings`].
pub mod spectrum_fields {
    use crate::schema::Field;

    crate::fields! {
        SIZE: "A and B are n × n." = Field::int("size", 1, 64, 4).unit("rows");
        // The lower end is the smallest positive f64: σ is never 0.
        SIGMA: "The entries' standard deviation, Aᵢⱼ, Bᵢⱼ ~ N(0, σ²)."
            = Field::float("sigma", f64::MIN_POSITIVE, 10.0, 1.0).log_slider(0.01, 10.0);
        // A is drawn from stream 1 of the seed and B from stream 2.
        SEED = crate::settings::fields::SEED;
    }
}

/// The allowed ranges of [`SpectrumSettings`].
pub mod spectrum_limits {
    /// The random stream of A (B uses stream 2) under [`crate::draws::stream_rng`].
    pub const STREAM_A: u64 = 1;
    /// The random stream of B.
    pub const STREAM_B: u64 = 2;
    /// Iteration cap of the SVD and Schur decompositions (they converge in far fewer for n ≤ 64);
    /// reaching it is reported as an error rather than looping.
    pub const MAX_ITERATIONS: usize = 100_000;
}

crate::settings! {
    /// The experiment's settings.
    ///
    /// The book's size n = 4 with σ = 1: every field at its declared default.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct SpectrumSettings by spectrum_fields {
        size: usize = SIZE, sigma: f64 = SIGMA, seed: u64 = SEED,
    }
}

/// Everything the cell shows about A, B and AB.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpectrumReport {
    /// n.
    pub size: usize,
    /// σ.
    pub sigma: f64,
    /// The seed.
    pub seed: u64,
    /// σ₁(A) ≥ … ≥ σₙ(A).
    pub sv_a: Vec<f64>,
    /// σ₁(B) ≥ … ≥ σₙ(B).
    pub sv_b: Vec<f64>,
    /// σ₁(AB) ≥ … ≥ σₙ(AB).
    pub sv_ab: Vec<f64>,
    /// |λ₁(AB)| ≥ … ≥ |λₙ(AB)|, the eigenvalue moduli of AB.
    pub eig_abs_ab: Vec<f64>,
    /// The upper bound σ_max(A)·σ_max(B) on every σ_i(AB) and |λ_i(AB)|.
    pub upper: f64,
    /// The lower bound σ_min(A)·σ_min(B) on every σ_i(AB) and |λ_i(AB)|.
    pub lower: f64,
    /// Horn's upper bound per index: min over i + j − 1 = k of σ_i(A)·σ_j(B), for k = 1..n.
    pub horn_upper: Vec<f64>,
    /// The lower bound per index: max(σ_k(A)·σₙ(B), σₙ(A)·σ_k(B)), for k = 1..n.
    pub horn_lower: Vec<f64>,
    /// log₁₀|det A| = Σ log₁₀ σ_k(A).
    pub log10_det_a: f64,
    /// log₁₀|det B| = Σ log₁₀ σ_k(B).
    pub log10_det_b: f64,
    /// log₁₀|det AB| = Σ log₁₀ σ_k(AB) (equal to log₁₀|det A| + log₁₀|det B| up to rounding).
    pub log10_det_ab: f64,
    /// log₁₀ Π|λ_k(AB)| (equal to log₁₀|det AB| up to rounding).
    pub log10_eig_prod_ab: f64,
    /// Whether every σ_k(AB) and |λ_k(AB)| lies in [lower, upper] and every σ_k(AB) within
    /// Horn's per-index bounds, each up to [`ROUNDING`]·upper.
    pub bounds_hold: bool,
    /// The largest violation of any of those bounds, in units of `upper` (≤ 0 when they all
    /// hold exactly as computed).
    pub worst_violation: f64,
}

/// The rounding allowance of the bound checks, relative to the scale σ_max(A)·σ_max(B).
///
/// Forming AB in floating point and taking its SVD give singular values exact for a matrix
/// within c·n·ε·‖A‖‖B‖ of AB (backward stability, Weyl's inequality), with ε = 2⁻⁵² and a modest
/// constant c; for n ≤ 64 that is c·1.4·10⁻¹⁴, so 10⁻¹² leaves room for c up to about 70. The
/// error is absolute at the scale of the largest singular value, hence "relative to `upper`".
pub const ROUNDING: f64 = 1e-12;

/// Draws A = σ·G_A and B = σ·G_B with G standard normal, from streams 1 and 2 of `seed`,
/// each filled column by column.
pub fn draw_pair(settings: &SpectrumSettings) -> (DMatrix<f64>, DMatrix<f64>) {
    let n = settings.size;
    let draw = |stream: u64| {
        let mut rng = stream_rng(settings.seed, stream);
        DMatrix::from_fn(n, n, |_, _| settings.sigma * standard_normal(&mut rng))
    };
    (
        draw(spectrum_limits::STREAM_A),
        draw(spectrum_limits::STREAM_B),
    )
}

fn standard_normal<R: Rng + ?Sized>(rng: &mut R) -> f64 {
    StandardNormal.sample(rng)
}

/// σ₁(M) ≥ … ≥ σₙ(M): the singular values of `m`, sorted in decreasing order (nalgebra's SVD,
/// capped at [`spectrum_limits::MAX_ITERATIONS`]).
pub fn singular_values(m: &DMatrix<f64>, field: &'static str) -> Result<Vec<f64>, Error> {
    let svd = SVD::try_new(
        m.clone(),
        false,
        false,
        f64::EPSILON,
        spectrum_limits::MAX_ITERATIONS,
    )
    .ok_or_else(|| Error::Inconsistent {
        field,
        reason: "the singular value decomposition did not converge".into(),
    })?;
    let mut s: Vec<f64> = svd.singular_values.iter().copied().collect();
    s.sort_by(|a, b| b.total_cmp(a));
    Ok(s)
}

/// |λ₁(M)| ≥ … ≥ |λₙ(M)|: the moduli of the (complex) eigenvalues of the square matrix `m`, from
/// its real Schur form T = QᵀMQ (the eigenvalues are those of T's 1×1 and 2×2 diagonal blocks).
pub fn eigenvalue_moduli(m: &DMatrix<f64>, field: &'static str) -> Result<Vec<f64>, Error> {
    let schur = Schur::try_new(m.clone(), f64::EPSILON, spectrum_limits::MAX_ITERATIONS)
        .ok_or_else(|| Error::Inconsistent {
            field,
            reason: "the Schur decomposition did not converge".into(),
        })?;
    let mut moduli: Vec<f64> = schur
        .complex_eigenvalues()
        .iter()
        .map(|z| z.re.hypot(z.im))
        .collect();
    moduli.sort_by(|a, b| b.total_cmp(a));
    Ok(moduli)
}

/// Horn's upper bounds: for k = 1..n, min over i + j − 1 = k of σ_i(A)·σ_j(B) (1-based), given
/// both lists in decreasing order.
pub fn horn_upper(sa: &[f64], sb: &[f64]) -> Vec<f64> {
    let n = sa.len().min(sb.len());
    (0..n)
        .map(|k| {
            (0..=k)
                .map(|i| sa[i] * sb[k - i])
                .fold(f64::INFINITY, f64::min)
        })
        .collect()
}

/// The lower bounds per index: for k = 1..n, max(σ_k(A)·σₙ(B), σₙ(A)·σ_k(B)), since
/// σ_k(AB) ≥ σ_k(A)·σ_min(B) and σ_k(AB) ≥ σ_min(A)·σ_k(B) for square A and B.
pub fn horn_lower(sa: &[f64], sb: &[f64]) -> Vec<f64> {
    let n = sa.len().min(sb.len());
    if n == 0 {
        return Vec::new();
    }
    (0..n)
        .map(|k| (sa[k] * sb[n - 1]).max(sa[n - 1] * sb[k]))
        .collect()
}

fn log10_product(values: &[f64]) -> f64 {
    values.iter().map(|v| v.log10()).sum()
}

/// Computes the [`SpectrumReport`] of `settings`: draws A and B ([`draw_pair`]), forms AB and
/// takes the singular values of all three and the eigenvalue moduli of AB.
pub fn spectrum(settings: &SpectrumSettings) -> Result<SpectrumReport, Error> {
    settings.validate()?;
    let (a, b) = draw_pair(settings);
    spectrum_of(settings, &a, &b)
}

/// The report for given matrices `a` and `b` (square, the same size); `settings` is copied into
/// the report.
pub fn spectrum_of(
    settings: &SpectrumSettings,
    a: &DMatrix<f64>,
    b: &DMatrix<f64>,
) -> Result<SpectrumReport, Error> {
    let n = a.nrows();
    if !a.is_square() || !b.is_square() || b.nrows() != n || n == 0 {
        return Err(Error::Inconsistent {
            field: "size",
            reason: "A and B must be square matrices of the same size".into(),
        });
    }
    let ab = a * b;
    let sv_a = singular_values(a, "size")?;
    let sv_b = singular_values(b, "size")?;
    let sv_ab = singular_values(&ab, "size")?;
    let eig_abs_ab = eigenvalue_moduli(&ab, "size")?;
    let upper = sv_a[0] * sv_b[0];
    let lower = sv_a[n - 1] * sv_b[n - 1];
    let worst = worst_violation(&sv_a, &sv_b, &sv_ab, &eig_abs_ab);
    let (hu, hl) = (horn_upper(&sv_a, &sv_b), horn_lower(&sv_a, &sv_b));
    // NaN (from a non-finite matrix) is never "within".
    let bounds_hold = worst <= ROUNDING;
    Ok(SpectrumReport {
        size: n,
        sigma: settings.sigma,
        seed: settings.seed,
        log10_det_a: log10_product(&sv_a),
        log10_det_b: log10_product(&sv_b),
        log10_det_ab: log10_product(&sv_ab),
        log10_eig_prod_ab: log10_product(&eig_abs_ab),
        sv_a,
        sv_b,
        sv_ab,
        eig_abs_ab,
        upper,
        lower,
        horn_upper: hu,
        horn_lower: hl,
        bounds_hold,
        worst_violation: worst,
    })
}

/// The largest violation, in units of σ_max(A)·σ_max(B), of the bounds σ_k(AB) ∈
/// [σ_min(A)σ_min(B), σ_max(A)σ_max(B)], Horn's per-index bounds (`horn_upper`, `horn_lower`)
/// and σ_min(AB) ≤ |λ_k(AB)| ≤ σ_max(AB), given the four lists in decreasing order and of one
/// length n ≥ 1: max over all of (violating side − bound side)/(σ_max(A)σ_max(B)). It is ≤ 0 when
/// every bound holds as computed, positive when one is crossed, NaN for non-finite input.
pub fn worst_violation(sv_a: &[f64], sv_b: &[f64], sv_ab: &[f64], eig_abs_ab: &[f64]) -> f64 {
    let n = sv_a.len();
    if n == 0 || [sv_b.len(), sv_ab.len(), eig_abs_ab.len()] != [n; 3] {
        return f64::NAN;
    }
    let upper = sv_a[0] * sv_b[0];
    let lower = sv_a[n - 1] * sv_b[n - 1];
    let hu = horn_upper(sv_a, sv_b);
    let hl = horn_lower(sv_a, sv_b);
    let mut worst = f64::NEG_INFINITY;
    let mut note = |excess: f64| {
        let x = excess / upper;
        worst = if x.is_nan() || worst.is_nan() {
            f64::NAN
        } else {
            worst.max(x)
        };
    };
    for k in 0..n {
        note(sv_ab[k] - upper);
        note(lower - sv_ab[k]);
        note(eig_abs_ab[k] - sv_ab[0]);
        note(sv_ab[n - 1] - eig_abs_ab[k]);
        note(sv_ab[k] - hu[k]);
        note(hl[k] - sv_ab[k]);
    }
    worst
}

/// The Bai–Yin edge 2σ√n: the limit of σ_max(A)/(σ√n) → 2 as n → ∞ for an n×n matrix of
/// i.i.d. N(0, σ²) entries.
pub fn edge(size: usize, sigma: f64) -> f64 {
    2.0 * sigma * (size as f64).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn horn_bounds_of_diagonal_matrices_are_the_products() {
        // A = diag(3, 2, 1), B = diag(5, 4, 1): AB = diag(15, 8, 1).
        let hu = horn_upper(&[3.0, 2.0, 1.0], &[5.0, 4.0, 1.0]);
        assert_eq!(hu, vec![15.0, 10.0, 3.0]);
        let hl = horn_lower(&[3.0, 2.0, 1.0], &[5.0, 4.0, 1.0]);
        assert_eq!(hl, vec![5.0, 4.0, 1.0]);
    }
}
