//! The symmetry experiment: constant initialization keeps hidden units identical; dropout or a
//! random initialization does not.

use gradscope_core::symmetry::{unit_difference, MlpSettings, Trainer};
use gradscope_core::{Activation, Initializer};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn all_rows_equal(rows: &[Vec<f64>]) -> bool {
    // Bitwise: == on f64 (no tolerance), and no NaN (NaN != NaN would fail anyway).
    rows.iter().all(|r| r == &rows[0])
}

#[test]
fn constant_init_without_dropout_keeps_units_bitwise_identical() {
    for activation in Activation::ALL {
        for (hidden, inputs) in [(2, 2), (8, 3), (5, 1)] {
            let s = MlpSettings {
                activation,
                hidden,
                inputs,
                learning_rate: 0.05,
                ..MlpSettings::default()
            };
            let mut t = Trainer::new(&s).unwrap();
            let mut rng = ChaCha8Rng::seed_from_u64(7);
            assert!(all_rows_equal(t.hidden_weights()));
            let first = t.step(&mut rng).loss;
            let mut last = first;
            for _ in 0..200 {
                let r = t.step(&mut rng);
                assert!(
                    all_rows_equal(&r.hidden_weights),
                    "{activation:?} step {}",
                    r.step
                );
                assert!(r.hidden_bias.iter().all(|b| *b == r.hidden_bias[0]));
                assert!(r.output_weights.iter().all(|v| *v == r.output_weights[0]));
                assert_eq!(r.max_unit_difference, 0.0);
                last = r.loss;
            }
            // The weights did move (the test is not about a network that never trains), and the
            // loss stayed finite.
            assert!(last.is_finite() && first.is_finite());
            assert_ne!(t.hidden_weights()[0], vec![0.5; inputs], "{activation:?}");
        }
    }
}

#[test]
fn dropout_breaks_the_symmetry() {
    let s = MlpSettings {
        hidden: 4,
        dropout: 0.5,
        ..MlpSettings::default()
    };
    let mut t = Trainer::new(&s).unwrap();
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    let mut diverged_at = None;
    for k in 0..50 {
        let r = t.step(&mut rng);
        if !all_rows_equal(&r.hidden_weights) {
            diverged_at = Some(k);
            break;
        }
    }
    // With 4 units and 64 examples, the chance that all units get the same mask for every
    // example of the first step is (2·½⁴)⁶⁴: they differ after the first step.
    assert_eq!(diverged_at, Some(0));
    for _ in 0..100 {
        t.step(&mut rng);
    }
    let r = t.step(&mut rng);
    assert!(r.max_unit_difference > 1e-3, "{}", r.max_unit_difference);
}

#[test]
fn random_init_is_distinct_from_the_start_and_learns() {
    let s = MlpSettings {
        hidden: 16,
        init: Initializer::XavierNormal,
        sigma: 1.0,
        learning_rate: 0.2,
        samples: 128,
        ..MlpSettings::default()
    };
    let mut t = Trainer::new(&s).unwrap();
    assert!(!all_rows_equal(t.hidden_weights()));
    let mut rng = ChaCha8Rng::seed_from_u64(0);
    let first = t.step(&mut rng).loss;
    let mut last = first;
    for _ in 0..500 {
        last = t.step(&mut rng).loss;
    }
    assert!(last < first / 2.0, "loss {first} → {last}");
}

#[test]
fn invalid_settings_name_their_field() {
    let bad = MlpSettings {
        dropout: 1.0,
        ..MlpSettings::default()
    };
    assert_eq!(Trainer::new(&bad).unwrap_err().field(), "dropout");
    let bad = MlpSettings {
        hidden: 0,
        ..MlpSettings::default()
    };
    assert_eq!(Trainer::new(&bad).unwrap_err().field(), "hidden");
}

#[test]
fn unit_difference_is_the_largest_gap_between_two_units() {
    assert_eq!(unit_difference(&[]), 0.0);
    assert_eq!(unit_difference(&[vec![1.0, -2.0]]), 0.0);
    assert_eq!(unit_difference(&[vec![0.5, 0.5], vec![0.5, 0.5]]), 0.0);
    let w = [vec![0.5, 0.1], vec![0.5, -0.2], vec![0.75, 0.1]];
    // Unit pairs: (0,1) differ by 0.3 in input 1, (0,2) by 0.25, (1,2) by 0.3 (input 1).
    assert!((unit_difference(&w) - 0.3).abs() < 1e-15);
    let t = Trainer::new(&MlpSettings {
        init: Initializer::Normal,
        hidden: 4,
        ..MlpSettings::default()
    })
    .unwrap();
    assert!(unit_difference(t.hidden_weights()) > 0.0);
}
