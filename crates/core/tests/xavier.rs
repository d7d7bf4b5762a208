//! The Xavier experiment (crates/core/src/xavier.rs): the factors n_in·v and n_out·v against the
//! initializers' variance formulas, the shape of the report, and the theory's prediction as the
//! product of the factors in the linear case.

use gradscope_core::schema::parse;
use gradscope_core::xavier::{
    backward_factor, backward_mean_square, forward_factor, xavier_compare, XavierSettings, COMPARED,
};
use gradscope_core::{Activation, Initializer};
use serde_json::json;

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs())
}

#[test]
fn xavier_variance_makes_the_mean_factor_one() {
    for (n_in, n_out) in [(64, 128), (128, 32), (16, 16), (1, 128)] {
        for init in [Initializer::XavierNormal, Initializer::XavierUniform] {
            let v = init.second_moment(1.0, n_in, n_out);
            let want = 2.0 / (n_in + n_out) as f64;
            assert!(close(v, want, 1e-12), "{init:?} {n_in}→{n_out}: v = {v}");
            let f = forward_factor(n_in, v);
            let b = backward_factor(n_out, v);
            assert!(close(f, 2.0 * n_in as f64 / (n_in + n_out) as f64, 1e-12));
            assert!(close(b, 2.0 * n_out as f64 / (n_in + n_out) as f64, 1e-12));
            assert!(close((f + b) / 2.0, 1.0, 1e-12), "{init:?} {n_in}→{n_out}");
        }
        let v = Initializer::Normal.second_moment(0.1, n_in, n_out);
        assert!(close(forward_factor(n_in, v), n_in as f64 * 0.01, 1e-12));
        assert!(close(backward_factor(n_out, v), n_out as f64 * 0.01, 1e-12));
    }
}

#[test]
fn the_backward_mean_square_is_relative_to_the_outputs() {
    // backward_norm = ‖∂ℓ/∂h‖_F/√B with every entry 1/B: ‖·‖² = n·B/B², so norm² = n/B², and
    // B²·norm²/n = 1.
    let (n, b) = (32usize, 16usize);
    let norm = ((n as f64) / (b * b) as f64).sqrt();
    assert!(close(backward_mean_square(norm, b, n), 1.0, 1e-12));
}

#[test]
fn the_report_has_one_run_per_initializer_and_one_row_per_layer() {
    let s = XavierSettings::default();
    let r = xavier_compare(&s).unwrap();
    assert_eq!(r.widths, s.widths);
    assert_eq!(r.batch, s.batch);
    let names: Vec<_> = r.runs.iter().map(|run| run.init).collect();
    assert_eq!(names, COMPARED.map(|i| i.name()).to_vec());
    for run in &r.runs {
        assert_eq!(run.layers.len(), s.widths.len() - 1);
        let want_sigma = if run.init == "normal" { s.sigma } else { 1.0 };
        assert_eq!(run.sigma, want_sigma);
        for (k, layer) in run.layers.iter().enumerate() {
            assert_eq!(layer.layer, k + 1);
            assert_eq!((layer.n_in, layer.n_out), (s.widths[k], s.widths[k + 1]));
            assert!(layer.forward_var.is_finite() && layer.backward_var.is_finite());
        }
    }
}

#[test]
fn in_the_linear_case_the_prediction_is_the_product_of_the_factors() {
    let s = XavierSettings {
        widths: vec![64, 128, 32, 128, 16],
        sigma: 0.2,
        activation: Activation::Identity,
        batch: 64,
        seed: 3,
    };
    for run in xavier_compare(&s).unwrap().runs {
        let layers = &run.layers;
        let mut forward = 1.0;
        for l in layers {
            forward *= l.forward_factor;
            assert!(
                close(l.forward_var_pred, forward, 1e-9),
                "{} layer {}",
                run.init,
                l.layer
            );
        }
        let mut backward = 1.0;
        for l in layers.iter().rev() {
            backward *= l.backward_factor;
            assert!(
                close(l.backward_var_pred, backward, 1e-9),
                "{} layer {}",
                run.init,
                l.layer
            );
        }
        // The measurement follows the prediction within sampling error in the first layer
        // (64·128 pre-activations).
        assert!(
            close(layers[0].forward_var, layers[0].forward_var_pred, 0.25),
            "{}",
            run.init
        );
    }
}

#[test]
fn bad_settings_are_refused_by_the_field() {
    let field = |v: serde_json::Value| parse::<XavierSettings>(&v).unwrap_err().field();
    assert_eq!(field(json!({"widths": [64]})), "widths");
    assert_eq!(field(json!({"widths": [64, 0]})), "widths");
    assert_eq!(field(json!({"widths": vec![64; 14]})), "widths");
    assert_eq!(field(json!({"sigma": 0})), "sigma");
    assert_eq!(field(json!({"activation": "relu"})), "activation");
    assert_eq!(field(json!({"batch": 1000})), "batch");
}
