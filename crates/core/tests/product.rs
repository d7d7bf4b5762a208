//! The random-matrix product against numpy's numbers and the Lyapunov exponent.

use gradscope_core::{random_product, NumStatus, Precision, ProductSettings};

const Z: f64 = 5.0;
const EULER_GAMMA: f64 = 0.577_215_664_901_532_9;

fn log10_max_abs(seed: u64, steps: usize) -> Vec<f64> {
    let r = random_product(&ProductSettings {
        steps,
        size: 4,
        sigma: 1.0,
        seed,
        precision: Precision::F64,
    })
    .unwrap();
    r.steps.iter().map(|s| s.max_abs.log10()).collect()
}

fn quantile(sorted: &[f64], p: f64) -> f64 {
    // The order statistic at rank ⌈p·S⌉ (1-based).
    let k = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[k - 1]
}

/// numpy (k = 100, n = 4, σ = 1, in f64) gives a largest |entry| of about 10²⁵, and 10²² to 10²⁸
/// between the 5th and 95th percentiles over seeds. Those numbers are quoted to the nearest
/// power of ten, so each is uncertain by ±0.5 decade. The engine's empirical quantile q̂_p over
/// S seeds has standard error √(p(1−p)/S)/f(q_p), with f the density of log10 max|entry|; f is
/// taken as normal with the sample's standard deviation s (the log of a product of many
/// independent factors), f(q_p) = φ(z_p)/s. The band is ±(0.5 + 5·se).
#[test]
fn largest_entry_distribution_matches_numpy() {
    let seeds = 400u64;
    let mut v: Vec<f64> = (0..seeds).map(|s| log10_max_abs(s, 100)[100]).collect();
    v.sort_by(f64::total_cmp);
    let n = v.len() as f64;
    let mean = v.iter().sum::<f64>() / n;
    let sd = (v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    for (p, z_p, numpy) in [
        (0.05, -1.6449, 22.0),
        (0.5, 0.0, 25.0),
        (0.95, 1.6449, 28.0),
    ] {
        let density = (-0.5f64 * z_p * z_p).exp() / (2.0 * std::f64::consts::PI).sqrt() / sd;
        let se = (p * (1.0 - p) / n).sqrt() / density;
        let q = quantile(&v, p);
        let band = 0.5 + Z * se;
        assert!(
            (q - numpy).abs() <= band,
            "{}th percentile of log10 max|entry|: {q:.2}, numpy {numpy} ± {band:.2}",
            p * 100.0
        );
    }
}

/// Between steps 50 and 100, log‖M‖ grows by 50·λ with λ = ½(ln 2σ² + ψ(n/2)) per factor; for
/// n = 4, σ = 1, ψ(2) = 1 − γ. The per-seed increments of log10 max|entry| are averaged over S
/// seeds and compared with 50·λ/ln 10 within 5 standard errors of that mean, the standard error
/// estimated from the increments themselves. (The largest entry and the norm differ by a
/// bounded factor whose distribution is the same at both steps, so it cancels in the mean.)
#[test]
fn growth_rate_is_the_lyapunov_exponent() {
    let seeds = 300u64;
    let d: Vec<f64> = (0..seeds)
        .map(|s| {
            let l = log10_max_abs(1000 + s, 100);
            l[100] - l[50]
        })
        .collect();
    let n = d.len() as f64;
    let mean = d.iter().sum::<f64>() / n;
    let sd = (d.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1.0)).sqrt();
    let lambda = 0.5 * ((2.0f64).ln() + 1.0 - EULER_GAMMA);
    let predicted = 50.0 * lambda / std::f64::consts::LN_10;
    assert!(
        (mean - predicted).abs() <= Z * sd / n.sqrt(),
        "growth over 50 steps {mean:.3} decades, predicted {predicted:.3} ± {:.3}",
        Z * sd / n.sqrt()
    );
    // The spread matches too: Var of ½·ln χ²₄ per factor is ¼·ψ′(2) = ¼(π²/6 − 1), so the
    // increments' sd over 50 factors is √(50·¼(π²/6 − 1))/ln 10, up to the bounded max-vs-norm
    // term; the sample sd of S values has relative standard error ≈ 1/√(2(S−1)).
    let sd_pred =
        (50.0 * 0.25 * (std::f64::consts::PI.powi(2) / 6.0 - 1.0)).sqrt() / std::f64::consts::LN_10;
    assert!(
        sd > sd_pred * (1.0 - Z / (2.0 * (n - 1.0)).sqrt()),
        "{sd} vs {sd_pred}"
    );
}

#[test]
fn f32_overflows_where_f64_does_not() {
    // At ≈ 0.24 decades per factor, f32's largest finite value 3.4·10³⁸ is passed after about
    // 160 factors; f64's 1.8·10³⁰⁸ only after about 1270.
    for seed in 0..5 {
        let s = ProductSettings {
            steps: 400,
            seed,
            precision: Precision::F32,
            ..ProductSettings::default()
        };
        let r32 = random_product(&s).unwrap();
        let r64 = random_product(&ProductSettings {
            precision: Precision::F64,
            ..s
        })
        .unwrap();
        assert_eq!(r64.first_overflow, None);
        let k = r32.first_overflow.expect("f32 overflows within 400 steps");
        assert_eq!(r32.steps[k].status, NumStatus::Overflow);
        assert!(r32.steps[..k].iter().all(|st| st.status == NumStatus::Ok));
        // At the overflow step, the same draws in f64 are beyond f32's range, and one step
        // before they were within it (up to one factor's growth: a 4×4 Gaussian factor has
        // norm below 100 with overwhelming probability).
        let f32_max = f32::MAX as f64;
        assert!(r64.steps[k].max_abs > f32_max / 100.0, "step {k}");
        assert!(r64.steps[k - 1].max_abs < f32_max * 100.0, "step {k}");
        assert!(r32.product.iter().flatten().any(|v| !v.is_finite()));
    }
}

#[test]
fn same_seed_same_product_and_first_matrix_is_reported() {
    let s = ProductSettings::default();
    let a = random_product(&s).unwrap();
    let b = random_product(&s).unwrap();
    assert_eq!(a, b);
    assert_eq!(a.first.len(), 4);
    assert_eq!(a.product.len(), 4);
    let tiny = random_product(&ProductSettings {
        sigma: 1e-3,
        steps: 200,
        precision: Precision::F32,
        ..s
    })
    .unwrap();
    // σ = 10⁻³ shrinks by ≈ 2.76 decades per factor: f32 underflows to 0 within 20 steps.
    assert!(tiny.first_underflow.is_some_and(|k| k < 20));
}
