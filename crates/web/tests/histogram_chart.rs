//! Native tests of the activation histograms (the training cell): drawn to SVG in memory, they
//! draw one bar per non-empty bin and skip panels with non-finite or missing numbers.

use gradscope_core::deep_training::{DeepSettings, DeepTrainer};
use gradscope_web::charts::histogram_chart::{draw_histograms, HistogramLabels, HistogramPanel};
use gradscope_web::charts::ChartStyle;

mod common;
use common::{draw_svg, draw_with_defaults};

const W: u32 = 640;
const H: u32 = 400;

#[test]
fn histograms_draw_bars_and_skip_bad_panels() {
    let t = DeepTrainer::new(&DeepSettings::default()).unwrap();
    let mut panels: Vec<HistogramPanel> = t
        .activation_histograms(10, None)
        .into_iter()
        .map(|h| HistogramPanel {
            title: format!("layer {}", h.layer),
            edges: h.edges,
            counts: h.counts.iter().map(|&c| c as f64).collect(),
        })
        .collect();
    let expected_bars: usize = panels
        .iter()
        .map(|p| p.counts.iter().filter(|&&c| c > 0.0).count())
        .sum();
    let good = panels.len();
    panels.push(HistogramPanel {
        title: "nan".into(),
        edges: vec![0.0, f64::NAN, 1.0],
        counts: vec![1.0, 2.0],
    });
    panels.push(HistogramPanel {
        title: "inf".into(),
        edges: vec![0.0, 1.0],
        counts: vec![f64::INFINITY],
    });
    panels.push(HistogramPanel {
        title: "empty".into(),
        edges: vec![],
        counts: vec![],
    });
    panels.push(HistogramPanel {
        title: "zero".into(),
        edges: vec![0.0, 0.5, 1.0],
        counts: vec![0.0, 0.0],
    });
    let (svg, o) = draw_with_defaults((W, H), |a, l, s| draw_histograms(a, &panels, l, s));
    assert_eq!(o.panels, good + 1);
    assert_eq!(o.skipped, 3);
    assert_eq!(o.bars, expected_bars);
    assert!(svg.contains("layer 1") && svg.contains("nan"));
    let (_, o) = draw_svg((W, H), |area| {
        draw_histograms(
            area,
            &[],
            &HistogramLabels {
                columns: 0,
                ..Default::default()
            },
            &ChartStyle::default(),
        )
        .unwrap()
    });
    assert_eq!(o.panels, 0);
}
