//! The spectrum cell's exports (exercise 3): the singular values of two random matrices A, B and
//! of their product AB, the eigenvalue moduli of AB, the bounds between them, and the chart.

use super::{engine_error, from_js_or_default, to_js};
use crate::charts::spectrum_chart::{draw_spectrum_chart, SpectrumChartLabels, SpectrumView};
use crate::charts::ChartStyle;
use gradscope_core::spectrum::{spectrum, spectrum_limits, SpectrumSettings, ROUNDING};
use gradscope_core::{limits, whole_number, Error};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

#[derive(Debug, Clone, Deserialize)]
struct RawSpectrumSettings {
    size: f64,
    sigma: f64,
    seed: f64,
}

impl RawSpectrumSettings {
    fn parse(&self) -> Result<SpectrumSettings, Error> {
        let seed_max = limits::SEED.1 as usize;
        let s = SpectrumSettings {
            size: whole_number("size", self.size, spectrum_limits::SIZE)?,
            sigma: self.sigma,
            seed: whole_number("seed", self.seed, (0, seed_max))? as u64,
        };
        s.validate()?;
        Ok(s)
    }
}

/// Computes, for `settings` = `{size: n, sigma: σ, seed}` (n ∈ 1..=64, σ ∈ (0, 10]), A and B
/// n × n with i.i.d. N(0, σ²) entries and returns `{size, sigma, seed, sv_a, sv_b, sv_ab,
/// eig_abs_ab, upper, lower, horn_upper, horn_lower, log10_det_a, log10_det_b, log10_det_ab,
/// log10_eig_prod_ab, bounds_hold, worst_violation, rounding}` (lists largest first; upper =
/// σ_max(A)·σ_max(B), lower = σ_min(A)·σ_min(B); see `gradscope_core::spectrum`). An invalid
/// setting is an error that starts with the field's name.
#[wasm_bindgen(js_name = spectrumCompute)]
pub fn spectrum_compute(settings: JsValue) -> Result<JsValue, JsError> {
    let raw: RawSpectrumSettings = serde_wasm_bindgen::from_value(settings)
        .map_err(|e| JsError::new(&format!("settings: {e}")))?;
    let s = raw.parse().map_err(engine_error)?;
    let report = spectrum(&s).map_err(engine_error)?;
    #[derive(Serialize)]
    struct WithRounding<'a> {
        #[serde(flatten)]
        report: &'a gradscope_core::spectrum::SpectrumReport,
        rounding: f64,
    }
    to_js(&WithRounding {
        report: &report,
        rounding: ROUNDING,
    })
}

#[derive(Serialize)]
struct Range<T> {
    min: T,
    max: T,
}

#[derive(Serialize)]
struct SpectrumLimits {
    size: Range<usize>,
    sigma: Range<f64>,
}

/// The cell's limits: `{size: {min: 1, max: 64}, sigma: {min, max: 10}}` (σ's min is the
/// smallest positive number: σ must be > 0).
#[wasm_bindgen(js_name = spectrumLimits)]
pub fn spectrum_limits_js() -> Result<JsValue, JsError> {
    to_js(&SpectrumLimits {
        size: Range {
            min: spectrum_limits::SIZE.0,
            max: spectrum_limits::SIZE.1,
        },
        sigma: Range {
            min: spectrum_limits::SIGMA.0,
            max: spectrum_limits::SIGMA.1,
        },
    })
}

#[derive(Serialize)]
struct Outcome {
    lines: usize,
    n: usize,
    zero_markers: usize,
    overflow_markers: usize,
}

/// Draws a `spectrumCompute` result on `canvas` with `labels` (`{title, x_axis, y_axis, sv_a,
/// sv_b, sv_ab, eig_ab, upper, lower, underflow, overflow}`) and `style`; returns `{lines, n,
/// zero_markers, overflow_markers}`.
#[wasm_bindgen(js_name = drawSpectrumChart)]
pub fn draw_spectrum(
    canvas: &HtmlCanvasElement,
    report: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let view: SpectrumView = serde_wasm_bindgen::from_value(report)
        .map_err(|e| JsError::new(&format!("report: {e}")))?;
    let labels: SpectrumChartLabels = from_js_or_default("labels", labels)?;
    let style: ChartStyle = from_js_or_default("style", style)?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("canvas: no 2D context"))?;
    let area = backend.into_drawing_area();
    let outcome = draw_spectrum_chart(&area, &view, &labels, &style)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Outcome {
        lines: outcome.lines,
        n: outcome.n,
        zero_markers: outcome.plot.zero_markers,
        overflow_markers: outcome.plot.overflow_markers,
    })
}
