//! The training and LARS cells' exports: a deep MLP trained step by step (core's
//! [`DeepTrainer`]), its loss history, its activation histograms, and the charts.

use super::{engine_error, from_js_or_default, to_js};
use crate::charts::histogram_chart::{draw_histograms, HistogramLabels, HistogramPanel};
use crate::charts::training_chart::{draw_training_chart, LossSeries, TrainingChartLabels};
use crate::charts::ChartStyle;
use gradscope_core::deep_training::{
    deep_limits, BatchRng, DeepSettings, DeepStepReport, DeepTrainer,
};
use gradscope_core::{whole_number, Activation, Error, Initializer};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// The most steps one call to [`DeepRun::step`] (or [`run_deep_training`]) makes.
const MAX_STEPS_PER_CALL: usize = 5000;
/// The most steps a run keeps in its loss history.
const MAX_HISTORY: usize = 20_000;

/// The settings as the page sends them; a missing field takes the core's default.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
struct RawDeepSettings {
    inputs: Option<f64>,
    depth: Option<f64>,
    width: Option<f64>,
    activation: Option<String>,
    init: Option<String>,
    sigma: Option<f64>,
    learning_rate: Option<f64>,
    samples: Option<f64>,
    batch: Option<f64>,
    lars: Option<bool>,
    seed: Option<f64>,
}

impl RawDeepSettings {
    fn parse(&self) -> Result<DeepSettings, Error> {
        let d = DeepSettings::default();
        let whole = |field, v: Option<f64>, def: usize, range| match v {
            Some(v) => whole_number(field, v, range),
            None => Ok(def),
        };
        let seed_max = gradscope_core::limits::SEED.1 as usize;
        let s = DeepSettings {
            inputs: whole("inputs", self.inputs, d.inputs, deep_limits::INPUTS)?,
            depth: whole("depth", self.depth, d.depth, deep_limits::DEPTH)?,
            width: whole("width", self.width, d.width, deep_limits::WIDTH)?,
            activation: match &self.activation {
                Some(a) => Activation::parse(a)?,
                None => d.activation,
            },
            init: match &self.init {
                Some(i) => Initializer::parse(i)?,
                None => d.init,
            },
            sigma: self.sigma.unwrap_or(d.sigma),
            learning_rate: self.learning_rate.unwrap_or(d.learning_rate),
            samples: whole("samples", self.samples, d.samples, deep_limits::SAMPLES)?,
            batch: whole("batch", self.batch, d.batch, deep_limits::BATCH)?,
            lars: self.lars.unwrap_or(d.lars),
            seed: whole("seed", self.seed, d.seed as usize, (0, seed_max))? as u64,
        };
        s.validate()?;
        Ok(s)
    }
}

fn parse_settings(settings: JsValue) -> Result<DeepSettings, JsError> {
    let raw: RawDeepSettings = from_js_or_default("settings", settings)?;
    raw.parse().map_err(engine_error)
}

/// The state after the latest step.
#[derive(Serialize)]
struct Snapshot<'a> {
    step: usize,
    /// The loss on all N examples now (after `step` steps).
    loss: f64,
    /// The latest step's report (null before the first step).
    report: Option<&'a DeepStepReport>,
    /// Whether the loss or a weight has stopped being a finite number.
    diverged: bool,
}

/// One deep MLP in training: the trainer, its minibatch stream
/// ([`DeepTrainer::batch_rng`], so a reset replays the same run) and its loss history.
#[wasm_bindgen]
pub struct DeepRun {
    trainer: DeepTrainer,
    rng: BatchRng,
    losses: Vec<f64>,
    last: Option<DeepStepReport>,
    loss: f64,
    diverged: bool,
}

#[wasm_bindgen]
impl DeepRun {
    /// A run at step 0 for `settings` = `{depth, width, activation, init, sigma,
    /// learning_rate, batch, lars, seed, inputs?, samples?}` (missing fields take the core's
    /// defaults).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<DeepRun, JsError> {
        let settings = parse_settings(settings)?;
        let trainer = DeepTrainer::new(&settings).map_err(engine_error)?;
        let loss = trainer.full_loss();
        Ok(DeepRun {
            rng: DeepTrainer::batch_rng(settings.seed),
            trainer,
            losses: vec![loss],
            last: None,
            loss,
            diverged: !loss.is_finite(),
        })
    }

    /// Makes `n` steps (0 ..= 5000) and returns `{step, loss, report, diverged}`, `loss` being
    /// the loss on all N examples after the last step, `report` core's `DeepStepReport`
    /// (`{step, loss, full_loss, layer_update_norms, layer_weight_norms, layer_grad_norms,
    /// trust_ratios, diverged}`). The history keeps the first 20 000 steps.
    pub fn step(&mut self, n: f64) -> Result<JsValue, JsError> {
        let n = whole_number("steps", n, (0, MAX_STEPS_PER_CALL)).map_err(engine_error)?;
        for _ in 0..n {
            let r = self.trainer.step(&mut self.rng);
            self.loss = r.full_loss;
            self.diverged |= r.diverged;
            if self.losses.len() <= MAX_HISTORY {
                self.losses.push(r.full_loss);
            }
            self.last = Some(r);
        }
        self.state()
    }

    /// The state after the latest step (see [`DeepRun::step`]).
    pub fn state(&self) -> Result<JsValue, JsError> {
        to_js(&Snapshot {
            step: self.trainer.steps(),
            loss: self.loss,
            report: self.last.as_ref(),
            diverged: self.diverged,
        })
    }

    /// The loss on all N examples after 0, 1, …, step steps (as a `Float64Array`).
    pub fn losses(&self) -> Vec<f64> {
        self.losses.clone()
    }

    /// Histograms of each hidden layer's activations on all N examples now:
    /// `[{layer, edges, counts, below, above, non_finite}]`, `bins` (1 ..= 200) equal bins over
    /// [lo, hi] if both are given and finite with lo < hi, else over the values' own range.
    pub fn histograms(
        &self,
        bins: f64,
        lo: Option<f64>,
        hi: Option<f64>,
    ) -> Result<JsValue, JsError> {
        let bins = whole_number("bins", bins, (1, 200)).map_err(engine_error)?;
        let range = match (lo, hi) {
            (Some(a), Some(b)) if a.is_finite() && b.is_finite() && a < b => Some((a, b)),
            _ => None,
        };
        to_js(&self.trainer.activation_histograms(bins, range))
    }
}

#[derive(Serialize)]
struct RunResult {
    /// The loss on all N examples after 0, 1, …, steps steps.
    losses: Vec<f64>,
    /// Each step's report.
    reports: Vec<DeepStepReport>,
}

/// A fresh run of `steps` steps (0 ..= 5000) for `settings` (as for [`DeepRun::new`]), all at
/// once: `{losses, reports}` with `losses[k]` the loss on all N examples after k steps.
#[wasm_bindgen(js_name = runDeepTraining)]
pub fn run_deep_training(settings: JsValue, steps: f64) -> Result<JsValue, JsError> {
    let settings = parse_settings(settings)?;
    let steps = whole_number("steps", steps, (0, MAX_STEPS_PER_CALL)).map_err(engine_error)?;
    let start = DeepTrainer::new(&settings)
        .map_err(engine_error)?
        .full_loss();
    let reports = DeepTrainer::run(&settings, steps).map_err(engine_error)?;
    let mut losses = vec![start];
    losses.extend(reports.iter().map(|r| r.full_loss));
    to_js(&RunResult { losses, reports })
}

/// The settings the LARS cell opens with: core's `DeepSettings::diverging()`.
#[wasm_bindgen(js_name = divergingSettings)]
pub fn diverging_settings() -> Result<JsValue, JsError> {
    to_js(&DeepSettings::diverging())
}

/// The training cell's default settings: core's `DeepSettings::default()`.
#[wasm_bindgen(js_name = deepDefaultSettings)]
pub fn deep_default_settings() -> Result<JsValue, JsError> {
    to_js(&DeepSettings::default())
}

#[derive(Serialize)]
struct Outcome {
    zero_markers: usize,
    overflow_markers: usize,
}

fn canvas_area(
    canvas: &HtmlCanvasElement,
) -> Result<plotters::drawing::DrawingArea<CanvasBackend, plotters::coord::Shift>, JsError> {
    let backend = CanvasBackend::with_canvas_object(canvas.clone())
        .ok_or_else(|| JsError::new("canvas: no 2D context"))?;
    Ok(backend.into_drawing_area())
}

/// Draws loss curves `series` = `[{label, values}]` (values[k] = loss after k steps) on one
/// log-y chart, with `labels` = `{title, x_axis, y_axis, underflow, overflow}` and `style`.
/// Returns `{zero_markers, overflow_markers}`.
#[wasm_bindgen(js_name = drawTrainingChart)]
pub fn draw_training_chart_js(
    canvas: &HtmlCanvasElement,
    series: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let series: Vec<LossSeries> = serde_wasm_bindgen::from_value(series)
        .map_err(|e| JsError::new(&format!("series: {e}")))?;
    let labels: TrainingChartLabels = from_js_or_default("labels", labels)?;
    let style: ChartStyle = from_js_or_default("style", style)?;
    let area = canvas_area(canvas)?;
    let o = draw_training_chart(&area, &series, &labels, &style)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&Outcome {
        zero_markers: o.zero_markers,
        overflow_markers: o.overflow_markers,
    })
}

#[derive(Serialize)]
struct HistOutcome {
    panels: usize,
    skipped: usize,
    bars: usize,
}

/// Draws histogram small multiples `panels` = `[{title, edges, counts}]` with `labels` =
/// `{title, x_axis, columns}` and `style`. Returns `{panels, skipped, bars}`.
#[wasm_bindgen(js_name = drawHistograms)]
pub fn draw_histograms_js(
    canvas: &HtmlCanvasElement,
    panels: JsValue,
    labels: JsValue,
    style: JsValue,
) -> Result<JsValue, JsError> {
    let panels: Vec<HistogramPanel> = serde_wasm_bindgen::from_value(panels)
        .map_err(|e| JsError::new(&format!("panels: {e}")))?;
    let labels: HistogramLabels = from_js_or_default("labels", labels)?;
    let style: ChartStyle = from_js_or_default("style", style)?;
    let area = canvas_area(canvas)?;
    let o = draw_histograms(&area, &panels, &labels, &style)
        .map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&HistOutcome {
        panels: o.panels,
        skipped: o.skipped,
        bars: o.bars,
    })
}
