//! The exploding product's exports: run the book's random-matrix product, its limits, its chart.

use super::draw::draw_on_canvas;
use super::{engine_error, from_js, to_js};
use crate::charts::product_chart::{draw_product_chart, ProductChartLabels};
use gradscope_core::{random_product, ProductSettings, ProductStep};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Runs the chapter's product for `settings` = `{steps, size, sigma, seed, precision}` (an
/// absent field takes its declared default) and returns `{settings, first, product, steps:
/// [{step, frobenius, max_abs, status}], first_overflow, first_underflow}` (matrices row by row;
/// ∞ and NaN as numbers).
#[wasm_bindgen(js_name = randomProduct)]
pub fn random_product_js(settings: JsValue) -> Result<JsValue, JsError> {
    let settings: ProductSettings = super::settings(settings)?;
    let report = random_product(&settings).map_err(engine_error)?;
    to_js(&report)
}

#[derive(Deserialize)]
struct ReportSteps {
    steps: Vec<ProductStep>,
}

/// Draws the norm after each step of `report` (as [`random_product_js`] returned it) on
/// `canvas`, with `labels` (`{title, x_axis, y_axis, frobenius, max_abs, underflow, overflow}`)
/// and `style`. Returns `{zero_markers, overflow_markers}`: how many underflow and overflow
/// markers it drew.
#[wasm_bindgen(js_name = drawProductChart)]
pub fn draw_product_chart_js(
    canvas: &HtmlCanvasElement,
    report: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let report: ReportSteps = from_js("report", report)?;
    draw_on_canvas(
        canvas,
        labels,
        style,
        |area, labels: &ProductChartLabels, style| {
            draw_product_chart(area, &report.steps, labels, style)
        },
    )
}
