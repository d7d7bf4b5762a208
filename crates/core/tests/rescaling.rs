//! Exercise 1: scaling layer l by α and layer l + 1 by 1/α leaves a ReLU network's output as it
//! was and scales the two layers' gradients by 1/α and α.

use gradscope_core::rescaling::{
    commutes, gamma, rescale, rescale_with, RescalingReport, RescalingSettings, DEPTH,
};
use gradscope_core::Activation;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn run(activation: Activation, alpha: f64, layer: usize, width: usize) -> RescalingReport {
    rescale(&RescalingSettings {
        activation,
        alpha: alpha.abs(),
        negative: alpha < 0.0,
        layer,
        width,
        seed: 3,
    })
    .unwrap()
}

/// The relative tolerance of a gradient-norm ratio. Each gradient entry passes through at most
/// 2L matrix products of inner length ≤ max(n, B), each adding γ_{max(n,B)+3} relative to the sum
/// of the absolute values of its terms; both networks err that way, so twice. The factor 100
/// allows the Frobenius norm's entries to cancel down to 1 % of their absolute sums.
fn ratio_tolerance(width: usize) -> f64 {
    let inner = width.max(gradscope_core::rescaling::BATCH) + 3;
    2.0 * 100.0 * gamma(2 * DEPTH * inner)
}

#[test]
fn relu_output_is_unchanged_within_the_rounding_bound_and_gradients_scale_as_predicted() {
    for width in [1, 16, 64] {
        for layer in 1..DEPTH {
            for alpha in [10.0, 0.37, 123.4, 1e-3, 1e3] {
                let r = run(Activation::Relu, alpha, layer, width);
                assert!(r.commutes);
                assert!(
                    r.output_difference <= r.rounding_bound,
                    "n={width} l={layer} α={alpha}: {} > {}",
                    r.output_difference,
                    r.rounding_bound
                );
                // The bound itself is a rounding-sized number, not a licence for anything.
                // The bound is worst-case (about 10⁻¹⁰ relative at width 64, while the measured
                // difference is a few units of roundoff) yet far below what a change of the
                // function looks like (the non-homogeneous cases below differ by > 10⁻³).
                assert!(r.rounding_bound <= 1e-9 * (1.0 + r.output_scale));
                for l in &r.layers {
                    if l.grad_norm == 0.0 {
                        // Dead units (width 1): no gradient on either side, the ratio is 0/0.
                        assert_eq!(l.grad_norm_scaled, 0.0);
                        assert!(l.ratio.is_nan());
                        continue;
                    }
                    let rel = (l.ratio / l.predicted - 1.0).abs();
                    assert!(
                        rel <= ratio_tolerance(width),
                        "n={width} l={layer} α={alpha} layer {}: ratio {} vs {}",
                        l.layer,
                        l.ratio,
                        l.predicted
                    );
                }
                assert_eq!(r.layers[layer - 1].predicted, 1.0 / alpha);
                assert_eq!(r.layers[layer].predicted, alpha);
            }
        }
    }
}

#[test]
fn powers_of_two_rescale_without_any_rounding() {
    // Multiplying by 2ᵏ is exact in binary floating point and commutes with every rounding, so
    // the outputs are bitwise equal and the ratios exactly 2⁻ᵏ and 2ᵏ.
    for alpha in [2.0, 0.5, 64.0, 1.0 / 256.0] {
        for layer in 1..DEPTH {
            let r = run(Activation::Relu, alpha, layer, 16);
            assert_eq!(r.output_difference, 0.0, "α={alpha} l={layer}");
            assert_eq!(r.loss, r.loss_scaled);
            for l in &r.layers {
                assert_eq!(
                    l.ratio, l.predicted,
                    "α={alpha} l={layer} layer {}",
                    l.layer
                );
            }
        }
    }
}

#[test]
fn the_invariance_breaks_where_the_activation_is_not_homogeneous() {
    // ReLU with α < 0 flips which units are active; tanh and sigmoid bend differently at αz.
    for (activation, alpha) in [
        (Activation::Relu, -2.0),
        (Activation::Tanh, 3.0),
        (Activation::Sigmoid, 2.0),
        (Activation::Sigmoid, -1.0),
    ] {
        let r = run(activation, alpha, 2, 16);
        assert!(!r.commutes, "{activation:?} α={alpha}");
        assert!(
            r.output_difference > 1e-3 * r.output_scale,
            "{activation:?} α={alpha}: {}",
            r.output_difference
        );
    }
    // Where φ(αz) = αφ(z) holds the function survives, even for a negative α.
    for (activation, alpha) in [
        (Activation::Identity, -7.5),
        (Activation::Identity, 0.2),
        (Activation::Tanh, -1.0),
        (Activation::Sigmoid, 1.0),
    ] {
        let r = run(activation, alpha, 1, 16);
        assert!(r.commutes, "{activation:?} α={alpha}");
        assert!(
            r.output_difference <= r.rounding_bound,
            "{activation:?} α={alpha}"
        );
        for l in &r.layers {
            assert!((l.ratio / l.predicted - 1.0).abs() <= ratio_tolerance(16));
        }
    }
}

#[test]
fn one_sgd_step_tells_the_two_parametrizations_apart() {
    // Same function, different gradients: one step of the same η gives different functions,
    // except for α = 1 where the two networks are the same network.
    let r = run(Activation::Relu, 10.0, 2, 16);
    assert!(r.step_change > 0.0);
    assert!(
        r.step_difference > 1e-3 * r.step_change,
        "{}",
        r.step_difference
    );
    let same = run(Activation::Relu, 1.0, 2, 16);
    assert_eq!(same.step_difference, 0.0);
    // The weight norms move opposite ways: ‖W′ˡ‖ = |α|·‖Wˡ‖, ‖W′ˡ⁺¹‖ = ‖Wˡ⁺¹‖/|α|.
    let l = &r.layers[1];
    assert!((l.weight_norm_scaled / l.weight_norm - 10.0).abs() <= 1e-13);
    let next = &r.layers[2];
    assert!((next.weight_norm_scaled / next.weight_norm - 0.1).abs() <= 1e-14);
}

#[test]
fn commutes_is_the_homogeneity_table() {
    assert!(commutes(Activation::Relu, 3.0));
    assert!(!commutes(Activation::Relu, -3.0));
    assert!(commutes(Activation::Identity, -3.0));
    assert!(commutes(Activation::Tanh, -1.0));
    assert!(!commutes(Activation::Tanh, 2.0));
    assert!(!commutes(Activation::Sigmoid, -1.0));
    for a in Activation::ALL {
        assert!(commutes(a, 1.0));
    }
}

#[test]
fn draws_come_from_the_streams_and_bad_settings_name_their_field() {
    let s = RescalingSettings::default();
    let mut a: Vec<ChaCha8Rng> = (0..=DEPTH as u64).map(ChaCha8Rng::seed_from_u64).collect();
    let mut b: Vec<ChaCha8Rng> = (10..=10 + DEPTH as u64)
        .map(ChaCha8Rng::seed_from_u64)
        .collect();
    let ra = rescale_with(&s, &mut a).unwrap();
    let rb = rescale_with(&s, &mut b).unwrap();
    assert_ne!(ra.loss, rb.loss);
    assert_eq!(rescale_with(&s, &mut a[..2]).unwrap_err().field(), "seed");
    for (bad, field) in [
        (
            RescalingSettings {
                layer: DEPTH,
                ..s.clone()
            },
            "layer",
        ),
        (
            RescalingSettings {
                alpha: 0.0,
                ..s.clone()
            },
            "alpha",
        ),
        (
            RescalingSettings {
                alpha: f64::NAN,
                ..s.clone()
            },
            "alpha",
        ),
        (
            RescalingSettings {
                width: 0,
                ..s.clone()
            },
            "width",
        ),
    ] {
        assert_eq!(rescale(&bad).unwrap_err().field(), field);
    }
}
