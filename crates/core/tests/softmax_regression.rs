//! Exercise 2: softmax regression from constant weights learns, because the labels make the
//! gradient's class columns differ.

use gradscope_core::softmax_regression::{
    column_spread, softmax_regression, softmax_regression_with, train, Classification,
    SoftmaxSettings,
};
use nalgebra::{DMatrix, DVector};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

fn data(classes: usize, per_class: usize, seed: u64) -> Classification {
    Classification::blobs(
        &mut ChaCha8Rng::seed_from_u64(seed),
        classes,
        per_class,
        1.0,
    )
}

/// The blobs `softmax_regression` draws for `s`, and max over examples of ‖xᵢ‖₁.
fn data_of(s: &SoftmaxSettings) -> (Classification, f64) {
    let d = Classification::blobs(
        &mut gradscope_core::draws::stream_rng(s.seed, 0),
        s.classes,
        s.per_class,
        s.spread,
    );
    let xnorm = d
        .inputs
        .row_iter()
        .map(|r| r.abs().sum())
        .fold(0.0, f64::max);
    (d, xnorm)
}

#[test]
fn the_gradient_matches_central_differences() {
    let d = data(4, 20, 3);
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let random = gradscope_core::initializer::Family::Normal.draw_matrix(&mut rng, 2, 4);
    let bias = DVector::from_vec(vec![0.3, -0.2, 0.1, 0.0]);
    // The error of a central difference with step h: h²/6·|ℓ‴| from truncation plus
    // 2·u·|ℓ|/h from rounding ℓ (u = 2⁻⁵³). Cross-entropy's third derivative along a weight
    // W_jk is at most max_i |x_ij|³ (the third cumulant of a probability times x³), and along a
    // bias at most 1.
    let h = 1e-5;
    let xmax = d.inputs.amax();
    for w in [DMatrix::from_element(2, 4, 0.7), random] {
        let (loss, gw, gb, _) = d.loss_and_gradient(&w, &bias);
        let rounding = 2.0 * (f64::EPSILON / 2.0) * (loss.abs() + 1.0) / h * 4.0;
        let tol_w = h * h / 6.0 * xmax.powi(3) + rounding;
        let tol_b = h * h / 6.0 + rounding;
        for j in 0..2 {
            for k in 0..4 {
                let mut plus = w.clone();
                plus[(j, k)] += h;
                let mut minus = w.clone();
                minus[(j, k)] -= h;
                let fd = (d.loss_and_gradient(&plus, &bias).0
                    - d.loss_and_gradient(&minus, &bias).0)
                    / (2.0 * h);
                assert!(
                    (fd - gw[(j, k)]).abs() <= tol_w,
                    "W[{j},{k}]: {fd} vs {}",
                    gw[(j, k)]
                );
            }
        }
        for k in 0..4 {
            let mut plus = bias.clone();
            plus[k] += h;
            let mut minus = bias.clone();
            minus[k] -= h;
            let fd =
                (d.loss_and_gradient(&w, &plus).0 - d.loss_and_gradient(&w, &minus).0) / (2.0 * h);
            assert!((fd - gb[k]).abs() <= tol_b, "b[{k}]: {fd} vs {}", gb[k]);
        }
    }
}

#[test]
fn constant_weights_give_chance_loss_and_the_closed_form_first_gradient() {
    let s = SoftmaxSettings::default();
    let r = softmax_regression(&s).unwrap();
    let k = s.classes as f64;
    // Equal logits: every probability is 1/K, ℓ = ln K; ties score no correct example. Each
    // example's term o_y − (o_max + ln K) cancels o ≈ c·Σⱼxⱼ, leaving a few roundings of |o|.
    let (_, xnorm) = data_of(&s);
    let tol = 4.0 * f64::EPSILON * (s.value.abs() * xnorm + k.ln());
    assert!((r.history[0].loss - k.ln()).abs() <= tol);
    assert_eq!(r.history[0].accuracy, 0.0);
    assert_eq!(r.history[0].spread, 0.0);
    // Column k of the first gradient is (1/K)·x̄ − (n_k/n)·x̄_k, with n_k/n = 1/K here.
    let n_classes = r.class_means.len();
    let mean: Vec<f64> = (0..2)
        .map(|j| r.class_means.iter().map(|m| m[j]).sum::<f64>() / n_classes as f64)
        .collect();
    for (col, means) in r.first_gradient.iter().zip(&r.class_means) {
        for j in 0..2 {
            let expected = (mean[j] - means[j]) / k;
            // Sums of n terms of size ≤ ‖x‖₁: at most n·ε·‖x‖₁ of rounding.
            let tol = (s.classes * s.per_class) as f64 * f64::EPSILON * xnorm;
            assert!((col[j] - expected).abs() <= tol, "{} vs {expected}", col[j]);
        }
    }
}

#[test]
fn the_loss_falls_and_accuracy_rises_from_constant_weights() {
    for (classes, value) in [(2, 0.0), (3, 1.0), (6, -2.5)] {
        let s = SoftmaxSettings {
            classes,
            value,
            steps: 200,
            ..SoftmaxSettings::default()
        };
        let r = softmax_regression(&s).unwrap();
        let first = r.history[0];
        let last = *r.history.last().unwrap();
        assert!(
            last.loss < 0.8 * first.loss,
            "{classes}: {} → {}",
            first.loss,
            last.loss
        );
        assert!(
            last.accuracy > 1.5 / classes as f64,
            "{classes}: {}",
            last.accuracy
        );
        // Full-batch descent with a small enough η never increases a smooth convex loss.
        for w in r.history.windows(2) {
            assert!(w[1].loss <= w[0].loss + 1e-12, "step {}", w[1].step);
        }
        assert!(r.history[1].spread > 0.0);
    }
}

#[test]
fn class_columns_separate_after_one_step_exactly_when_their_labels_differ() {
    // Real labels: every pair of columns differs after one step.
    let s = SoftmaxSettings {
        steps: 1,
        ..SoftmaxSettings::default()
    };
    let r = softmax_regression(&s).unwrap();
    for a in 0..r.weights.len() {
        for b in (a + 1)..r.weights.len() {
            assert_ne!(r.weights[a], r.weights[b], "classes {a} and {b}");
        }
    }
    // Control: the same inputs, every example labelled 0. Classes 1 and 2 never appear: their
    // columns get the same gradient at every step and stay bitwise equal; class 0's separates.
    let mut d = data(3, 30, 5);
    d.labels.iter_mut().for_each(|y| *y = 0);
    let r = train(
        &SoftmaxSettings {
            steps: 50,
            ..SoftmaxSettings::default()
        },
        &d,
    );
    assert_eq!(r.weights[1], r.weights[2]);
    assert_eq!(r.bias[1], r.bias[2]);
    assert_ne!(r.weights[0], r.weights[1]);
    let w = DMatrix::from_fn(2, 3, |j, k| r.weights[k][j]);
    assert!(column_spread(&w) > 0.0);
}

#[test]
fn the_constant_itself_does_not_matter() {
    // Every gradient column sums to 0 over the classes, so c·1 is carried along untouched and
    // shifts all logits of an example equally. The two runs differ only by rounding: each logit
    // is off by at most a few units of roundoff of |c|·‖x‖₁, and the error adds up at most
    // linearly over steps (descent with a small η is non-expansive on this convex loss).
    let base = SoftmaxSettings {
        value: 0.0,
        steps: 100,
        ..SoftmaxSettings::default()
    };
    let shifted = SoftmaxSettings {
        value: 3.0,
        ..base.clone()
    };
    let a = softmax_regression(&base).unwrap();
    let b = softmax_regression(&shifted).unwrap();
    let (_, xnorm) = data_of(&base);
    // Per step: a logit error of ≤ 4u·|c|·‖x‖₁ (u = ε/2) moves ℓ by at most that much.
    let per_step = 4.0 * (f64::EPSILON / 2.0) * shifted.value * xnorm;
    let tol = (base.steps + 1) as f64 * per_step;
    for (x, y) in a.history.iter().zip(&b.history) {
        assert!(
            (x.loss - y.loss).abs() <= tol,
            "step {}: {} vs {}",
            x.step,
            x.loss,
            y.loss
        );
    }
}

#[test]
fn randomness_comes_from_the_generator_and_bad_settings_name_their_field() {
    let s = SoftmaxSettings::default();
    let a = softmax_regression_with(&s, &mut ChaCha8Rng::seed_from_u64(1)).unwrap();
    let b = softmax_regression_with(&s, &mut ChaCha8Rng::seed_from_u64(2)).unwrap();
    assert_ne!(a.class_means, b.class_means);
    let bad = SoftmaxSettings {
        classes: 9,
        ..SoftmaxSettings::default()
    };
    assert_eq!(softmax_regression(&bad).unwrap_err().field(), "classes");
    let nan = SoftmaxSettings {
        learning_rate: f64::NAN,
        ..SoftmaxSettings::default()
    };
    assert_eq!(
        softmax_regression(&nan).unwrap_err().field(),
        "learning_rate"
    );
}
