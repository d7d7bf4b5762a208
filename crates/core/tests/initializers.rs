//! Each initializer's sample statistics against its published formula.
//!
//! For N i.i.d. weights of mean 0, variance v and fourth moment μ₄:
//! - the sample mean has standard error √(v/N);
//! - the second moment m̂₂ = (1/N)·Σ w² (the variance estimate with the known mean 0) has
//!   variance (μ₄ − v²)/N, with μ₄ = 3v² for a normal and μ₄ = a⁴/5 = (9/5)·v² for U[−a, a];
//! - the fraction of |w| > 2·√v is a binomial proportion with standard error √(p(1−p)/N).
//!
//! Every check allows [`Z`] = 5 standard errors: a false alarm has probability below 10⁻⁶ per
//! check. For the uniform family the largest |w| must lie in [a·(1 − 20/N), a]: the chance that
//! all N draws stay below a·(1 − δ) is (1 − δ)ᴺ ≈ e^{−Nδ} = e⁻²⁰ for δ = 20/N.
//!
//! The expected values are written out here from the formulas (Glorot & Bengio 2010, He et al.
//! 2015, LeCun 1998, the MXNet and PyTorch defaults), not taken from the engine.

use gradscope_core::{Family, Initializer};
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

const Z: f64 = 5.0;

/// (fan_in, fan_out): one square and two non-square shapes, each with tens of thousands of
/// weights.
const SHAPES: &[(usize, usize)] = &[(200, 200), (300, 100), (50, 400)];

/// The distribution a scheme promises, from its formula.
enum Expected {
    Normal { var: f64 },
    Uniform { bound: f64 },
    Constant { value: f64 },
}

fn expected(init: Initializer, sigma: f64, n_in: usize, n_out: usize) -> Expected {
    let (n_in, n_out) = (n_in as f64, n_out as f64);
    use Initializer::*;
    match init {
        Normal => Expected::Normal { var: sigma * sigma },
        Uniform => Expected::Uniform {
            bound: 3f64.sqrt() * sigma,
        },
        Constant => Expected::Constant { value: sigma },
        MxnetDefault => Expected::Uniform { bound: 0.07 },
        PytorchDefault => Expected::Uniform {
            bound: 1.0 / n_in.sqrt(),
        },
        XavierNormal => Expected::Normal {
            var: sigma * sigma * 2.0 / (n_in + n_out),
        },
        XavierUniform => Expected::Uniform {
            bound: sigma * (6.0 / (n_in + n_out)).sqrt(),
        },
        HeNormal => Expected::Normal {
            var: sigma * sigma * 2.0 / n_in,
        },
        HeUniform => Expected::Uniform {
            bound: sigma * (6.0 / n_in).sqrt(),
        },
        LecunNormal => Expected::Normal {
            var: sigma * sigma / n_in,
        },
        LecunUniform => Expected::Uniform {
            bound: sigma * (3.0 / n_in).sqrt(),
        },
    }
}

/// The standard normal tail P(|Z| > 2) = erfc(√2), 0.04550026389635842.
const P_BEYOND_2SD_NORMAL: f64 = 0.045_500_263_896_358_42;

fn check_sample(what: &str, w: &[f64], exp: &Expected) {
    let n = w.len() as f64;
    match *exp {
        Expected::Constant { value } => {
            assert!(
                w.iter().all(|&x| x == value),
                "{what}: not every weight is exactly {value}"
            );
        }
        _ => {
            let (var, mu4, beyond_2sd) = match *exp {
                Expected::Normal { var } => (var, 3.0 * var * var, P_BEYOND_2SD_NORMAL),
                Expected::Uniform { bound } => {
                    let var = bound * bound / 3.0;
                    // For U[−a, a], P(|w| > 2·a/√3) = 0 since 2/√3 > 1.
                    (var, 1.8 * var * var, 0.0)
                }
                Expected::Constant { .. } => unreachable!(),
            };
            let mean = w.iter().sum::<f64>() / n;
            let se_mean = (var / n).sqrt();
            assert!(
                mean.abs() <= Z * se_mean,
                "{what}: mean {mean:e}, allowed ±{:e}",
                Z * se_mean
            );
            let m2 = w.iter().map(|x| x * x).sum::<f64>() / n;
            let se_m2 = ((mu4 - var * var) / n).sqrt();
            assert!(
                (m2 - var).abs() <= Z * se_m2,
                "{what}: variance {m2:e}, expected {var:e} ± {:e}",
                Z * se_m2
            );
            let sd = var.sqrt();
            let frac = w.iter().filter(|x| x.abs() > 2.0 * sd).count() as f64 / n;
            let se_frac = (beyond_2sd * (1.0 - beyond_2sd) / n).sqrt();
            assert!(
                (frac - beyond_2sd).abs() <= Z * se_frac,
                "{what}: {frac} of the weights beyond 2 sd, expected {beyond_2sd}"
            );
            if let Expected::Uniform { bound } = *exp {
                let max = w.iter().fold(0.0f64, |m, x| m.max(x.abs()));
                assert!(max <= bound, "{what}: |w| = {max} beyond the bound {bound}");
                assert!(
                    max >= bound * (1.0 - 20.0 / n),
                    "{what}: largest |w| {max} too far below the bound {bound}"
                );
            }
        }
    }
}

fn check_init(init: Initializer, sigmas: &[f64]) {
    for (k, &(n_in, n_out)) in SHAPES.iter().enumerate() {
        for (s, &sigma) in sigmas.iter().enumerate() {
            let mut rng = ChaCha8Rng::seed_from_u64(1000 + 10 * k as u64 + s as u64);
            let w: DMatrix<f64> = init.sample(&mut rng, sigma, n_in, n_out);
            assert_eq!(w.shape(), (n_out, n_in), "W is fan_out × fan_in");
            let what = format!("{} σ={sigma} n_in={n_in} n_out={n_out}", init.name());
            let exp = expected(init, sigma, n_in, n_out);
            check_sample(&what, w.as_slice(), &exp);
            // The engine's own description of the scheme agrees with the formula.
            let var = match exp {
                Expected::Normal { var } => var,
                Expected::Uniform { bound } => bound * bound / 3.0,
                Expected::Constant { value } => value * value,
            };
            let m2 = init.second_moment(sigma, n_in, n_out);
            assert!(
                (m2 - var).abs() <= 1e-12 * var,
                "{what}: second_moment {m2} vs {var}"
            );
            // In f32 the same draws are rounded once: the statistics hold as well.
            let mut rng = ChaCha8Rng::seed_from_u64(1000 + 10 * k as u64 + s as u64);
            let w32: DMatrix<f32> = init.sample(&mut rng, sigma, n_in, n_out);
            let wide: Vec<f64> = w32.iter().map(|&x| x as f64).collect();
            for (a, b) in wide.iter().zip(w.iter()) {
                assert_eq!(
                    *a, *b as f32 as f64,
                    "{what}: f32 draw is the rounded f64 draw"
                );
            }
        }
    }
}

#[test]
fn normal_has_variance_sigma_squared() {
    check_init(Initializer::Normal, &[1.0, 0.1, 3.0]);
}

#[test]
fn uniform_has_variance_sigma_squared() {
    check_init(Initializer::Uniform, &[1.0, 0.1, 3.0]);
}

#[test]
fn constant_is_exactly_c() {
    check_init(Initializer::Constant, &[1.0, 0.1, 0.0, 3.0]);
}

#[test]
fn mxnet_default_is_uniform_007() {
    // σ is ignored: the same bound for every σ.
    check_init(Initializer::MxnetDefault, &[1.0, 5.0]);
}

#[test]
fn pytorch_default_is_uniform_one_over_sqrt_fan_in() {
    check_init(Initializer::PytorchDefault, &[1.0, 5.0]);
}

#[test]
fn xavier_normal_has_variance_2_over_fan_sum() {
    check_init(Initializer::XavierNormal, &[1.0, 1.7]);
}

#[test]
fn xavier_uniform_has_bound_sqrt_6_over_fan_sum() {
    check_init(Initializer::XavierUniform, &[1.0, 1.7]);
}

#[test]
fn he_normal_has_variance_2_over_fan_in() {
    check_init(Initializer::HeNormal, &[1.0, 1.7]);
}

#[test]
fn he_uniform_has_bound_sqrt_6_over_fan_in() {
    check_init(Initializer::HeUniform, &[1.0, 1.7]);
}

#[test]
fn lecun_normal_has_variance_1_over_fan_in() {
    check_init(Initializer::LecunNormal, &[1.0, 1.7]);
}

#[test]
fn lecun_uniform_has_bound_sqrt_3_over_fan_in() {
    check_init(Initializer::LecunUniform, &[1.0, 1.7]);
}

#[test]
fn every_initializer_is_covered_and_families_match() {
    for init in Initializer::ALL {
        let fam = match expected(init, 1.0, 10, 20) {
            Expected::Normal { .. } => Family::Normal,
            Expected::Uniform { .. } => Family::Uniform,
            Expected::Constant { .. } => Family::Constant,
        };
        assert_eq!(init.family(), fam, "{}", init.name());
    }
}

#[test]
fn the_checks_can_fail() {
    // A normal sample judged against a uniform formula of the same variance fails (its tail is
    // there), and a variance 5 % off fails at this sample size.
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let w: DMatrix<f64> = Initializer::Normal.sample(&mut rng, 1.0, 200, 200);
    let as_uniform = std::panic::catch_unwind(|| {
        check_sample(
            "normal as uniform",
            w.as_slice(),
            &Expected::Uniform { bound: 3f64.sqrt() },
        )
    });
    assert!(as_uniform.is_err());
    let off = std::panic::catch_unwind(|| {
        check_sample("5 % off", w.as_slice(), &Expected::Normal { var: 1.05 })
    });
    assert!(off.is_err());
}
