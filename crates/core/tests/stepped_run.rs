//! The run cut into steps (`GradientProbe::run_steps`) against the run in one call
//! (`GradientProbe::run`): the same operations in the same order, so the same report to the
//! bit, however the 2L layer steps are cut, and whichever other run came between two steps.

use gradscope_core::{
    Activation, GradSettings, GradientProbe, GradientReport, Initializer, Precision, SteppedRun,
};

fn settings(
    depth: usize,
    activation: Activation,
    sigma: f64,
    precision: Precision,
) -> GradSettings {
    GradSettings {
        depth,
        width: 12,
        batch: 7,
        activation,
        init: Initializer::Normal,
        sigma,
        seed: 5,
        precision,
    }
}

/// The report as text: Rust prints the shortest digits that read back as the same f64, so two
/// texts are equal exactly when every number is the same bit for bit (NaN included, which `==`
/// would call unequal to itself).
fn same(r: &GradientReport) -> String {
    format!("{r:?}")
}

/// Runs `s` to the end `steps` layer steps per call; checks that only the last call reports
/// and how many steps each call took.
fn stepped(probe: &mut GradientProbe, s: &GradSettings, steps: usize) -> GradientReport {
    let mut run: Option<SteppedRun> = None;
    let total = 2 * s.depth;
    let calls = total.div_ceil(steps.max(1));
    for call in 1..calls {
        assert!(
            probe.run_steps(&mut run, s, steps).unwrap().is_none(),
            "call {call} of {calls}"
        );
        assert_eq!(run.as_ref().map(SteppedRun::done), Some(call * steps));
    }
    let report = probe
        .run_steps(&mut run, s, steps)
        .unwrap()
        .expect("the last call reports");
    assert!(run.is_none(), "the report ends the run");
    report
}

#[test]
fn any_cut_gives_the_whole_runs_report_to_the_bit() {
    use Activation::*;
    for s in [
        settings(9, Tanh, 1.0, Precision::F64),
        settings(9, Sigmoid, 0.3, Precision::F32),
        // Past f32's range both ways: overflow and underflow must come out the same too.
        settings(40, Relu, 8.0, Precision::F32),
        settings(40, Identity, 0.01, Precision::F32),
        settings(1, Relu, 1.0, Precision::F64),
    ] {
        let whole = GradientProbe::new().run(&s).unwrap();
        let mut probe = GradientProbe::new();
        for steps in [1, 2, 3, s.depth, 2 * s.depth - 1, 2 * s.depth, usize::MAX] {
            let got = stepped(&mut probe, &s, steps);
            assert_eq!(same(&got), same(&whole), "{s:?} in steps of {steps}");
        }
        // Zero steps still advance by one.
        let mut run = None;
        probe.run_steps(&mut run, &s, 0).unwrap();
        assert_eq!(
            run.map(|r| r.done()),
            (s.depth > 0 && 2 * s.depth > 1).then_some(1)
        );
    }
}

#[test]
fn a_run_continues_only_for_its_own_settings() {
    let a = settings(6, Activation::Tanh, 1.0, Precision::F64);
    let b = GradSettings {
        sigma: 2.0,
        ..a.clone()
    };
    let mut probe = GradientProbe::new();
    let mut run = None;
    assert!(probe.run_steps(&mut run, &a, 5).unwrap().is_none());
    // Other settings start over: b's run needs all of its 12 steps.
    assert!(probe.run_steps(&mut run, &b, 5).unwrap().is_none());
    assert_eq!(
        run.as_ref().map(|r| (r.done(), r.settings().sigma)),
        Some((5, 2.0))
    );
    assert!(probe.run_steps(&mut run, &b, 5).unwrap().is_none());
    let report = probe
        .run_steps(&mut run, &b, 5)
        .unwrap()
        .expect("15 ≥ 12 steps");
    assert_eq!(same(&report), same(&GradientProbe::new().run(&b).unwrap()));
    // Invalid settings are their field's error, and leave the run as it was.
    assert!(probe.run_steps(&mut run, &a, 3).unwrap().is_none());
    let bad = GradSettings {
        width: 0,
        ..a.clone()
    };
    assert_eq!(
        probe.run_steps(&mut run, &bad, 3).unwrap_err().field(),
        "width"
    );
    assert_eq!(run.as_ref().map(SteppedRun::done), Some(3));
    let report = probe.run_steps(&mut run, &a, 100).unwrap().expect("done");
    assert_eq!(same(&report), same(&GradientProbe::new().run(&a).unwrap()));
}
