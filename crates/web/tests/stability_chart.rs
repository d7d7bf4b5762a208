//! The stability map drawn to SVG from real engine columns: it counts what it drew, it survives
//! ±∞, NaN, missing columns and an empty grid, and its critical line sits where the columns say.

use gradscope_core::stability_map::{critical_sigma, map_column, MapColumn, MapSettings};
use gradscope_core::{Activation, GradientProbe};
use gradscope_web::charts::stability_chart::{
    decade_color, draw_stability_chart, StabilityChartLabels, StabilityOutcome, StabilityView,
};
use gradscope_web::charts::ChartStyle;
use plotters::style::RGBColor;

mod common;
use common::draw_svg;

fn draw(view: &StabilityView, labels: &StabilityChartLabels) -> (String, StabilityOutcome) {
    draw_svg((760, 460), |area| {
        draw_stability_chart(area, view, labels, &ChartStyle::default()).unwrap()
    })
}

fn engine_view(activation: Activation, count: usize, depth: usize) -> StabilityView {
    let settings = MapSettings {
        activation,
        width: 32,
        batch: 8,
        depth,
        seed: 1,
    };
    let mut probe = GradientProbe::new();
    let sigmas: Vec<f64> = (0..count)
        .map(|i| 10f64.powf(-2.0 + 2.5 * i as f64 / (count - 1) as f64))
        .collect();
    let columns = sigmas
        .iter()
        .map(|&s| Some(map_column(&mut probe, &settings, s).unwrap()))
        .collect();
    StabilityView {
        sigmas,
        columns,
        depth,
        critical: critical_sigma(activation, 32),
        marker: Some((0.25, 10)),
        compact: false,
    }
}

#[test]
fn every_computed_cell_is_drawn_and_the_stable_ones_are_counted() {
    let view = engine_view(Activation::Relu, 12, 20);
    let labels = StabilityChartLabels {
        title: "Bản đồ ổn định".into(),
        ..Default::default()
    };
    let (svg, outcome) = draw(&view, &labels);
    assert_eq!(outcome.cells, 12 * 20);
    let stable = view
        .columns
        .iter()
        .flatten()
        .flat_map(|c| c.decades.iter())
        .filter(|d| d.abs() <= 2.0)
        .count();
    assert_eq!(outcome.stable_cells, stable);
    // Some cells vanish, some explode, some are stable: the grid spans the critical line.
    assert!(stable > 0 && stable < 240, "{stable}");
    assert!(svg.contains("Bản đồ ổn định"));
    assert!(svg.contains(&labels.critical_line));
    assert!(outcome.left < outcome.right && outcome.top < outcome.bottom);
}

#[test]
fn it_survives_infinities_nan_missing_columns_and_an_empty_grid() {
    let bad = MapColumn {
        sigma: 1.0,
        decades: vec![0.0, f64::INFINITY, f64::NEG_INFINITY, f64::NAN],
        theory: vec![0.0, f64::NAN, f64::INFINITY, -1e308],
    };
    let view = StabilityView {
        sigmas: vec![0.1, 1.0, 10.0],
        columns: vec![None, Some(bad), None],
        depth: 4,
        critical: Some(f64::NAN),
        marker: Some((f64::INFINITY, 99)),
        compact: false,
    };
    let (_, outcome) = draw(&view, &StabilityChartLabels::default());
    assert_eq!(outcome.cells, 4);
    let empty = StabilityView {
        sigmas: vec![],
        columns: vec![],
        depth: 0,
        critical: None,
        marker: None,
        compact: true,
    };
    let (_, outcome) = draw(&empty, &StabilityChartLabels::default());
    assert_eq!(outcome.cells, 0);
}

#[test]
fn the_colour_scale_is_white_at_zero_and_saturates() {
    assert_eq!(decade_color(0.0), RGBColor(255, 255, 255));
    assert_eq!(decade_color(-20.0), decade_color(f64::NEG_INFINITY));
    assert_eq!(decade_color(20.0), decade_color(1e300));
    assert_ne!(decade_color(-5.0), decade_color(5.0));
}

#[test]
fn a_compact_map_has_no_legend_over_it_and_keeps_every_cell() {
    let mut view = engine_view(Activation::Tanh, 8, 10);
    view.compact = true;
    let labels = StabilityChartLabels::default();
    let (svg, outcome) = draw(&view, &labels);
    assert_eq!(outcome.cells, 80);
    assert!(!svg.contains(&labels.critical_line));
    view.compact = false;
    let (svg, wide) = draw(&view, &labels);
    assert!(svg.contains(&labels.critical_line));
    // The narrower colour bar leaves the map more of the width.
    assert!(outcome.right - outcome.left > wide.right - wide.left);
}
