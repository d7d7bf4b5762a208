//! The deep trainer: gradients against central finite differences, training that works, the
//! setting that diverges without LARS and trains with it, LARS's update size, histograms.

use gradscope_core::deep_training::*;
use gradscope_core::{Activation, Initializer};

fn small(activation: Activation, seed: u64) -> DeepSettings {
    DeepSettings {
        inputs: 3,
        depth: 3,
        width: 5,
        activation,
        init: Initializer::XavierNormal,
        sigma: 1.0,
        samples: 7,
        seed,
        ..DeepSettings::default()
    }
}

#[test]
fn gradients_match_central_differences() {
    for activation in [Activation::Tanh, Activation::Relu, Activation::Sigmoid] {
        for seed in 1..=3 {
            let mut t = DeepTrainer::new(&small(activation, seed)).unwrap();
            // Non-zero biases, so that their gradients are checked away from the start point.
            for (l, b) in t.network_mut().biases.iter_mut().enumerate() {
                for (i, v) in b.iter_mut().enumerate() {
                    *v = 0.1 * ((l + 2 * i) as f64).sin();
                }
            }
            let x = t.inputs().clone();
            let y = t.data().targets.clone();
            let g = t.network().gradients(&x, &y);
            assert!((g.loss - t.network().loss(&x, &y)).abs() <= 1e-15 * g.loss.abs());
            let h = 1e-6;
            let mut checked = 0;
            let layers = t.network().weights.len();
            for l in 0..layers {
                let (r, c) = t.network().weights[l].shape();
                for i in 0..r {
                    // Weights.
                    for j in 0..c {
                        let w0 = t.network().weights[l][(i, j)];
                        t.network_mut().weights[l][(i, j)] = w0 + h;
                        let up = t.network().loss(&x, &y);
                        t.network_mut().weights[l][(i, j)] = w0 - h;
                        let down = t.network().loss(&x, &y);
                        t.network_mut().weights[l][(i, j)] = w0;
                        let fd = (up - down) / (2.0 * h);
                        let an = g.weights[l][(i, j)];
                        if an.abs().max(fd.abs()) > 1e-4 {
                            let rel = (fd - an).abs() / an.abs().max(fd.abs());
                            assert!(
                                rel <= 1e-6,
                                "{activation:?} seed {seed} W{} ({i},{j}): {an} vs {fd}",
                                l + 1
                            );
                            checked += 1;
                        } else {
                            assert!((fd - an).abs() <= 1e-9);
                        }
                    }
                    // Biases.
                    let b0 = t.network().biases[l][i];
                    t.network_mut().biases[l][i] = b0 + h;
                    let up = t.network().loss(&x, &y);
                    t.network_mut().biases[l][i] = b0 - h;
                    let down = t.network().loss(&x, &y);
                    t.network_mut().biases[l][i] = b0;
                    let fd = (up - down) / (2.0 * h);
                    let an = g.biases[l][i];
                    if an.abs().max(fd.abs()) > 1e-4 {
                        let rel = (fd - an).abs() / an.abs().max(fd.abs());
                        assert!(
                            rel <= 1e-6,
                            "{activation:?} seed {seed} b{} {i}: {an} vs {fd}",
                            l + 1
                        );
                        checked += 1;
                    }
                }
            }
            assert!(
                checked > 20,
                "{activation:?}: only {checked} entries were large enough"
            );
        }
    }
}

#[test]
fn he_relu_training_lowers_the_loss() {
    for seed in 1..=3 {
        let s = DeepSettings {
            seed,
            ..DeepSettings::default()
        };
        let r = DeepTrainer::run(&s, 150).unwrap();
        let first = r[0].loss;
        let last = r[149].full_loss;
        assert!(r.iter().all(|x| !x.diverged));
        assert!(last < 0.5 * first, "seed {seed}: {first} → {last}");
        // The targets are sin(·) with variance ≈ 1/2, so predicting their mean gives ≈ 0.25.
        assert!(
            last < 0.2,
            "seed {seed}: the network learned less than the mean: {last}"
        );
    }
}

#[test]
fn minibatch_training_lowers_the_loss_and_is_deterministic() {
    let s = DeepSettings {
        batch: 16,
        ..DeepSettings::default()
    };
    let a = DeepTrainer::run(&s, 150).unwrap();
    let b = DeepTrainer::run(&s, 150).unwrap();
    assert_eq!(a, b);
    assert!(a[149].full_loss < 0.6 * a[0].full_loss);
    // A different minibatch order gives a different run from the same start.
    let full = DeepTrainer::run(&DeepSettings::default(), 2).unwrap();
    assert_ne!(a[0].loss, full[0].loss);
}

#[test]
fn every_initializer_sees_the_same_task() {
    let base = DeepTrainer::new(&DeepSettings::default()).unwrap();
    for init in [
        Initializer::Normal,
        Initializer::XavierNormal,
        Initializer::PytorchDefault,
    ] {
        let t = DeepTrainer::new(&DeepSettings {
            init,
            sigma: 0.01,
            ..DeepSettings::default()
        })
        .unwrap();
        assert_eq!(t.data(), base.data());
        assert_ne!(t.network().weights[0], base.network().weights[0]);
    }
}

#[test]
fn the_diverging_setting_diverges_without_lars_and_trains_with_it() {
    for seed in 1..=8 {
        let plain = DeepSettings {
            seed,
            ..DeepSettings::diverging()
        };
        let r = DeepTrainer::run(&plain, 10).unwrap();
        let start = r[0].loss;
        assert!(
            start.is_finite() && start > 1e5,
            "seed {seed}: start {start}"
        );
        // Within 3 steps the loss is 10²⁰ times the start, or no longer a number.
        assert!(
            r[..3]
                .iter()
                .any(|x| !x.loss.is_finite() || x.loss > 1e20 * start),
            "seed {seed}: {:?}",
            r.iter().map(|x| x.loss).collect::<Vec<_>>()
        );

        let lars = DeepSettings {
            lars: true,
            ..plain
        };
        let r = DeepTrainer::run(&lars, 200).unwrap();
        assert!(
            r.iter().all(|x| x.loss.is_finite() && !x.diverged),
            "seed {seed}"
        );
        let max = r.iter().map(|x| x.loss).fold(0.0, f64::max);
        assert!(
            max <= 100.0 * start,
            "seed {seed}: peak {max} vs start {start}"
        );
        let (mid, end) = (r[99].full_loss, r[199].full_loss);
        assert!(
            mid < 1e-2 * start,
            "seed {seed}: {start} → {mid} after 100 steps"
        );
        assert!(
            end < 1e-4 * start,
            "seed {seed}: {start} → {end} after 200 steps"
        );
        assert!(end < mid, "seed {seed}: {mid} → {end}");
    }
}

#[test]
fn a_run_has_diverged_when_its_loss_is_not_finite_or_above_ten_times_its_start() {
    assert!(!run_diverged(1.0, 1.0, false));
    assert!(!run_diverged(1.0, 10.0, false));
    assert!(run_diverged(1.0, 10.000001, false));
    assert!(run_diverged(1.0, 0.5, true));
    assert!(run_diverged(1.0, f64::NAN, false));
    assert!(run_diverged(f64::NAN, 1.0, false));
    assert!(run_diverged(1.0, f64::INFINITY, false));
    assert!(!run_diverged(f64::INFINITY, 1e300, false));

    // The LARS cell's two runs: plain SGD has diverged within 3 steps, LARS has not after 200.
    let plain = DeepSettings::diverging();
    let start = DeepTrainer::new(&plain).unwrap().full_loss();
    let r = DeepTrainer::run(&plain, 3).unwrap();
    let seen = r.iter().any(|x| x.diverged);
    assert!(run_diverged(start, r[2].full_loss, seen));
    let lars = DeepSettings {
        lars: true,
        ..plain
    };
    let r = DeepTrainer::run(&lars, 200).unwrap();
    let seen = r.iter().any(|x| x.diverged);
    assert!(!run_diverged(start, r[199].full_loss, seen));
}

#[test]
fn a_lars_step_moves_each_layer_by_gamma_times_its_norm() {
    let s = DeepSettings {
        lars: true,
        ..DeepSettings::diverging()
    };
    let mut t = DeepTrainer::new(&s).unwrap();
    let before: Vec<_> = t.network().weights.clone();
    let r = t.step(&mut DeepTrainer::batch_rng(s.seed));
    for (l, w0) in before.iter().enumerate() {
        let w1 = &t.network().weights[l];
        let moved = (w1 - w0).norm();
        let expected = s.learning_rate * w0.norm();
        assert!(
            (moved - expected).abs() <= 1e-12 * expected,
            "layer {}: {moved} vs {expected}",
            l + 1
        );
        assert!((r.layer_update_norms[l] - expected).abs() <= 1e-12 * expected);
        let tau = w0.norm() / r.layer_grad_norms[l];
        assert!((r.trust_ratios[l] - tau).abs() <= 1e-12 * tau);
        assert!((r.layer_weight_norms[l] - w1.norm()).abs() <= 1e-12 * w1.norm());
    }
    assert_eq!(trust_ratio(0.0, 3.0), 1.0);
    assert_eq!(trust_ratio(3.0, 0.0), 1.0);
    assert_eq!(trust_ratio(f64::INFINITY, 1.0), 1.0);
}

#[test]
fn histograms_count_every_activation() {
    let s = DeepSettings::default();
    let mut t = DeepTrainer::new(&s).unwrap();
    let mut rng = DeepTrainer::batch_rng(1);
    for _ in 0..3 {
        t.step(&mut rng);
    }
    for range in [None, Some((-1.0, 1.0)), Some((0.0, 0.0))] {
        let hs = t.activation_histograms(20, range);
        assert_eq!(hs.len(), s.depth);
        for h in &hs {
            let total: u64 = h.counts.iter().sum::<u64>() + h.non_finite;
            assert_eq!(total, (s.width * s.samples) as u64);
            assert_eq!(h.edges.len(), 21);
            assert!(h.edges.windows(2).all(|e| e[0] < e[1]));
        }
    }
    // ReLU: nothing below 0, so with the range [−1, 1] the lower half of the bins is empty.
    let hs = t.activation_histograms(20, Some((-1.0, 1.0)));
    for h in &hs {
        assert_eq!(h.below, 0);
        assert!(h.counts[..10].iter().all(|&c| c == 0));
    }
    let direct = histogram(
        1,
        [0.05, 0.5, 0.95, 1.0, -3.0, 7.0, f64::NAN].into_iter(),
        2,
        0.0,
        1.0,
    );
    assert_eq!(direct.counts, vec![2, 4]);
    assert_eq!((direct.below, direct.above, direct.non_finite), (1, 1, 1));
}

#[test]
fn bad_settings_name_the_field() {
    let cases = [
        (
            DeepSettings {
                depth: 0,
                ..DeepSettings::default()
            },
            "depth",
        ),
        (
            DeepSettings {
                width: 1000,
                ..DeepSettings::default()
            },
            "width",
        ),
        (
            DeepSettings {
                learning_rate: f64::NAN,
                ..DeepSettings::default()
            },
            "learning_rate",
        ),
        (
            DeepSettings {
                sigma: -1.0,
                ..DeepSettings::default()
            },
            "sigma",
        ),
        (
            DeepSettings {
                samples: 0,
                ..DeepSettings::default()
            },
            "samples",
        ),
        (
            DeepSettings {
                batch: 5000,
                ..DeepSettings::default()
            },
            "batch",
        ),
        (
            DeepSettings {
                inputs: 0,
                ..DeepSettings::default()
            },
            "inputs",
        ),
    ];
    for (s, field) in cases {
        assert_eq!(DeepTrainer::new(&s).unwrap_err().field(), field);
    }
}
