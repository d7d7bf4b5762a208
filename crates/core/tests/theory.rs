//! The variance-propagation prediction against measured networks of width 256.
//!
//! What is compared: the change, in powers of ten, of each statistic between layer 1 and
//! layer L (the per-layer log-slope times L − 1), averaged over S seeds.
//!
//! How much it may differ. One layer multiplies the squared norm of a column of the signal by
//! - a χ²_n/n factor from the fresh Gaussian weights (z = W·h has n entries, each N(0, v‖h‖²)):
//!   ln(χ²_n/n) has mean ≈ −1/n and variance ≈ 2/n;
//! - for ReLU, the fraction R = Σ_{on} z²/Σ z² of the mean square that survives the mask (and
//!   likewise ‖δ‖²/‖g‖² backward). By the delta method, with Gaussian entries of variance q,
//!   Var R ≈ Var(z²(1_{z>0} − ½))/(n·q²) = (3q²/4)/(n·q²) = 3/(4n) around R₀ = ½, so ln R has
//!   variance ≈ 3/n and mean ≈ −Var R/(2R₀²) = −3/(2n).
//!
//! These per-layer factors are independent (fresh weights at each layer), so over L − 1 layers
//! the log10 of a norm (half the log of its square, divided by ln 10) has
//! - standard deviation sd = √((L − 1)·(2 + 3·[ReLU])/n) / (2 ln 10) per seed, sd/√S for the
//!   average over S seeds;
//! - a bias of at most (L − 1)·(1 + 1.5·[ReLU])/n / (2 ln 10) (the prediction is of the log of
//!   the mean square; the mean of the log is lower).
//!
//! The tolerance is bias + 5·sd/√S. Treating each column separately ignores the averaging over
//! the batch, which can only make the real spread smaller. The weight gradient ∂ℓ/∂Wˡ combines a
//! forward and a backward factor, so its tolerance adds the two (as if fully correlated).

use gradscope_core::stats::norm;
use gradscope_core::{predict_widths, Activation, Initializer, LayerPrediction, Network};
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

const Z: f64 = 5.0;

struct Measured {
    preact_std: Vec<f64>,
    backward_norm: Vec<f64>,
    grad_norm: Vec<f64>,
}

fn measure(
    activation: Activation,
    init: Initializer,
    sigma: f64,
    widths: &[usize],
    batch: usize,
    seed: u64,
) -> Measured {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let weights: Vec<DMatrix<f64>> = widths
        .windows(2)
        .map(|w| init.sample(&mut rng, sigma, w[0], w[1]))
        .collect();
    let x = DMatrix::<f64>::from_fn(widths[0], batch, |_, _| StandardNormal.sample(&mut rng));
    let net = Network::from_weights(activation, weights);
    let fwd = net.forward(&x);
    let depth = net.depth();
    let mut backward_norm = vec![0.0; depth];
    let mut grad_norm = vec![0.0; depth];
    net.backward(&fwd, |l, d_w, d_h| {
        grad_norm[l - 1] = norm(d_w.as_slice());
        backward_norm[l - 1] = norm(d_h.as_slice()) / (batch as f64).sqrt();
    });
    Measured {
        preact_std: fwd.preact_std.clone(),
        backward_norm,
        grad_norm,
    }
}

fn decades(first: f64, last: f64) -> f64 {
    (last / first).log10()
}

/// Seeds averaged per check: enough that the ReLU weight-gradient tolerance (the widest, see
/// [`tolerances`]) stays well inside the 0.7-decade coherent term it must be able to detect
/// (checked by `relu_tolerance_is_narrower_than_the_coherent_term`).
const SEEDS: u64 = 48;

/// The tolerances, in decades, for preact_std, backward_norm and grad_norm (module docs).
fn tolerances(activation: Activation, width: usize, depth: usize, seeds: u64) -> [f64; 3] {
    let relu = if activation == Activation::Relu {
        1.0
    } else {
        0.0
    };
    let steps = (depth - 1) as f64;
    let n = width as f64;
    let ln10x2 = 2.0 * std::f64::consts::LN_10;
    let sd = (steps * (2.0 + 3.0 * relu) / n).sqrt() / ln10x2 / (seeds as f64).sqrt();
    let bias = steps * (1.0 + 1.5 * relu) / n / ln10x2;
    [bias + Z * sd, bias + Z * sd, 2.0 * (bias + Z * sd)]
}

/// Checks the layer-1-to-L change of the three statistics, averaged over `seeds` seeds.
fn check(activation: Activation, init: Initializer, sigma: f64, width: usize, depth: usize) {
    let seeds = SEEDS;
    let batch = 16;
    let widths = vec![width; depth + 1];
    let pred: Vec<LayerPrediction> = predict_widths(activation, init, sigma, &widths, batch);
    let (first, last) = (pred[0], pred[depth - 1]);
    let predicted = [
        decades(first.preact_std, last.preact_std),
        decades(first.backward_norm, last.backward_norm),
        decades(first.grad_norm, last.grad_norm),
    ];
    let mut mean = [0.0; 3];
    for s in 0..seeds {
        let m = measure(activation, init, sigma, &widths, batch, 40 + s);
        let d = [
            decades(m.preact_std[0], m.preact_std[depth - 1]),
            decades(m.backward_norm[0], m.backward_norm[depth - 1]),
            decades(m.grad_norm[0], m.grad_norm[depth - 1]),
        ];
        for k in 0..3 {
            mean[k] += d[k] / seeds as f64;
        }
    }
    let tol = tolerances(activation, width, depth, seeds);
    let names = ["preact_std", "backward_norm", "grad_norm"];
    for k in 0..3 {
        assert!(
            (mean[k] - predicted[k]).abs() <= tol[k],
            "{activation:?} {} σ={sigma}: {} changes by {:.3} decades over {depth} layers, \
             predicted {:.3} ± {:.3}",
            init.name(),
            names[k],
            mean[k],
            predicted[k],
            tol[k]
        );
    }
}

#[test]
fn identity_growing_matches_prediction() {
    // n·σ² = 1.15: every layer multiplies the scale by √1.15.
    check(
        Activation::Identity,
        Initializer::Normal,
        (1.15f64 / 256.0).sqrt(),
        256,
        30,
    );
}

#[test]
fn identity_shrinking_matches_prediction() {
    check(
        Activation::Identity,
        Initializer::Normal,
        (0.85f64 / 256.0).sqrt(),
        256,
        30,
    );
}

#[test]
fn relu_he_with_gain_matches_prediction() {
    // He normal with gain 1.2: n·v·½ = 1.44 per layer.
    check(Activation::Relu, Initializer::HeNormal, 1.2, 256, 30);
}

#[test]
fn relu_he_uniform_shrinking_matches_prediction() {
    check(Activation::Relu, Initializer::HeUniform, 0.8, 256, 30);
}

#[test]
fn relu_tolerance_is_narrower_than_the_coherent_term() {
    // The chapter's recursion alone (no coherent term) multiplies the backward mean square by
    // n·v·E[φ′²] = gain² per layer for He (v = 2·gain²/n, E[φ′²] = ½), so from layer L down to
    // layer 1 the backward norm changes by −(L − 1)·log₁₀(gain) decades. The prediction with the
    // coherent term differs from that by the effect the ReLU checks must detect; the weight
    // gradient carries the same backward factor, so its tolerance must be narrower than it.
    let tol = tolerances(Activation::Relu, 256, 30, SEEDS);
    for (init, gain) in [(Initializer::HeNormal, 1.2), (Initializer::HeUniform, 0.8)] {
        let p = predict_widths(Activation::Relu, init, gain, &vec![256; 31], 16);
        let with_coherent = decades(p[0].backward_norm, p[29].backward_norm);
        let chapter_only = -29.0 * f64::log10(gain);
        let effect = (with_coherent - chapter_only).abs();
        assert!(
            effect > 0.5 && tol[2] < 0.75 * effect,
            "{}: coherent term {effect:.3} decades, grad_norm tolerance {:.3}",
            init.name(),
            tol[2]
        );
    }
}

#[test]
fn prediction_is_not_vacuous() {
    // A wrong ReLU factor (dropping the ½ of E[φ′²]) would be caught: the predicted change
    // differs from the no-½ one by far more than the tolerance used above.
    let widths = vec![256; 31];
    let p = predict_widths(Activation::Relu, Initializer::HeNormal, 1.2, &widths, 16);
    let d = decades(p[0].backward_norm, p[29].backward_norm);
    let wrong = -29.0 * (256.0f64 * 2.0 * 1.44 / 256.0).log10() / 2.0;
    assert!((d - wrong).abs() > 1.0, "{d} vs {wrong}");
}

#[test]
fn non_square_widths_follow_fan_in_and_fan_out() {
    // Identity with Xavier normal on alternating widths: zˡ's variance is multiplied by
    // n_{l−1}·2/(n_{l−1}+n_l), and the backward mean square by n_l·2/(n_{l−1}+n_l).
    let widths = [64usize, 256, 64, 256, 64];
    let p = predict_widths(
        Activation::Identity,
        Initializer::XavierNormal,
        1.0,
        &widths,
        8,
    );
    for l in 1..4 {
        let (a, b) = (widths[l] as f64, widths[l + 1] as f64);
        let fwd = (p[l].preact_std / p[l - 1].preact_std).powi(2);
        assert!((fwd - a * 2.0 / (a + b)).abs() < 1e-12);
    }
    // Measured on one seed, the per-layer forward ratios are within the χ² spread.
    let m = measure(
        Activation::Identity,
        Initializer::XavierNormal,
        1.0,
        &widths,
        8,
        5,
    );
    for l in 1..4 {
        let measured = (m.preact_std[l] / m.preact_std[l - 1]).log10();
        let predicted = (p[l].preact_std / p[l - 1].preact_std).log10();
        // Two layers' χ² spread of the (per-column) norms, with 8 columns partly averaging it.
        let n = widths[l].min(widths[l + 1]) as f64;
        let tol = Z * (2.0 * 2.0 / n).sqrt() / (2.0 * std::f64::consts::LN_10);
        assert!((measured - predicted).abs() <= tol, "layer {l}");
    }
}
