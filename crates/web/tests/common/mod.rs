//! Shared by the chart tests: draw into an SVG held in memory and keep what the drawing returned.

// Each test binary includes this module and uses only some of it.
#![allow(dead_code)]

use gradscope_web::charts::ChartStyle;
use plotters::coord::Shift;
use plotters::prelude::*;

/// The drawing area the chart functions draw on in these tests.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;

/// Runs `draw` on a `size` SVG canvas; returns the finished SVG text and what `draw` returned.
pub fn draw_svg<R>(size: (u32, u32), draw: impl FnOnce(&Area) -> R) -> (String, R) {
    let mut out = String::new();
    let result = {
        let area = SVGBackend::with_string(&mut out, size).into_drawing_area();
        draw(&area)
    };
    (out, result)
}

/// Runs a chart's `draw` (its draw function applied to its data) with `labels` and the default
/// style on a `size` SVG canvas; panics if it fails.
pub fn draw_labelled<L, R, E: std::fmt::Debug>(
    size: (u32, u32),
    labels: &L,
    draw: impl FnOnce(&Area, &L, &ChartStyle) -> Result<R, E>,
) -> (String, R) {
    draw_svg(size, |area| {
        draw(area, labels, &ChartStyle::default()).unwrap()
    })
}

/// [`draw_labelled`] with the chart's default labels.
pub fn draw_with_defaults<L: Default, R, E: std::fmt::Debug>(
    size: (u32, u32),
    draw: impl FnOnce(&Area, &L, &ChartStyle) -> Result<R, E>,
) -> (String, R) {
    draw_labelled(size, &L::default(), draw)
}
