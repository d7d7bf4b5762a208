//! The chapter's first figure: the sigmoid σ(x) and its derivative σ′(x) on linear axes, with the
//! derivative's maximum ¼ at x = 0 marked and an optional crosshair at a hovered x.

use super::{palette, ChartError, ChartStyle};
use gradscope_core::{Activation, SigmoidCurve};
use plotters::coord::Shift;
use plotters::prelude::*;
use serde::{Deserialize, Serialize};

/// Every text the sigmoid chart draws, in the page's language.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct SigmoidChartLabels {
    /// The caption.
    pub title: String,
    /// The x axis' title.
    pub x_axis: String,
    /// The y axis' title.
    pub y_axis: String,
    /// Legend: σ(x).
    pub value: String,
    /// Legend: σ′(x).
    pub derivative: String,
    /// Beside the marked maximum of σ′.
    pub max_note: String,
}

impl Default for SigmoidChartLabels {
    fn default() -> Self {
        SigmoidChartLabels {
            title: "The sigmoid and its derivative".into(),
            x_axis: "x".into(),
            y_axis: "y".into(),
            value: "sigmoid σ(x)".into(),
            derivative: "derivative σ′(x)".into(),
            max_note: "max σ′(0) = 1/4".into(),
        }
    }
}

/// Where the plot landed, so the page can map a pointer position to a data x: the plotting
/// area's pixel bounds (backend pixels, inclusive-exclusive as plotters reports them) and the
/// data ranges they show.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct SigmoidChartOutcome {
    /// Left edge of the plotting area, in backend pixels.
    pub left: i32,
    /// Right edge of the plotting area, in backend pixels.
    pub right: i32,
    /// Top edge of the plotting area, in backend pixels.
    pub top: i32,
    /// Bottom edge of the plotting area, in backend pixels.
    pub bottom: i32,
    /// The x at the left edge.
    pub x_min: f64,
    /// The x at the right edge.
    pub x_max: f64,
    /// The y at the bottom edge.
    pub y_min: f64,
    /// The y at the top edge.
    pub y_max: f64,
    /// The hovered x that the crosshair was drawn at (clamped to the x range), if any.
    pub hover: Option<f64>,
    /// How many curve points were skipped because they were not finite.
    pub skipped: usize,
}

/// Draws `curve` on `area`; `hover` (if finite) gets a crosshair and markers on both curves, at
/// σ and σ′ computed by the engine. Points that are not finite are skipped (breaking the line).
pub fn draw_sigmoid_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    curve: &SigmoidCurve,
    labels: &SigmoidChartLabels,
    hover: Option<f64>,
    style: &ChartStyle,
) -> Result<SigmoidChartOutcome, ChartError> {
    area.fill(&WHITE)?;
    let finite_x = curve.x.iter().copied().filter(|v| v.is_finite());
    let (mut x_min, mut x_max) = finite_x.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    if x_min.partial_cmp(&x_max) != Some(std::cmp::Ordering::Less) {
        (x_min, x_max) = (-8.0, 8.0);
    }
    let (y_min, y_max) = (-0.05, 1.05);

    let mut cc = style
        .titled(area, &labels.title, 16.0, (40.0, 48.0))
        .build_cartesian_2d(x_min..x_max, y_min..y_max)?;
    style.draw_mesh(
        cc.configure_mesh()
            .x_desc(&labels.x_axis)
            .y_desc(&labels.y_axis)
            .x_labels(9)
            .y_labels(6)
            .x_label_formatter(&|x: &f64| format!("{}", (x * 100.0).round() / 100.0))
            .y_label_formatter(&|y: &f64| format!("{}", (y * 100.0).round() / 100.0)),
        (12.0, 13.0),
    )?;

    let width = style.stroke(2.0);
    let legend_width = style.px(9.0);
    let mut skipped = 0;
    for (ys, color, label) in [
        (&curve.value, palette::BLUE, &labels.value),
        (&curve.derivative, palette::VERMILLION, &labels.derivative),
    ] {
        let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
        for (&x, &y) in curve.x.iter().zip(ys.iter()) {
            if x.is_finite() && y.is_finite() {
                if let Some(r) = runs.last_mut() {
                    r.push((x, y.clamp(y_min, y_max)));
                }
            } else {
                skipped += 1;
                if runs.last().is_some_and(|r| !r.is_empty()) {
                    runs.push(Vec::new());
                }
            }
        }
        cc.draw_series(std::iter::empty::<PathElement<(f64, f64)>>())?
            .label(label)
            .legend(move |(x, y)| {
                PathElement::new(
                    vec![(x - legend_width, y), (x + legend_width, y)],
                    color.stroke_width(width),
                )
            });
        for run in runs.into_iter().filter(|r| !r.is_empty()) {
            cc.draw_series(LineSeries::new(run, color.stroke_width(width)))?;
        }
    }

    // σ′ is largest at x = 0, where it is exactly ¼.
    if x_min <= 0.0 && 0.0 <= x_max {
        // Its label goes in the legend, where it never covers a curve, whatever the width.
        let r = style.px(4.0);
        cc.draw_series(std::iter::once(Circle::new(
            (0.0, 0.25),
            r,
            palette::VERMILLION.filled(),
        )))?
        .label(labels.max_note.clone())
        .legend(move |(x, y)| Circle::new((x, y), r, palette::VERMILLION.filled()));
    }

    let hover = hover
        .filter(|h| h.is_finite())
        .map(|h| h.clamp(x_min, x_max));
    if let Some(h) = hover {
        let s = Activation::Sigmoid.apply(h);
        let d = Activation::Sigmoid.derivative(h);
        cc.draw_series(DashedLineSeries::new(
            [(h, y_min), (h, y_max)],
            style.px(4.0),
            style.px(3.0),
            palette::INK.stroke_width(style.stroke(1.0)),
        ))?;
        for (y, color) in [(s, palette::BLUE), (d, palette::VERMILLION)] {
            cc.draw_series(std::iter::once(Circle::new(
                (h, y),
                style.px(5.0),
                color.stroke_width(style.stroke(2.0)),
            )))?;
        }
    }

    style.draw_legend(
        &mut cc.configure_series_labels(),
        SeriesLabelPosition::UpperLeft,
        (8.0, 26.0),
    )?;

    let (xr, yr) = cc.plotting_area().get_pixel_range();
    area.present()?;
    Ok(SigmoidChartOutcome {
        left: xr.start,
        right: xr.end,
        top: yr.start,
        bottom: yr.end,
        x_min,
        x_max,
        y_min,
        y_max,
        hover,
        skipped,
    })
}
