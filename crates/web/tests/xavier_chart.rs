//! The Xavier chart, drawn to SVG: it marks values that underflowed to 0 or overflowed, in the
//! page's language, and draws with no layer at all.

use gradscope_web::charts::draw_log_chart;
use gradscope_web::charts::xavier_chart::{xavier_chart, XavierChartLabels, XavierLayerView};

mod common;
use common::draw_labelled;

const SIZE: (u32, u32) = (640, 420);

#[test]
fn xavier_chart_marks_zero_and_overflow() {
    let layers = vec![
        XavierLayerView {
            forward_var: 1.0,
            backward_var: 0.5,
            forward_var_pred: 1.0,
            backward_var_pred: 0.5,
        },
        XavierLayerView {
            forward_var: 0.0,
            backward_var: f64::INFINITY,
            forward_var_pred: 1e-320,
            backward_var_pred: f64::NAN,
        },
        XavierLayerView {
            forward_var: 2.0,
            backward_var: 4.0,
            forward_var_pred: 2.0,
            backward_var_pred: 4.0,
        },
    ];
    let labels = XavierChartLabels {
        forward: "chiều xuôi".into(),
        ..Default::default()
    };
    let (text, outcome) = draw_labelled(SIZE, &labels, |a, l, s| {
        draw_log_chart(a, &xavier_chart(&layers, l), s)
    });
    assert_eq!(outcome.zero_markers, 1);
    assert_eq!(outcome.overflow_markers, 2);
    assert!(text.contains("chiều xuôi"));
    draw_labelled(SIZE, &labels, |a, l, s| {
        draw_log_chart(a, &xavier_chart(&[], l), s)
    });
}
