//! Native tests of the training chart (the training and LARS cells' loss curves): drawn to SVG
//! in memory, it marks overflow and zero, and draws the LARS cell's diverging runs.

use gradscope_core::deep_training::{DeepSettings, DeepTrainer};
use gradscope_web::charts::training_chart::{training_chart, LossSeries};
use gradscope_web::charts::{draw_log_chart, PlotOutcome};

mod common;
use common::draw_with_defaults;

const W: u32 = 640;
const H: u32 = 400;

fn training_svg(series: &[LossSeries]) -> (String, PlotOutcome) {
    draw_with_defaults((W, H), |a, l, s| {
        draw_log_chart(a, &training_chart(series, l), s)
    })
}

#[test]
fn training_chart_marks_overflow_and_zero() {
    let series = vec![
        LossSeries {
            label: "plain".into(),
            values: vec![1e7, 1e70, f64::INFINITY, f64::NAN],
        },
        LossSeries {
            label: "lars".into(),
            values: vec![1e7, 1e5, 1.0, 0.0],
        },
        LossSeries {
            label: "empty".into(),
            values: vec![],
        },
    ];
    let (svg, o) = training_svg(&series);
    assert_eq!(o.overflow_markers, 2);
    assert_eq!(o.zero_markers, 1);
    assert!(svg.contains("plain") && svg.contains("lars"));
    // Nothing at all, and only non-finite values.
    for s in [
        vec![],
        vec![LossSeries {
            label: "x".into(),
            values: vec![f64::NAN; 3],
        }],
    ] {
        training_svg(&s);
    }
}

#[test]
fn the_diverging_runs_draw_as_in_the_lars_cell() {
    // Seed 1's plain run blows up to ≈ 10²⁵⁴ and stays finite; seed 2's overflows to ∞/NaN.
    for (seed, overflows) in [(1, false), (2, true)] {
        let plain = DeepSettings {
            seed,
            ..DeepSettings::diverging()
        };
        let a = DeepTrainer::run(&plain, 30).unwrap();
        let b = DeepTrainer::run(
            &DeepSettings {
                lars: true,
                ..plain
            },
            30,
        )
        .unwrap();
        let series = vec![
            LossSeries {
                label: "SGD".into(),
                values: a.iter().map(|r| r.full_loss).collect(),
            },
            LossSeries {
                label: "LARS".into(),
                values: b.iter().map(|r| r.full_loss).collect(),
            },
        ];
        let non_finite = series[0].values.iter().filter(|v| !v.is_finite()).count();
        assert_eq!(non_finite > 0, overflows, "seed {seed}");
        let (_, o) = training_svg(&series);
        assert_eq!(o.overflow_markers, non_finite, "seed {seed}");
        assert!(
            o.range.hi > 60.0,
            "seed {seed}: the axis reaches 10^{}",
            o.range.hi
        );
    }
}
