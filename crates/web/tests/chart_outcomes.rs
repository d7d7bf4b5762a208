//! What the draw exports return to the page: each chart's outcome, serialized as the page reads
//! it (`{zero_markers, overflow_markers}` for the log charts, with `lines` and `n` for the
//! spectrum chart; the y range stays on the Rust side).

use gradscope_web::charts::draw_log_chart;
use gradscope_web::charts::spectrum_chart::{
    draw_spectrum_chart, SpectrumChartLabels, SpectrumView,
};
use gradscope_web::charts::training_chart::{training_chart, LossSeries, TrainingChartLabels};
use gradscope_web::charts::ChartStyle;
use serde_json::json;

mod common;
use common::draw_svg;

#[test]
fn a_log_charts_outcome_is_its_marker_counts() {
    let (_, o) = draw_svg((640, 400), |area| {
        let series = [LossSeries {
            label: "a".into(),
            values: vec![1.0, 0.0, f64::INFINITY],
        }];
        let labels = TrainingChartLabels::default();
        draw_log_chart(
            area,
            &training_chart(&series, &labels),
            &ChartStyle::default(),
        )
        .unwrap()
    });
    assert_eq!(
        serde_json::to_value(o).unwrap(),
        json!({"zero_markers": 1, "overflow_markers": 1})
    );
}

#[test]
fn the_spectrum_charts_outcome_is_flat() {
    let (_, o) = draw_svg((640, 400), |area| {
        let view = SpectrumView {
            sv_a: vec![2.0, 1.0],
            sv_b: vec![2.0, 0.5],
            sv_ab: vec![3.0, 0.6],
            eig_abs_ab: vec![2.0, 0.9],
            upper: 4.0,
            lower: 0.5,
        };
        let labels = SpectrumChartLabels::default();
        draw_spectrum_chart(area, &view, &labels, &ChartStyle::default()).unwrap()
    });
    let v = serde_json::to_value(o).unwrap();
    assert_eq!(v["lines"], 6);
    assert_eq!(v["n"], 2);
    assert_eq!(v["zero_markers"], 0);
    assert_eq!(v["overflow_markers"], 0);
    assert_eq!(v.as_object().unwrap().len(), 4, "{v}");
}
