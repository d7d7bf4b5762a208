//! The backward pass against central finite differences, in f64.
//!
//! For a scalar function f and step h, the central difference (f(θ+h) − f(θ−h)) / 2h differs
//! from f′(θ) by a truncation error h²·f‴/6 plus a rounding error of about ε·|f|/h
//! (ε = 2.2·10⁻¹⁶). With h = 10⁻⁵ and losses and third derivatives of order 1 (the networks
//! below keep every signal of order 1), both are ≈ 10⁻¹¹. A relative error of 10⁻⁶ can therefore
//! only be asked of derivatives well above 10⁻¹¹ / 10⁻⁶ = 10⁻⁵: we call a derivative *tiny* when
//! its magnitude is below [`TINY`] = 10⁻⁴ (a further factor 10 of margin), and require for those
//! an absolute agreement of 10⁻⁹ instead (still a hundred times below any tiny derivative a
//! wrong backward pass would produce by missing a factor).

use gradscope_core::{Activation, Network};
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};

const STEP: f64 = 1e-5;
const REL_TOL: f64 = 1e-6;
const TINY: f64 = 1e-4;
const ABS_TOL: f64 = 1e-9;

fn normal_matrix(rng: &mut ChaCha8Rng, rows: usize, cols: usize, std: f64) -> DMatrix<f64> {
    DMatrix::from_fn(rows, cols, |_, _| {
        let d: f64 = StandardNormal.sample(rng);
        std * d
    })
}

/// A network with the given widths whose weights keep signals of order one: N(0, g²/n_in),
/// with the gain g = 1 for the identity and tanh, √2 for ReLU, and 4 for the sigmoid (whose
/// slope at 0 is 1/4).
fn random_network(
    rng: &mut ChaCha8Rng,
    activation: Activation,
    widths: &[usize],
) -> Network<'static, f64> {
    let gain: f64 = match activation {
        Activation::Sigmoid => 4.0,
        Activation::Relu => 2f64.sqrt(),
        Activation::Tanh | Activation::Identity => 1.0,
    };
    let weights = widths
        .windows(2)
        .map(|w| normal_matrix(rng, w[1], w[0], gain / (w[0] as f64).sqrt()))
        .collect();
    Network::from_weights(activation, weights)
}

fn weights_of(net: &Network<'_, f64>) -> Vec<DMatrix<f64>> {
    net.layers.iter().map(|l| l.weights()).collect()
}

/// The on/off pattern of every ReLU unit (z > 0) in every layer, for every example.
fn relu_mask(net: &Network<'_, f64>, x: &DMatrix<f64>) -> Vec<bool> {
    let fwd = net.forward(x);
    // φ′(z) is 1 where z > 0 and 0 elsewhere, so the slopes are the mask.
    fwd.slopes
        .iter()
        .flat_map(|s| s.iter().map(|&v| v > 0.0).collect::<Vec<_>>())
        .collect()
}

#[derive(Default)]
struct Tally {
    checked: usize,
    relative: usize,
    skipped_kinks: usize,
}

/// Compares one analytic derivative with its central difference. `eval(t)` is the loss with the
/// coordinate moved by t; `kink(t)` says whether moving it by t changes a ReLU's on/off state
/// somewhere in the network.
fn compare(
    what: &str,
    analytic: f64,
    eval: impl Fn(f64) -> f64,
    kink: impl Fn(f64) -> bool,
    tally: &mut Tally,
) {
    // ReLU is not differentiable at 0. If a step of ±h moves some pre-activation across 0, the
    // loss is only piecewise smooth on [θ − h, θ + h] and the central difference mixes the
    // slopes of two pieces: it is then not an estimate of the derivative at θ at all, and the
    // coordinate is skipped (and counted, so the test can check that few are).
    if kink(STEP) || kink(-STEP) {
        tally.skipped_kinks += 1;
        return;
    }
    let fd = (eval(STEP) - eval(-STEP)) / (2.0 * STEP);
    tally.checked += 1;
    if analytic.abs() >= TINY {
        tally.relative += 1;
        let rel = (fd - analytic).abs() / analytic.abs();
        assert!(
            rel <= REL_TOL,
            "{what}: backward {analytic:e}, finite difference {fd:e}, relative error {rel:e}"
        );
    } else {
        assert!(
            (fd - analytic).abs() <= ABS_TOL,
            "{what}: backward {analytic:e}, finite difference {fd:e} (tiny derivative)"
        );
    }
}

fn check_network(activation: Activation, widths: &[usize], batch: usize, seed: u64) -> Tally {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let net = random_network(&mut rng, activation, widths);
    let x = normal_matrix(&mut rng, widths[0], batch, 1.0);
    let grads = net.gradients(&x);
    let base_w = weights_of(&net);
    let depth = net.depth();
    let base_mask = relu_mask(&net, &x);
    let is_relu = activation == Activation::Relu;
    let mut tally = Tally::default();

    // ∂ℓ/∂Wˡ, every entry of every layer.
    for l in 0..depth {
        let (rows, cols) = base_w[l].shape();
        for i in 0..rows {
            for j in 0..cols {
                let moved = |t: f64| {
                    let mut w = base_w.clone();
                    w[l][(i, j)] += t;
                    Network::from_weights(activation, w)
                };
                compare(
                    &format!(
                        "{activation:?} {widths:?} B={batch} ∂ℓ/∂W{}[{i},{j}]",
                        l + 1
                    ),
                    grads.weights[l][(i, j)],
                    |t| moved(t).forward(&x).loss(),
                    |t| is_relu && relu_mask(&moved(t), &x) != base_mask,
                    &mut tally,
                );
            }
        }
    }

    // ∂ℓ/∂hˡ for l = 0..L−1: the loss as a function of hˡ is the loss of the network made of
    // layers l+1..L applied to hˡ. (∂ℓ/∂hᴸ = 1/B is checked too: with no layers left the
    // "network" is the identity on hᴸ, ℓ = (1/B)·Σ hᴸ.)
    let fwd = net.forward(&x);
    for l in 0..=depth {
        let h = &fwd.hidden[l];
        let tail = Network::from_weights(activation, base_w[l..].to_vec());
        let tail_mask = relu_mask(&tail, h);
        for i in 0..h.nrows() {
            for b in 0..h.ncols() {
                let moved = |t: f64| {
                    let mut h2 = h.clone();
                    h2[(i, b)] += t;
                    h2
                };
                compare(
                    &format!("{activation:?} {widths:?} B={batch} ∂ℓ/∂h{l}[{i},{b}]"),
                    grads.hidden[l][(i, b)],
                    |t| tail.forward(&moved(t)).loss(),
                    |t| is_relu && relu_mask(&tail, &moved(t)) != tail_mask,
                    &mut tally,
                );
            }
        }
    }
    tally
}

const SHAPES: &[(&[usize], usize)] = &[
    (&[3, 2], 1),
    (&[4, 4, 4], 3),
    (&[5, 3, 6, 2], 4),
    (&[6, 6, 6, 6, 6, 6], 2),
    (&[2, 7, 1, 5, 3, 4, 3], 5),
];

fn check_activation(activation: Activation) {
    let mut total = Tally::default();
    for (k, &(widths, batch)) in SHAPES.iter().enumerate() {
        let t = check_network(activation, widths, batch, 100 + k as u64);
        total.checked += t.checked;
        total.relative += t.relative;
        total.skipped_kinks += t.skipped_kinks;
    }
    // The test must not pass vacuously. Kinks are skipped only where a ReLU sits at exactly 0 or
    // within a step of it: this happens mostly when every unit of a layer is off for an example
    // (then the next layer's pre-activations are exactly 0, and any nudge of the input to them
    // crosses the kink); the width-1 bottleneck above makes that common on purpose. Still, at
    // least half of all coordinates must be checked, and at least 100 of them relatively.
    let all = total.checked + total.skipped_kinks;
    assert!(
        total.checked * 2 >= all,
        "{activation:?}: {} of {all} coordinates sit on a ReLU kink",
        total.skipped_kinks
    );
    assert!(
        total.relative >= 100,
        "{activation:?}: only {} of {} derivatives were large enough for a relative check",
        total.relative,
        total.checked
    );
}

#[test]
fn backward_matches_finite_differences_sigmoid() {
    check_activation(Activation::Sigmoid);
}

#[test]
fn backward_matches_finite_differences_tanh() {
    check_activation(Activation::Tanh);
}

#[test]
fn backward_matches_finite_differences_relu() {
    check_activation(Activation::Relu);
}

#[test]
fn backward_matches_finite_differences_identity() {
    check_activation(Activation::Identity);
}

#[test]
fn gradient_shapes_follow_the_widths() {
    let mut rng = ChaCha8Rng::seed_from_u64(9);
    let widths = [5, 3, 6, 2];
    let net = random_network(&mut rng, Activation::Tanh, &widths);
    let x = normal_matrix(&mut rng, 5, 4, 1.0);
    let g = net.gradients(&x);
    for l in 0..3 {
        assert_eq!(g.weights[l].shape(), (widths[l + 1], widths[l]));
    }
    for (l, &w) in widths.iter().enumerate() {
        assert_eq!(g.hidden[l].shape(), (w, 4));
    }
}
