//! Exercise 3: the singular values of A, B and AB, the bounds between them, and checks of the
//! engine's numbers against independent computations (the symmetric eigenproblem of AᵀA, LU
//! determinants, the Bai–Yin edge).

use gradscope_core::draws::stream_rng;
use gradscope_core::spectrum::{
    draw_pair, edge, singular_values, spectrum, spectrum_of, worst_violation, SpectrumSettings,
    ROUNDING,
};
use nalgebra::DMatrix;
use rand_distr::{Distribution, StandardNormal};

const EPS: f64 = f64::EPSILON;
const SIZES: [usize; 10] = [1, 2, 3, 4, 5, 7, 8, 16, 33, 64];

fn settings(size: usize, sigma: f64, seed: u64) -> SpectrumSettings {
    SpectrumSettings { size, sigma, seed }
}

/// σ_max(AB) ≤ σ_max(A)σ_max(B), σ_min(AB) ≥ σ_min(A)σ_min(B), Horn's per-index bounds and
/// σ_min(AB) ≤ |λ| ≤ σ_max(AB), over 10 sizes × 25 seeds × 3 scales. The bounds are exact in real
/// arithmetic; the computed numbers may cross them only by rounding, which for a backward-stable
/// product and SVD is at most c·n·ε·σ_max(A)σ_max(B) (see `ROUNDING`): 10⁻¹² of that scale.
#[test]
fn the_bounds_hold_over_many_seeds_and_sizes() {
    let mut worst = f64::NEG_INFINITY;
    let mut checked = 0;
    for &n in &SIZES {
        for seed in 0..25 {
            for sigma in [0.01, 1.0, 10.0] {
                let r = spectrum(&settings(n, sigma, seed)).unwrap();
                let tol = ROUNDING * r.upper;
                assert_eq!(r.sv_ab.len(), n);
                assert_eq!(r.eig_abs_ab.len(), n);
                for k in 0..n {
                    let s = r.sv_ab[k];
                    assert!(
                        s <= r.upper + tol,
                        "n={n} seed={seed}: σ_{k}(AB) = {s} > {}",
                        r.upper
                    );
                    assert!(
                        s >= r.lower - tol,
                        "n={n} seed={seed}: σ_{k}(AB) = {s} < {}",
                        r.lower
                    );
                    assert!(
                        s <= r.horn_upper[k] + tol,
                        "Horn upper, n={n} seed={seed} k={k}"
                    );
                    assert!(
                        s >= r.horn_lower[k] - tol,
                        "lower per index, n={n} seed={seed} k={k}"
                    );
                    let l = r.eig_abs_ab[k];
                    assert!(l <= r.sv_ab[0] + tol, "|λ| ≤ σ_max(AB), n={n} seed={seed}");
                    assert!(
                        l >= r.sv_ab[n - 1] - tol,
                        "|λ| ≥ σ_min(AB), n={n} seed={seed}"
                    );
                }
                // Sorted in decreasing order.
                for v in [&r.sv_a, &r.sv_b, &r.sv_ab, &r.eig_abs_ab] {
                    assert!(v.windows(2).all(|w| w[0] >= w[1]));
                }
                // The per-index bounds are at least as tight as the global ones.
                assert_eq!(r.horn_upper[0], r.upper);
                assert_eq!(r.horn_lower[n - 1], r.lower);
                assert!(r.bounds_hold, "n={n} seed={seed}: {}", r.worst_violation);
                worst = worst.max(r.worst_violation);
                checked += 1;
            }
        }
    }
    assert_eq!(checked, SIZES.len() * 25 * 3);
    assert!(worst <= ROUNDING, "largest violation {worst}");
}

/// The check itself can fail: on diagonal matrices everything is known by hand, and lists that
/// break one bound at a time give a positive violation of the expected size.
#[test]
fn the_check_detects_violations() {
    let a = DMatrix::from_diagonal(&nalgebra::DVector::from_vec(vec![3.0, 1.0]));
    let b = DMatrix::from_diagonal(&nalgebra::DVector::from_vec(vec![2.0, 1.0]));
    let good = spectrum_of(&settings(2, 1.0, 0), &a, &b).unwrap();
    assert!(good.bounds_hold);
    assert_eq!(good.sv_ab, vec![6.0, 1.0]);
    assert_eq!((good.upper, good.lower), (6.0, 1.0));
    // σ_max(AB) = σ_max(A)σ_max(B) and σ_min(AB) = σ_min(A)σ_min(B): tight, violation 0.
    assert_eq!(good.worst_violation, 0.0);
    let (sa, sb) = ([3.0, 1.0], [2.0, 1.0]);
    // σ_max(AB) above the upper bound 6 by 1.2: violation 0.2.
    assert!((worst_violation(&sa, &sb, &[7.2, 1.0], &[6.0, 1.0]) - 0.2).abs() < 1e-15);
    // σ_min(AB) below the lower bound 1 by 0.6: violation 0.1.
    assert!((worst_violation(&sa, &sb, &[6.0, 0.4], &[6.0, 0.4]) - 0.1).abs() < 1e-15);
    // An eigenvalue modulus above σ_max(AB).
    assert!(worst_violation(&sa, &sb, &[5.0, 1.0], &[5.3, 1.0]) > 0.04);
    // Horn: σ₂(AB) ≤ min(σ₁(A)σ₂(B), σ₂(A)σ₁(B)) = min(3, 2) = 2.
    assert!((worst_violation(&sa, &sb, &[6.0, 2.6], &[6.0, 2.6]) - 0.1).abs() < 1e-15);
    assert!(worst_violation(&sa, &sb, &[6.0, f64::NAN], &[6.0, 1.0]).is_nan());
}

/// The singular values agree with √(eigenvalues of AᵀA) from nalgebra's symmetric eigensolver
/// (an independent algorithm: Householder tridiagonalization and implicit QL on AᵀA, not the
/// bidiagonal SVD). Both are backward stable, so σ_k² and μ_k(AᵀA) differ by at most c·n·ε·σ₁²
/// absolutely; the test allows 10⁻¹²·σ₁² (c ≤ ~70 for n ≤ 64).
#[test]
fn singular_values_agree_with_the_symmetric_eigenproblem() {
    for &n in &SIZES {
        for seed in 0..10 {
            let (a, b) = draw_pair(&settings(n, 1.0, seed));
            for m in [&a, &b, &(&a * &b)] {
                let s = singular_values(m, "size").unwrap();
                let mut mu: Vec<f64> = (m.transpose() * m)
                    .symmetric_eigen()
                    .eigenvalues
                    .iter()
                    .copied()
                    .collect();
                mu.sort_by(|x, y| y.total_cmp(x));
                let scale = s[0] * s[0];
                for (k, (&sk, &muk)) in s.iter().zip(&mu).enumerate() {
                    assert!(
                        (sk * sk - muk).abs() <= 1e-12 * scale,
                        "n={n} seed={seed} k={k}: σ²={} μ={muk}",
                        sk * sk
                    );
                }
            }
        }
    }
}

/// Π σ_k(M) = |det M| for M = A, B, AB, with det from nalgebra's LU (partial pivoting); and
/// |det AB| = |det A|·|det B|; and Π|λ_k(AB)| = |det AB|. Each computed σ_k carries an absolute
/// error of at most c·n·ε·σ₁, i.e. a relative one of c·n·ε·σ₁/σ_k, and the LU determinant one of
/// the same order, so the product's relative error is bounded by c·n·ε·Σ_k σ₁/σ_k; the test
/// takes c = 20 (and the same for the eigenvalues, whose condition for these matrices is
/// modest).
#[test]
fn product_of_singular_values_is_the_determinant() {
    for &n in &SIZES {
        for seed in 0..20 {
            let s = settings(n, 1.0, seed);
            let (a, b) = draw_pair(&s);
            let r = spectrum(&s).unwrap();
            let tol =
                |sv: &[f64]| 20.0 * n as f64 * EPS * sv.iter().map(|x| sv[0] / x).sum::<f64>();
            let ln10 = std::f64::consts::LN_10;
            let det_a = a.clone().lu().determinant().abs();
            let det_b = b.clone().lu().determinant().abs();
            let det_ab = (&a * &b).lu().determinant().abs();
            let close = |log10_x: f64, y: f64, t: f64, what: &str| {
                let rel = ((log10_x - y.log10()) * ln10).abs();
                assert!(
                    rel <= t,
                    "n={n} seed={seed} {what}: relative {rel:e} > {t:e}"
                );
            };
            close(r.log10_det_a, det_a, tol(&r.sv_a), "Π σ(A) = |det A|");
            close(r.log10_det_b, det_b, tol(&r.sv_b), "Π σ(B) = |det B|");
            close(r.log10_det_ab, det_ab, tol(&r.sv_ab), "Π σ(AB) = |det AB|");
            close(
                r.log10_det_ab,
                det_a * det_b,
                tol(&r.sv_ab) + tol(&r.sv_a) + tol(&r.sv_b),
                "Π σ(AB) = |det A||det B|",
            );
            close(
                r.log10_eig_prod_ab,
                det_ab,
                tol(&r.sv_ab),
                "Π|λ(AB)| = |det AB|",
            );
        }
    }
}

/// A = σ·G: the singular values scale by σ and those of AB by σ², to rounding (the same draws G
/// for every σ, so only the scale changes).
#[test]
fn singular_values_scale_with_sigma() {
    for &n in &[3usize, 16, 64] {
        let one = spectrum(&settings(n, 1.0, 5)).unwrap();
        for sigma in [0.01, 0.3, 10.0] {
            let r = spectrum(&settings(n, sigma, 5)).unwrap();
            for k in 0..n {
                let t = 1e-12 * one.sv_a[0];
                assert!((r.sv_a[k] / sigma - one.sv_a[k]).abs() <= t);
                assert!((r.sv_ab[k] / (sigma * sigma) - one.sv_ab[k]).abs() <= 1e-12 * one.upper);
            }
        }
    }
}

/// The largest singular value of an n×n N(0, σ²) matrix is close to the edge 2σ√n.
///
/// Johnstone (2001): for p = n, λ_max(GᵀG) ≈ μ + s·TW₁ with μ = (√(n−1) + √n)² and
/// s = (√(n−1) + √n)(1/√(n−1) + 1/√n)^{1/3}, TW₁ the Tracy–Widom law (mean −1.21, sd 1.27; its
/// right tail P(TW₁ > 6) < 10⁻⁶, its left tail P(TW₁ < −6) far smaller). Taking the square root,
/// σ_max ≈ √μ + s·TW₁/(2√μ), so the test asks σ_max ∈ √μ + s/(2√μ)·[−6, 6] (for n = 200 that is
/// 2√n ± about 1.5, i.e. ±5%). Independently, Gordon's inequality E σ_max ≤ 2√n with Gaussian
/// concentration (σ_max is 1-Lipschitz in the entries) gives P(σ_max > 2√n + t) ≤ e^{−t²/2}, so
/// σ_max ≤ 2√n + 6 fails with probability below 2·10⁻⁸ — a rigorous, if loose, upper check.
#[test]
fn largest_singular_value_is_near_the_bai_yin_edge() {
    let n = 200usize;
    let nf = n as f64;
    let root = (nf - 1.0).sqrt() + nf.sqrt();
    let mu_sqrt = root;
    let s = root * (1.0 / (nf - 1.0).sqrt() + 1.0 / nf.sqrt()).cbrt();
    let half_width = 6.0 * s / (2.0 * mu_sqrt);
    let mut ratios = Vec::new();
    for seed in 0..6 {
        for sigma in [1.0, 0.5] {
            let mut rng = stream_rng(seed, 1);
            let g = DMatrix::from_fn(n, n, |_, _| {
                let z: f64 = StandardNormal.sample(&mut rng);
                sigma * z
            });
            let top = singular_values(&g, "size").unwrap()[0] / sigma;
            assert!(
                (top - mu_sqrt).abs() <= half_width,
                "seed {seed}: σ_max/σ = {top}, expected {mu_sqrt} ± {half_width}"
            );
            assert!(top <= edge(n, 1.0) + 6.0);
            ratios.push(top / edge(n, 1.0));
        }
    }
    let mean = ratios.iter().sum::<f64>() / ratios.len() as f64;
    assert!((mean - 1.0).abs() < 0.05, "mean σ_max/(2σ√n) = {mean}");
}

#[test]
fn settings_are_validated_and_the_error_names_the_field() {
    for (s, field) in [
        (settings(0, 1.0, 1), "size"),
        (settings(65, 1.0, 1), "size"),
        (settings(4, 0.0, 1), "sigma"),
        (settings(4, -1.0, 1), "sigma"),
        (settings(4, 10.5, 1), "sigma"),
        (settings(4, f64::NAN, 1), "sigma"),
        (settings(4, f64::INFINITY, 1), "sigma"),
        (settings(4, 1.0, u64::MAX), "seed"),
    ] {
        let e = spectrum(&s).unwrap_err();
        assert_eq!(e.field(), field, "{s:?}");
        assert!(e.to_string().starts_with(field));
    }
    assert!(spectrum(&settings(1, 10.0, 1)).is_ok());
    assert!(spectrum(&settings(64, 1e-300, 1)).is_ok());
}

#[test]
fn the_seed_decides_the_matrices() {
    let a = spectrum(&settings(4, 1.0, 7)).unwrap();
    let b = spectrum(&settings(4, 1.0, 7)).unwrap();
    let c = spectrum(&settings(4, 1.0, 8)).unwrap();
    assert_eq!(a, b);
    assert_ne!(a.sv_a, c.sv_a);
    let (ma, mb) = draw_pair(&settings(4, 1.0, 7));
    assert_ne!(ma, mb, "A and B come from different streams");
}

/// n = 1: A = (a), B = (b), everything is |a|, |b|, |ab|, and the bounds are equalities.
#[test]
fn one_by_one_is_the_absolute_value() {
    let s = settings(1, 2.0, 3);
    let (a, b) = draw_pair(&s);
    let r = spectrum(&s).unwrap();
    assert_eq!(r.sv_a, vec![a[(0, 0)].abs()]);
    assert_eq!(r.sv_b, vec![b[(0, 0)].abs()]);
    assert_eq!(r.sv_ab, vec![(a[(0, 0)] * b[(0, 0)]).abs()]);
    assert_eq!(r.eig_abs_ab, r.sv_ab);
    assert_eq!(r.upper, r.lower);
}
