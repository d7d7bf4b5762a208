//! The Xavier chart, drawn to SVG: it marks values that underflowed to 0 or overflowed, in the
//! page's language, and draws with no layer at all.

use gradscope_web::charts::xavier_chart::{draw_xavier_chart, XavierChartLabels, XavierLayerView};
use gradscope_web::charts::ChartStyle;
use plotters::prelude::*;

fn svg<F: FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>)>(f: F) -> String {
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (640, 420)).into_drawing_area();
        f(&area);
    }
    out
}

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
    let mut outcome = None;
    let text = svg(|a| {
        outcome = Some(draw_xavier_chart(a, &layers, &labels, &ChartStyle::default()).unwrap())
    });
    let outcome = outcome.unwrap();
    assert_eq!(outcome.zero_markers, 1);
    assert_eq!(outcome.overflow_markers, 2);
    assert!(text.contains("chiều xuôi"));
    svg(|a| {
        draw_xavier_chart(a, &[], &labels, &ChartStyle::default()).unwrap();
    });
}
