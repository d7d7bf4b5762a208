//! The Xavier cell's exports: layers of different widths, measured and predicted per-layer
//! variances for N(0, σ²), Xavier normal and Xavier uniform, and their chart.
//!
//! Normalization (see `gradscope_core::network` and `theory`): the probe reports
//! `preact_std` = the standard deviation of zˡ's entries, so the forward variance is its square;
//! and `backward_norm` = ‖∂ℓ/∂hˡ⁻¹‖_F/√B, so the backward signal's mean square per entry is
//! backward_norm²/n_{l−1}. The output's signal is 1/B in every entry (mean square 1/B²), so
//! `backward_var` = B²·backward_norm²/n_{l−1} is that mean square relative to the output's: it
//! starts at 1 above the last layer just as the forward variance starts at E[x²] = 1 below the
//! first.

use super::{engine_error, from_js_or_default, to_js};
use crate::charts::xavier_chart::{draw_xavier_chart, XavierChartLabels, XavierLayerView};
use crate::charts::ChartStyle;
use gradscope_core::{
    limits, predict_widths, whole_number, Activation, Error, GradSettings, GradientProbe,
    Initializer, Precision,
};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// At most this many layers (widths has one more entry).
pub const MAX_LAYERS: usize = 12;

/// The three initializers the cell compares.
pub const COMPARED: [Initializer; 3] = [
    Initializer::Normal,
    Initializer::XavierNormal,
    Initializer::XavierUniform,
];

#[derive(Debug, Clone, Deserialize)]
struct RawXavierSettings {
    widths: Vec<f64>,
    sigma: f64,
    activation: String,
    batch: f64,
    seed: f64,
}

#[derive(Debug, Clone)]
struct XavierSettings {
    widths: Vec<usize>,
    sigma: f64,
    activation: Activation,
    batch: usize,
    seed: u64,
}

impl RawXavierSettings {
    fn parse(&self) -> Result<XavierSettings, Error> {
        if self.widths.len() < 2 || self.widths.len() > MAX_LAYERS + 1 {
            return Err(Error::Inconsistent {
                field: "widths",
                reason: format!(
                    "{} widths given; 2 to {} are needed (n₀ and one per layer)",
                    self.widths.len(),
                    MAX_LAYERS + 1
                ),
            });
        }
        let widths = self
            .widths
            .iter()
            .map(|&w| whole_number("widths", w, limits::WIDTH))
            .collect::<Result<Vec<_>, _>>()?;
        let seed_max = limits::SEED.1 as usize;
        Ok(XavierSettings {
            widths,
            sigma: gradscope_core::error::check_range(
                "sigma",
                self.sigma,
                limits::SIGMA.0,
                limits::SIGMA.1,
            )?,
            activation: Activation::parse(&self.activation)?,
            batch: whole_number("batch", self.batch, limits::BATCH)?,
            seed: whole_number("seed", self.seed, (0, seed_max))? as u64,
        })
    }
}

/// One layer of one initializer's run.
#[derive(Debug, Clone, Serialize)]
pub struct XavierLayer {
    /// l, from 1.
    pub layer: usize,
    /// n_{l−1}.
    pub n_in: usize,
    /// n_l.
    pub n_out: usize,
    /// The weights' variance vˡ = E[(Wˡᵢⱼ)²].
    pub weight_var: f64,
    /// n_in·vˡ: how much layer l multiplies the forward variance (identity).
    pub forward_factor: f64,
    /// n_out·vˡ: how much layer l multiplies the backward mean square (identity).
    pub backward_factor: f64,
    /// Measured Var[zˡ] = preact_std².
    pub forward_var: f64,
    /// Measured B²·backward_norm²/n_{l−1}.
    pub backward_var: f64,
    /// Predicted Var[zˡ].
    pub forward_var_pred: f64,
    /// Predicted B²·backward_norm²/n_{l−1}.
    pub backward_var_pred: f64,
}

/// One initializer's run.
#[derive(Debug, Clone, Serialize)]
pub struct XavierRun {
    /// Its name ("normal", "xavier-normal", "xavier-uniform").
    pub init: &'static str,
    /// The σ it was run with: the slider's σ for "normal", gain 1 for Xavier.
    pub sigma: f64,
    /// Layers 1..L.
    pub layers: Vec<XavierLayer>,
}

/// Everything the cell shows.
#[derive(Debug, Clone, Serialize)]
pub struct XavierReport {
    /// n₀, …, n_L.
    pub widths: Vec<usize>,
    /// The batch B.
    pub batch: usize,
    /// One run per compared initializer.
    pub runs: Vec<XavierRun>,
}

fn run_one(
    probe: &mut GradientProbe,
    s: &XavierSettings,
    init: Initializer,
) -> Result<XavierRun, Error> {
    let sigma = if init == Initializer::Normal {
        s.sigma
    } else {
        1.0
    };
    let settings = GradSettings {
        depth: s.widths.len() - 1,
        width: s.widths[0],
        batch: s.batch,
        activation: s.activation,
        init,
        sigma,
        seed: s.seed,
        precision: Precision::F64,
    };
    let report = probe.run_widths(&s.widths, &settings)?;
    let prediction = predict_widths(s.activation, init, sigma, &s.widths, s.batch);
    let b2 = (s.batch as f64).powi(2);
    let layers = report
        .layers
        .iter()
        .zip(&prediction)
        .map(|(m, p)| {
            let l = m.layer;
            let (n_in, n_out) = (s.widths[l - 1], s.widths[l]);
            let v = init.second_moment(sigma, n_in, n_out);
            XavierLayer {
                layer: l,
                n_in,
                n_out,
                weight_var: v,
                forward_factor: n_in as f64 * v,
                backward_factor: n_out as f64 * v,
                forward_var: m.preact_std * m.preact_std,
                backward_var: b2 * m.backward_norm * m.backward_norm / n_in as f64,
                forward_var_pred: p.preact_std * p.preact_std,
                backward_var_pred: b2 * p.backward_norm * p.backward_norm / n_in as f64,
            }
        })
        .collect();
    Ok(XavierRun {
        init: init.name(),
        sigma,
        layers,
    })
}

/// Runs the network of `settings` = `{widths: [n₀, …, n_L], sigma, activation, batch, seed}`
/// with N(0, σ²), Xavier normal and Xavier uniform (gain 1), on the same inputs, and returns
/// `{widths, batch, runs: [{init, sigma, layers: [{layer, n_in, n_out, weight_var,
/// forward_factor, backward_factor, forward_var, backward_var, forward_var_pred,
/// backward_var_pred}]}]}`.
#[wasm_bindgen(js_name = xavierCompare)]
pub fn xavier_compare(settings: JsValue) -> Result<JsValue, JsError> {
    let raw: RawXavierSettings = serde_wasm_bindgen::from_value(settings)
        .map_err(|e| JsError::new(&format!("settings: {e}")))?;
    let s = raw.parse().map_err(engine_error)?;
    let mut probe = GradientProbe::new();
    let runs = COMPARED
        .iter()
        .map(|&init| run_one(&mut probe, &s, init))
        .collect::<Result<Vec<_>, _>>()
        .map_err(engine_error)?;
    to_js(&XavierReport {
        widths: s.widths.clone(),
        batch: s.batch,
        runs,
    })
}

#[derive(Serialize)]
struct Range {
    min: usize,
    max: usize,
}

#[derive(Serialize)]
struct XavierLimits {
    width: Range,
    layers: Range,
    batch: Range,
}

/// The cell's limits: `{width: {min, max}, layers: {min, max}, batch: {min, max}}`.
#[wasm_bindgen(js_name = xavierLimits)]
pub fn xavier_limits() -> Result<JsValue, JsError> {
    to_js(&XavierLimits {
        width: Range {
            min: limits::WIDTH.0,
            max: limits::WIDTH.1,
        },
        layers: Range {
            min: 1,
            max: MAX_LAYERS,
        },
        batch: Range {
            min: limits::BATCH.0,
            max: limits::BATCH.1,
        },
    })
}

#[derive(Deserialize)]
struct RunLayers {
    layers: Vec<XavierLayerView>,
}

#[derive(Serialize)]
struct Outcome {
    zero_markers: usize,
    overflow_markers: usize,
}

/// Draws one run (an element of `xavierCompare(…).runs`) on `canvas` with `labels` (`{title,
/// x_axis, y_axis, forward, backward, predicted_suffix, underflow, overflow}`) and `style`.
#[wasm_bindgen(js_name = drawXavierChart)]
pub fn draw_xavier(
    canvas: &HtmlCanvasElement,
    run: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let run: RunLayers =
        serde_wasm_bindgen::from_value(run).map_err(|e| JsError::new(&format!("run: {e}")))?;
    let labels: XavierChartLabels = from_js_or_default("labels", labels)?;
    let style: ChartStyle = from_js_or_default("style", style)?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("canvas: no 2D context"))?;
    let area = backend.into_drawing_area();
    let outcome = draw_xavier_chart(&area, &run.layers, &labels, &style)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Outcome {
        zero_markers: outcome.zero_markers,
        overflow_markers: outcome.overflow_markers,
    })
}
