//! The engine over the whole declared space: every experiment run with settings drawn inside
//! its declared ranges (extreme σ and f32 included) returns numbers or flags them; it never
//! panics. Sizes that cost time (depth, width, batch, steps) are drawn log-uniformly, so small
//! and cheap settings are common and the largest still occur.

#![no_main]

use arbitrary::Unstructured;
use gradscope_core::schema::{Field, Kind, ListKind};
use gradscope_core::{GradientProbe, ProductSettings};
use libfuzzer_sys::fuzz_target;
use rand::SeedableRng;
use serde_json::{json, Map, Value};

/// A value inside `f`'s declaration: integers log-uniform over the range, floats either a range
/// end, a tiny or a huge value, or log-uniform; enums any choice; lists any valid list.
fn draw(u: &mut Unstructured, f: &Field) -> arbitrary::Result<Value> {
    Ok(match f.kind {
        Kind::Int { min, max, .. } => {
            let span = (max - min) as f64;
            let t = u.int_in_range(0..=1000)? as f64 / 1000.0;
            json!(min + ((span + 1.0).powf(t) - 1.0).floor().min(span) as i64)
        }
        Kind::Float { min, max, .. } => {
            let lo = if min > 0.0 { min } else { 1e-300_f64.max(max * 1e-12) };
            json!(match u.int_in_range(0..=4)? {
                0 => min,
                1 => max,
                2 => lo,
                _ => {
                    let t = u.int_in_range(0..=1000)? as f64 / 1000.0;
                    (10f64.powf(lo.log10() + (max.log10() - lo.log10()) * t)).clamp(min, max)
                }
            })
        }
        Kind::Enum { choices, .. } => json!(*u.choose(choices)?),
        Kind::Bool { .. } => json!(u.arbitrary::<bool>()?),
        Kind::List(ListKind { min, max, min_len, max_len, .. }) => {
            let n = u.int_in_range(min_len..=max_len)?;
            json!((0..n).map(|_| u.int_in_range(min..=max).unwrap_or(min)).collect::<Vec<_>>())
        }
    })
}

fn settings(u: &mut Unstructured, fields: &[Field]) -> arbitrary::Result<Value> {
    let mut m = Map::new();
    for f in fields {
        m.insert(f.name.to_string(), draw(u, f)?);
    }
    Ok(Value::Object(m))
}

fn check_finite_or_flagged(report: &gradscope_core::GradientReport) {
    for l in &report.layers {
        for (v, s) in [
            (l.grad_norm, l.grad_status),
            (l.backward_norm, l.backward_status),
            (l.preact_std, l.forward_status),
        ] {
            if !v.is_finite() {
                assert_ne!(s, gradscope_core::NumStatus::Ok, "{v} unflagged in {l:?}");
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok(which) = u.int_in_range(0..=4u8) else { return };
    let mut run = || -> arbitrary::Result<()> {
        match which {
            0 => {
                use gradscope_core::settings::fields::*;
                let v = settings(&mut u, &[DEPTH, WIDTH, BATCH, ACTIVATION, INIT, SIGMA, SEED, PRECISION])?;
                let s: gradscope_core::GradSettings = gradscope_core::schema::parse(&v).expect("in range");
                let report = GradientProbe::new().run(&s).expect("valid settings run");
                check_finite_or_flagged(&report);
                let _ = gradscope_core::predict(&s).expect("theory runs");
            }
            1 => {
                use gradscope_core::product::product_fields::*;
                let v = settings(&mut u, &[STEPS, SIZE, SIGMA, SEED, PRECISION])?;
                let s: ProductSettings = gradscope_core::schema::parse(&v).expect("in range");
                let _ = gradscope_core::random_product(&s);
            }
            2 => {
                use gradscope_core::spectrum::spectrum_fields::*;
                let v = settings(&mut u, &[SIZE, SIGMA, SEED])?;
                let s: gradscope_core::spectrum::SpectrumSettings =
                    gradscope_core::schema::parse(&v).expect("in range");
                let _ = gradscope_core::spectrum::spectrum(&s);
            }
            3 => {
                use gradscope_core::deep_training::deep_fields::*;
                let v = settings(
                    &mut u,
                    &[INPUTS, DEPTH, WIDTH, ACTIVATION, INIT, SIGMA, LEARNING_RATE, SAMPLES, BATCH, LARS, SEED],
                )?;
                let s: gradscope_core::deep_training::DeepSettings =
                    gradscope_core::schema::parse(&v).expect("in range");
                let _ = gradscope_core::deep_training::DeepTrainer::run(&s, 3).expect("runs");
            }
            _ => {
                use gradscope_core::symmetry::mlp_fields::*;
                let v = settings(
                    &mut u,
                    &[INPUTS, HIDDEN, ACTIVATION, INIT, SIGMA, DROPOUT, LEARNING_RATE, SAMPLES, SEED],
                )?;
                let s: gradscope_core::symmetry::MlpSettings =
                    gradscope_core::schema::parse(&v).expect("in range");
                let mut t = gradscope_core::symmetry::Trainer::new(&s).expect("valid");
                let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(s.seed);
                for _ in 0..3 {
                    t.step(&mut rng);
                }
            }
        }
        Ok(())
    };
    let _ = run();
});
