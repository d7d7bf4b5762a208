//! The exploding product's exports: run the book's random-matrix product, its limits, its chart.

use super::{engine_error, from_js_or_default, to_js};
use crate::charts::product_chart::{draw_product_chart, ProductChartLabels};
use crate::charts::ChartStyle;
use gradscope_core::product::product_limits;
use gradscope_core::{
    limits, random_product, whole_number, Error, Precision, ProductSettings, ProductStep,
};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The product's settings as the page sends them (numbers as JavaScript numbers).
#[derive(Debug, Clone, Deserialize)]
struct RawProductSettings {
    steps: f64,
    size: f64,
    sigma: f64,
    seed: f64,
    precision: String,
}

impl RawProductSettings {
    fn parse(&self) -> Result<ProductSettings, Error> {
        let seed_max = limits::SEED.1 as usize;
        let s = ProductSettings {
            steps: whole_number("steps", self.steps, product_limits::STEPS)?,
            size: whole_number("size", self.size, product_limits::SIZE)?,
            sigma: self.sigma,
            seed: whole_number("seed", self.seed, (0, seed_max))? as u64,
            precision: Precision::parse(&self.precision)?,
        };
        s.validate()?;
        Ok(s)
    }
}

/// Runs the chapter's product for `settings` = `{steps, size, sigma, seed, precision}` and
/// returns `{settings, first, product, steps: [{step, frobenius, max_abs, status}],
/// first_overflow, first_underflow}` (matrices row by row; ∞ and NaN as numbers).
#[wasm_bindgen(js_name = randomProduct)]
pub fn random_product_js(settings: JsValue) -> Result<JsValue, JsError> {
    let raw: RawProductSettings = serde_wasm_bindgen::from_value(settings)
        .map_err(|e| JsError::new(&format!("settings: {e}")))?;
    let settings = raw.parse().map_err(engine_error)?;
    let report = random_product(&settings).map_err(engine_error)?;
    to_js(&report)
}

#[derive(Serialize)]
struct Range<T> {
    min: T,
    max: T,
}

#[derive(Serialize)]
struct ProductLimits {
    steps: Range<usize>,
    size: Range<usize>,
    sigma: Range<f64>,
    seed: Range<u64>,
}

/// The allowed ranges: `{steps: {min, max}, size, sigma, seed}`.
#[wasm_bindgen(js_name = productLimits)]
pub fn product_limits_js() -> Result<JsValue, JsError> {
    let r = |(min, max)| Range { min, max };
    to_js(&ProductLimits {
        steps: r(product_limits::STEPS),
        size: r(product_limits::SIZE),
        sigma: Range {
            min: product_limits::SIGMA.0,
            max: product_limits::SIGMA.1,
        },
        seed: Range {
            min: limits::SEED.0,
            max: limits::SEED.1,
        },
    })
}

/// The book's setting: `{steps, size, sigma, seed, precision}`.
#[wasm_bindgen(js_name = productDefaults)]
pub fn product_defaults() -> Result<JsValue, JsError> {
    to_js(&ProductSettings::default())
}

#[derive(Deserialize)]
struct ReportSteps {
    steps: Vec<ProductStep>,
}

#[derive(Serialize)]
struct Outcome {
    zero_markers: usize,
    overflow_markers: usize,
}

/// Draws the norm after each step of `report` (as [`random_product_js`] returned it) on
/// `canvas`, with `labels` (`{title, x_axis, y_axis, frobenius, max_abs, underflow, overflow}`)
/// and `style`. Returns how many underflow and overflow markers it drew.
#[wasm_bindgen(js_name = drawProductChart)]
pub fn draw_product_chart_js(
    canvas: &HtmlCanvasElement,
    report: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let report: ReportSteps = serde_wasm_bindgen::from_value(report)
        .map_err(|e| JsError::new(&format!("report: {e}")))?;
    let labels: ProductChartLabels = from_js_or_default("labels", labels)?;
    let style: ChartStyle = from_js_or_default("style", style)?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("canvas: no 2D context"))?;
    let area = backend.into_drawing_area();
    let outcome = draw_product_chart(&area, &report.steps, &labels, &style)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Outcome {
        zero_markers: outcome.zero_markers,
        overflow_markers: outcome.overflow_markers,
    })
}
