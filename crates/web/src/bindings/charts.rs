//! Every chart the page draws, by name, in one list: `drawChart(name, canvas, data, labels,
//! style)` draws it on a canvas (our lean canvas backend) and `chartSvg(name, data, labels, style,
//! width, height)` writes the same chart function's output as SVG (plotters' SVG backend), for
//! the page's "download SVG". Both draw on [`super::page_backend::PageBackend`], so the wasm
//! holds each chart function once. Both read `data` by the chart's own type, `labels` and `style` as
//! their defaults when `undefined`/`null`, and fail (never panic) on anything else.

use super::draw::{canvas_area, chart_error};
use super::{from_js, from_js_or_default, to_js};
// Every other cell's chart: not in the main widget's own build (see the `charts!` list).
#[cfg(feature = "svg-export")]
use super::page_backend::PageBackend;
use crate::charts::{draw_gradient_chart, ChartStyle, GradientChartLabels, GradientChartOptions};
#[cfg(feature = "all-cells")]
use crate::charts::{
    draw_log_chart,
    histogram_chart::{draw_histograms, HistogramLabels, HistogramPanel},
    product_chart::{product_chart, ProductChartLabels},
    rescaling_chart::{rescaling_chart, RescalingChartLabels, RescalingView},
    sigmoid_chart::{draw_sigmoid_chart, SigmoidChartLabels},
    softmax_chart::{softmax_chart, SoftmaxChartLabels, SoftmaxView},
    spectrum_chart::{draw_spectrum_chart, SpectrumChartLabels, SpectrumView},
    stability_chart::{draw_stability_chart, StabilityChartLabels, StabilityView},
    symmetry_chart::{draw_symmetry_chart, SymmetryChartLabels, SymmetryHistory},
    training_chart::{training_chart, LossSeries, TrainingChartLabels},
    xavier_chart::{xavier_chart, XavierChartLabels, XavierLayerView},
};
use gradscope_core::LayerStats;
#[cfg(feature = "all-cells")]
use gradscope_core::{ProductStep, SigmoidCurve};
#[cfg(feature = "svg-export")]
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The gradient chart's data: an `Engine.gradients` result's layers and which series to show
/// (`{show_backward, show_forward, theory}`).
#[derive(Deserialize)]
struct GradientData {
    layers: Vec<LayerStats>,
    #[serde(default)]
    options: GradientChartOptions,
}

/// The product chart's data: a `randomProduct` result's steps.
#[cfg(feature = "all-cells")]
#[derive(Deserialize)]
struct ProductData {
    steps: Vec<ProductStep>,
}

/// The sigmoid chart's data: a `sigmoidCurve` result and the hovered x (absent, null or NaN for
/// none).
#[cfg(feature = "all-cells")]
#[derive(Deserialize)]
struct SigmoidData {
    #[serde(flatten)]
    curve: SigmoidCurve,
    #[serde(default)]
    hover: Option<f64>,
}

/// The Xavier chart's data: one run of `xavierCompare(…).runs`.
#[cfg(feature = "all-cells")]
#[derive(Deserialize)]
struct XavierData {
    layers: Vec<XavierLayerView>,
}

/// The largest SVG side, in pixels, that `chartSvg` writes.
#[cfg(feature = "svg-export")]
pub const MAX_SVG_SIDE: u32 = 8192;

/// The list: each chart's name, the type its data is read as, its labels' type, and how its
/// chart function is called on a drawing area `a` with data `d`, labels `l` and style `s`.
/// An entry may carry `#[cfg(…)]`: the main widget's own build (`--no-default-features`, see
/// Cargo.toml) keeps only the gradient chart.
macro_rules! charts {
    ($( $(#[$meta:meta])* $name:literal: $data:ty, $labels:ty => |$a:ident, $d:ident, $l:ident, $s:ident| $draw:expr; )*) => {
        /// The names `drawChart` and `chartSvg` accept.
        pub const CHART_NAMES: &[&str] = &[$($(#[$meta])* $name),*];

        /// Draws chart `name` (one of [`CHART_NAMES`]) of `data` on `canvas` with `labels` and
        /// `style` (`{font_family, scale}`); returns what the chart function reports (markers
        /// drawn, the plot area in canvas pixels, …).
        #[wasm_bindgen(js_name = drawChart)]
        pub fn draw_chart(
            name: &str,
            canvas: &HtmlCanvasElement,
            data: JsValue,
            labels: JsValue,
            style: JsValue,
        ) -> Result<JsValue, JsError> {
            match name {
                $($(#[$meta])* $name => {
                    let $d: $data = from_js("data", data)?;
                    let $l: $labels = from_js_or_default("labels", labels)?;
                    let $s: ChartStyle = from_js_or_default("style", style)?;
                    let $a = canvas_area(canvas)?;
                    to_js(&$draw.map_err(chart_error)?)
                })*
                other => Err(unknown_chart(other)),
            }
        }

        /// Chart `name` of `data` as an SVG document of `width` × `height` pixels (1 ..=
        /// [`MAX_SVG_SIDE`]), drawn by the same chart function as [`draw_chart`]. Only with the
        /// feature `svg-export` (not in the main widget's own build).
        #[cfg(feature = "svg-export")]
        #[wasm_bindgen(js_name = chartSvg)]
        pub fn chart_svg(
            name: &str,
            data: JsValue,
            labels: JsValue,
            style: JsValue,
            width: u32,
            height: u32,
        ) -> Result<String, JsError> {
            let size = svg_size(width, height)?;
            let mut svg = String::new();
            match name {
                $($(#[$meta])* $name => {
                    let $d: $data = from_js("data", data)?;
                    let $l: $labels = from_js_or_default("labels", labels)?;
                    let $s: ChartStyle = from_js_or_default("style", style)?;
                    let $a = PageBackend::Svg(SVGBackend::with_string(&mut svg, size))
                        .into_drawing_area();
                    $draw.map_err(chart_error)?;
                    $a.present().map_err(|e| chart_error(e.into()))?;
                })*
                other => return Err(unknown_chart(other)),
            }
            Ok(svg)
        }
    };
}

charts! {
    "gradients": GradientData, GradientChartLabels =>
        |a, d, l, s| draw_gradient_chart(&a, &d.layers, &l, &d.options, &s);
    #[cfg(feature = "all-cells")]
    "histograms": Vec<HistogramPanel>, HistogramLabels =>
        |a, d, l, s| draw_histograms(&a, &d, &l, &s);
    #[cfg(feature = "all-cells")]
    "product": ProductData, ProductChartLabels =>
        |a, d, l, s| draw_log_chart(&a, &product_chart(&d.steps, &l), &s);
    #[cfg(feature = "all-cells")]
    "rescaling": RescalingView, RescalingChartLabels =>
        |a, d, l, s| draw_log_chart(&a, &rescaling_chart(&d, &l), &s);
    #[cfg(feature = "all-cells")]
    "sigmoid": SigmoidData, SigmoidChartLabels =>
        |a, d, l, s| draw_sigmoid_chart(&a, &d.curve, &l, d.hover, &s);
    #[cfg(feature = "all-cells")]
    "softmax": SoftmaxView, SoftmaxChartLabels =>
        |a, d, l, s| draw_log_chart(&a, &softmax_chart(&d, &l), &s);
    #[cfg(feature = "all-cells")]
    "spectrum": SpectrumView, SpectrumChartLabels =>
        |a, d, l, s| draw_spectrum_chart(&a, &d, &l, &s);
    #[cfg(feature = "all-cells")]
    "stability": StabilityView, StabilityChartLabels =>
        |a, d, l, s| draw_stability_chart(&a, &d, &l, &s);
    #[cfg(feature = "all-cells")]
    "symmetry": SymmetryHistory, SymmetryChartLabels =>
        |a, d, l, s| draw_symmetry_chart(&a, &d, &l, &s);
    #[cfg(feature = "all-cells")]
    "training": Vec<LossSeries>, TrainingChartLabels =>
        |a, d, l, s| draw_log_chart(&a, &training_chart(&d, &l), &s);
    #[cfg(feature = "all-cells")]
    "xavier": XavierData, XavierChartLabels =>
        |a, d, l, s| draw_log_chart(&a, &xavier_chart(&d.layers, &l), &s);
}

fn unknown_chart(name: &str) -> JsError {
    JsError::new(&format!(
        "chart: unknown chart {name:?}; expected one of {}",
        CHART_NAMES.join(", ")
    ))
}

#[cfg(feature = "svg-export")]
fn svg_size(width: u32, height: u32) -> Result<(u32, u32), JsError> {
    let ok = |side: u32| (1..=MAX_SVG_SIDE).contains(&side);
    if ok(width) && ok(height) {
        Ok((width, height))
    } else {
        Err(JsError::new(&format!(
            "svg: {width} × {height} pixels; each side must be 1 to {MAX_SVG_SIDE}"
        )))
    }
}
