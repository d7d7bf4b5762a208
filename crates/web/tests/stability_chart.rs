//! The stability map drawn to SVG from real engine columns: it counts what it drew, it survives
//! ±∞, NaN, missing columns and an empty grid, and its critical line sits where the columns say.

use gradscope_core::stability_map::{critical_sigma, map_column, MapColumn, MapSettings};
use gradscope_core::{Activation, GradientProbe};
use gradscope_web::charts::stability_chart::{
    decade_color, draw_stability_chart, StabilityChartLabels, StabilityOutcome, StabilityView,
    COLOR_LEVELS, SATURATION,
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
fn the_colour_scale_has_few_steps_each_within_half_a_step_of_the_exact_colour() {
    // Every D maps to one of 2·LEVELS + 1 colours (NaN to one more) ...
    let mut seen = std::collections::BTreeSet::new();
    for k in -4000..=4000 {
        let c = decade_color(k as f64 * 0.01);
        seen.insert((c.0, c.1, c.2));
    }
    assert_eq!(seen.len(), 2 * COLOR_LEVELS as usize + 1);
    // ... within half a step (and the rounding to a byte) of the unrounded scale: t = √(|D|/S)
    // mixes white into the end colour, so a channel is off by at most |end − 255|/(2·LEVELS) + ½.
    for k in -400..=400 {
        let d = k as f64 * 0.05;
        let t = (d.abs() / SATURATION).min(1.0).sqrt();
        let end = if d < 0.0 {
            [0.0, 90.0, 160.0]
        } else {
            [200.0, 80.0, 0.0]
        };
        let got = decade_color(d);
        for (ch, (&e, g)) in end.iter().zip([got.0, got.1, got.2]).enumerate() {
            let exact = 255.0 + (e - 255.0) * t;
            let tol = (255.0 - e) / (2.0 * COLOR_LEVELS) + 0.5;
            assert!(
                (g as f64 - exact).abs() <= tol,
                "D {d} channel {ch}: {g} vs {exact}"
            );
        }
    }
}

/// A `<rect>` of an SVG, in pixels.
#[derive(Debug, Clone)]
struct SvgRect {
    x: i64,
    y: i64,
    width: i64,
    height: i64,
    fill: String,
}

/// Every `<rect>` of `svg`, in the order drawn.
fn svg_rects(svg: &str) -> Vec<SvgRect> {
    svg.split("<rect")
        .skip(1)
        .map(|r| {
            let attr = |name: &str| {
                r.split(&format!(" {name}=\""))
                    .nth(1)
                    .and_then(|v| v.split('"').next())
                    .unwrap_or("")
                    .to_string()
            };
            let num = |name: &str| attr(name).parse::<i64>().unwrap_or(-1);
            SvgRect {
                x: num("x"),
                y: num("y"),
                width: num("width"),
                height: num("height"),
                fill: attr("fill"),
            }
        })
        .collect()
}

#[test]
fn a_deep_map_draws_every_cell_in_few_colours() {
    // D = 40·sin(0.7·i + 0.03·l) over 24 columns of 100 rows: smooth down a column, saturated
    // (|D| > 20) two thirds of the way, the same colours coming back from column to column.
    let (count, depth) = (24, 100);
    let mut view = engine_view(Activation::Tanh, count, 2);
    view.depth = depth;
    view.columns = view
        .sigmas
        .iter()
        .enumerate()
        .map(|(i, &sigma)| {
            let decades = (0..depth)
                .map(|l| 40.0 * (0.7 * i as f64 + 0.03 * l as f64).sin())
                .collect();
            Some(MapColumn {
                sigma,
                decades,
                theory: vec![0.0; depth],
            })
        })
        .collect();
    let (svg, outcome) = draw(&view, &StabilityChartLabels::default());
    assert_eq!(outcome.cells, count * depth);
    let rects = svg_rects(&svg);
    // The map's columns: the rectangles grouped by x, leaving out the wide ones (the background,
    // the legend box) and the rightmost group (the colour bar).
    let mut sorted_widths: Vec<i64> = rects.iter().map(|r| r.width).collect();
    sorted_widths.sort_unstable();
    let median = sorted_widths[sorted_widths.len() / 2];
    let mut by_x: std::collections::BTreeMap<i64, Vec<&SvgRect>> = Default::default();
    for r in rects.iter().filter(|r| r.width <= 3 * median) {
        by_x.entry(r.x).or_default().push(r);
    }
    let mut columns: Vec<Vec<&SvgRect>> = by_x.into_values().collect();
    columns.pop();
    assert_eq!(columns.len(), count);
    let hex = |c: RGBColor| format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
    let mut drawn = 0;
    for (i, column) in columns.iter().enumerate() {
        let mut column = column.clone();
        column.sort_by_key(|r| r.y);
        // One unbroken strip from the top row (depth) to the bottom one (1) ...
        let (top, bottom) = (column[0].y, column.last().map(|r| r.y + r.height).unwrap());
        for w in column.windows(2) {
            assert_eq!(
                w[0].y + w[0].height,
                w[1].y,
                "column {i}: a gap or an overlap"
            );
        }
        // ... where the pixel row of each layer's centre has that layer's colour.
        let decades = &view.columns[i].as_ref().unwrap().decades;
        let row_px = (bottom - top) as f64 / depth as f64;
        for (l, &d) in decades.iter().enumerate() {
            let centre = bottom as f64 - (l as f64 + 0.5) * row_px;
            let r = column
                .iter()
                .find(|r| (r.y as f64) <= centre && centre < (r.y + r.height) as f64)
                .unwrap();
            assert_eq!(r.fill, hex(decade_color(d)), "column {i} layer {}", l + 1);
        }
        drawn += column.len();
    }
    // Rows of one colour are merged: fewer rectangles than cells, one per run of a colour.
    let runs: usize = view
        .columns
        .iter()
        .map(|c| {
            let colors: Vec<RGBColor> = c
                .as_ref()
                .unwrap()
                .decades
                .iter()
                .map(|&d| decade_color(d))
                .collect();
            1 + colors.windows(2).filter(|w| w[0] != w[1]).count()
        })
        .sum();
    assert_eq!(drawn, runs);
    assert!(
        runs < count * depth / 2,
        "{runs} runs for {} cells",
        count * depth
    );
    // The map's rectangles, in the order drawn: each colour's follow each other (the canvas
    // fills each colour as one path), and there are few colours.
    let xs: std::collections::BTreeSet<i64> = columns.iter().map(|c| c[0].x).collect();
    let order: Vec<&str> = rects
        .iter()
        .filter(|r| r.width <= 3 * median && xs.contains(&r.x))
        .map(|r| r.fill.as_str())
        .collect();
    assert_eq!(order.len(), runs);
    let colours: std::collections::BTreeSet<&str> = order.iter().copied().collect();
    assert!(
        colours.len() <= 2 * COLOR_LEVELS as usize + 1,
        "{} colours",
        colours.len()
    );
    let blocks = 1 + order.windows(2).filter(|w| w[0] != w[1]).count();
    assert_eq!(blocks, colours.len(), "a colour drawn in {blocks} blocks");
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
