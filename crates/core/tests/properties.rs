//! Property tests over the whole settings space, f32 and f64.
//!
//! What "every number is finite or flagged" means, per statistic of a layer:
//! - `grad_norm` (‖∂ℓ/∂Wˡ‖) and `backward_norm`: non-finite ⇔ the status is `Overflow`
//!   (some entry is ∞ or NaN); exactly 0 ⇒ `Underflow` (every entry is 0 or subnormal — a
//!   ReLU layer that is off for the whole batch gives a legitimate 0, and it is still flagged,
//!   since the page must say the gradient is gone); `Underflow` ⇒ finite and at most
//!   √(entries)·(smallest normal number); `Ok` ⇒ finite and positive.
//! - `preact_std`: non-finite ⇔ `forward_status` is `Overflow`. A standard deviation of 0 is
//!   legitimate with `Ok` (constant weights make every unit of a layer equal).

use gradscope_core::{
    predict, random_product, Activation, GradSettings, GradientProbe, Initializer, NumStatus,
    Precision, ProductSettings,
};
use proptest::prelude::*;

fn activation() -> impl Strategy<Value = Activation> {
    prop::sample::select(Activation::ALL.to_vec())
}

fn init() -> impl Strategy<Value = Initializer> {
    prop::sample::select(Initializer::ALL.to_vec())
}

fn precision() -> impl Strategy<Value = Precision> {
    prop_oneof![Just(Precision::F32), Just(Precision::F64)]
}

fn sigma() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(0.0),
        Just(10.0),
        (-3.0f64..1.0).prop_map(|e| 10f64.powf(e)),
    ]
}

/// Mostly small networks; one case in four is deep (up to the limit of 200) and narrow.
fn settings() -> impl Strategy<Value = GradSettings> {
    let shape = prop_oneof![
        3 => (1usize..=12, 1usize..=16, 1usize..=8),
        1 => (100usize..=200, 1usize..=4, 1usize..=4),
    ];
    (
        shape,
        activation(),
        init(),
        sigma(),
        0u64..=u32::MAX as u64,
        precision(),
    )
        .prop_map(
            |((depth, width, batch), activation, init, sigma, seed, precision)| GradSettings {
                depth,
                width,
                batch,
                activation,
                init,
                sigma,
                seed,
                precision,
            },
        )
}

fn smallest_normal(p: Precision) -> f64 {
    match p {
        Precision::F32 => f32::MIN_POSITIVE as f64,
        Precision::F64 => f64::MIN_POSITIVE,
    }
}

fn check_norm(value: f64, status: NumStatus, entries: usize, p: Precision) -> Result<(), String> {
    let ok = match status {
        NumStatus::Overflow => !value.is_finite(),
        NumStatus::Underflow => {
            value.is_finite()
                && value >= 0.0
                && value <= (entries as f64).sqrt() * smallest_normal(p)
        }
        NumStatus::Ok => value.is_finite() && value > 0.0,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("{value:e} with status {status:?}"))
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_number_is_finite_or_flagged(s in settings()) {
        let r = GradientProbe::new().run(&s).expect("valid settings run");
        prop_assert_eq!(r.layers.len(), s.depth);
        prop_assert_eq!(r.precision, s.precision);
        let (n, b) = (s.width, s.batch);
        for l in &r.layers {
            let ctx = format!("layer {} of {:?}", l.layer, s);
            check_norm(l.grad_norm, l.grad_status, n * n, s.precision)
                .map_err(|e| TestCaseError::fail(format!("grad_norm {e} at {ctx}")))?;
            check_norm(l.backward_norm * (b as f64).sqrt(), l.backward_status, n * b, s.precision)
                .map_err(|e| TestCaseError::fail(format!("backward_norm {e} at {ctx}")))?;
            prop_assert_eq!(
                !l.preact_std.is_finite(),
                l.forward_status == NumStatus::Overflow,
                "preact_std {} with {:?} at {}", l.preact_std, l.forward_status, ctx
            );
            prop_assert!(l.preact_std.is_nan() || l.preact_std >= 0.0);
        }
    }

    #[test]
    fn same_seed_same_result_whatever_ran_before(s in settings(), other in settings()) {
        let fresh = GradientProbe::new().run(&s).unwrap();
        let mut reused = GradientProbe::new();
        reused.run(&other).unwrap();
        let again = reused.run(&s).unwrap();
        // Debug text compares NaN with NaN as equal, unlike ==.
        prop_assert_eq!(format!("{fresh:?}"), format!("{again:?}"));
    }

    #[test]
    fn theory_is_never_negative_nor_nan(s in settings()) {
        let p = predict(&s).unwrap();
        prop_assert_eq!(p.len(), s.depth);
        for l in &p {
            for v in [l.preact_std, l.backward_norm, l.grad_norm] {
                prop_assert!(v >= 0.0, "{:?} for {:?}", l, s);
            }
        }
    }

    #[test]
    fn invalid_settings_are_typed_errors_naming_the_field(
        s in settings(),
        which in 0usize..5,
        big in 0u64..1000,
        bad_sigma in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(-1e-9), Just(10.000001), Just(-5.0)],
    ) {
        let mut bad = s.clone();
        let field = match which {
            0 => { bad.depth = if big % 2 == 0 { 0 } else { 201 + big as usize }; "depth" }
            1 => { bad.width = if big % 2 == 0 { 0 } else { 129 + big as usize }; "width" }
            2 => { bad.batch = if big % 2 == 0 { 0 } else { 129 + big as usize }; "batch" }
            3 => { bad.sigma = bad_sigma; "sigma" }
            _ => { bad.seed = u32::MAX as u64 + 1 + big; "seed" }
        };
        let e = GradientProbe::new().run(&bad).unwrap_err();
        prop_assert_eq!(e.field(), field);
        prop_assert_eq!(predict(&bad).unwrap_err().field(), field);
    }

    #[test]
    fn product_is_finite_or_flagged(
        steps in 0usize..300,
        size in 1usize..8,
        sigma in sigma(),
        seed in 0u64..1000,
        precision in precision(),
    ) {
        let r = random_product(&ProductSettings { steps, size, sigma, seed, precision }).unwrap();
        prop_assert_eq!(r.steps.len(), steps + 1);
        for st in &r.steps {
            check_norm(st.frobenius, st.status, size * size, precision)
                .map_err(|e| TestCaseError::fail(format!("step {}: {e}", st.step)))?;
        }
        let again = random_product(&ProductSettings { steps, size, sigma, seed, precision }).unwrap();
        prop_assert_eq!(format!("{r:?}"), format!("{again:?}"));
    }
}
