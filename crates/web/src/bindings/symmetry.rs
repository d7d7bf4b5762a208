//! The symmetry cell's exports: an MLP trained step by step (core's [`Trainer`]), its history,
//! and its chart.

use super::{engine_error, from_js_or_default, to_js};
use crate::charts::symmetry_chart::{
    draw_symmetry_chart, SymmetryChartLabels, SymmetryHistory, SymmetryOutcome,
};
use crate::charts::ChartStyle;
use gradscope_core::training::{MlpSettings, StepReport, Trainer};
use gradscope_core::{whole_number, Activation, Error, Initializer};
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Snapshots kept for the chart; beyond this, every other one is dropped and the stride doubles.
const MAX_HISTORY: usize = 2048;
/// The most steps one call to [`SymmetryTrainer::step`] makes.
const MAX_STEPS_PER_CALL: usize = 1000;

/// The settings as the page sends them; a missing field takes the core's default.
#[derive(Debug, Clone, Deserialize, Default)]
#[serde(default)]
struct RawMlpSettings {
    inputs: Option<f64>,
    hidden: Option<f64>,
    activation: Option<String>,
    init: Option<String>,
    sigma: Option<f64>,
    dropout: Option<f64>,
    learning_rate: Option<f64>,
    samples: Option<f64>,
    seed: Option<f64>,
}

impl RawMlpSettings {
    fn parse(&self) -> Result<MlpSettings, Error> {
        let d = MlpSettings::default();
        let whole = |field, v: Option<f64>, def: usize, range| match v {
            Some(v) => whole_number(field, v, range),
            None => Ok(def),
        };
        let seed_max = gradscope_core::limits::SEED.1 as usize;
        let s = MlpSettings {
            inputs: whole("inputs", self.inputs, d.inputs, (1, 16))?,
            hidden: whole("hidden", self.hidden, d.hidden, (1, 64))?,
            activation: match &self.activation {
                Some(a) => Activation::parse(a)?,
                None => d.activation,
            },
            init: match &self.init {
                Some(i) => Initializer::parse(i)?,
                None => d.init,
            },
            sigma: self.sigma.unwrap_or(d.sigma),
            dropout: self.dropout.unwrap_or(d.dropout),
            learning_rate: self.learning_rate.unwrap_or(d.learning_rate),
            samples: whole("samples", self.samples, d.samples, (1, 4096))?,
            seed: whole("seed", self.seed, d.seed as usize, (0, seed_max))? as u64,
        };
        s.validate()?;
        Ok(s)
    }
}

/// The state after the latest step, as the page's table shows it.
#[derive(Serialize)]
struct Snapshot<'a> {
    step: usize,
    /// NaN before the first step.
    loss: f64,
    hidden_weights: &'a [Vec<f64>],
    max_unit_difference: f64,
    /// Snapshots kept for the chart, and the stride between them.
    history_len: usize,
    history_stride: usize,
}

/// max over pairs of units of max_j |Wᵢⱼ − W_kⱼ| (as core's [`StepReport`] computes it).
fn unit_difference(w: &[Vec<f64>]) -> f64 {
    let mut spread = 0.0f64;
    for a in w {
        for b in w {
            for (x, y) in a.iter().zip(b) {
                spread = spread.max((x - y).abs());
            }
        }
    }
    spread
}

type Stepper = Box<dyn FnMut(&mut Trainer) -> StepReport>;

/// The symmetry experiment: a one-hidden-layer MLP, its dropout random stream (seeded from the
/// settings' seed, stream 3, so a reset replays the same run), and the history of its weights.
#[wasm_bindgen]
pub struct SymmetryTrainer {
    trainer: Trainer,
    stepper: Stepper,
    history: SymmetryHistory,
    stride: usize,
    step: usize,
    loss: f64,
    weights: Vec<Vec<f64>>,
    max_unit_difference: f64,
}

#[wasm_bindgen]
impl SymmetryTrainer {
    /// A trainer at step 0 for `settings` = `{hidden, init, sigma, dropout, learning_rate,
    /// seed, inputs?, samples?, activation?}` (missing fields take the core's defaults: 2 inputs,
    /// 64 examples, tanh).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<SymmetryTrainer, JsError> {
        let raw: RawMlpSettings = from_js_or_default("settings", settings)?;
        let settings = raw.parse().map_err(engine_error)?;
        let trainer = Trainer::new(&settings).map_err(engine_error)?;
        let mut rng = gradscope_core::draws::stream_rng(settings.seed, 3);
        let stepper: Stepper = Box::new(move |t: &mut Trainer| t.step(&mut rng));
        let weights = trainer.hidden_weights().to_vec();
        let history = SymmetryHistory {
            steps: vec![0.0],
            weights: vec![weights.clone()],
            loss: vec![f64::NAN],
        };
        Ok(SymmetryTrainer {
            max_unit_difference: unit_difference(&weights),
            trainer,
            stepper,
            history,
            stride: 1,
            step: 0,
            loss: f64::NAN,
            weights,
        })
    }

    /// Makes `n` steps (0 ..= 1000; more are refused) and returns the state after the last:
    /// `{step, loss, hidden_weights, max_unit_difference, history_len, history_stride}`.
    pub fn step(&mut self, n: f64) -> Result<JsValue, JsError> {
        let n = whole_number("steps", n, (0, MAX_STEPS_PER_CALL)).map_err(engine_error)?;
        for _ in 0..n {
            let report = (self.stepper)(&mut self.trainer);
            self.step = report.step;
            self.loss = report.loss;
            self.max_unit_difference = report.max_unit_difference;
            self.weights = report.hidden_weights;
            if self.step % self.stride == 0 {
                self.history.steps.push(self.step as f64);
                self.history.weights.push(self.weights.clone());
                self.history.loss.push(self.loss);
                if self.history.steps.len() > MAX_HISTORY {
                    self.thin();
                }
            }
        }
        self.state()
    }

    /// The state after the latest step (see [`SymmetryTrainer::step`]).
    pub fn state(&self) -> Result<JsValue, JsError> {
        to_js(&Snapshot {
            step: self.step,
            loss: self.loss,
            hidden_weights: &self.weights,
            max_unit_difference: self.max_unit_difference,
            history_len: self.history.steps.len(),
            history_stride: self.stride,
        })
    }

    /// Draws the weights and the loss over the steps so far on `canvas`, with `labels` (`{title,
    /// x_axis, weights_axis, loss_axis, unit}`, `{i}` in `unit` being the unit's number) and
    /// `style`. Returns `{lines, non_finite}`.
    pub fn draw(
        &self,
        canvas: &HtmlCanvasElement,
        labels: JsValue,
        style: JsValue,
    ) -> Result<JsValue, JsError> {
        let labels: SymmetryChartLabels = from_js_or_default("labels", labels)?;
        let style: ChartStyle = from_js_or_default("style", style)?;
        let backend = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| JsError::new("canvas: no 2D context"))?;
        let area = backend.into_drawing_area();
        let outcome = draw_symmetry_chart(&area, &self.history, &labels, &style)
            .map_err(|e| JsError::new(&e.to_string()))?;
        to_js(&Outcome::from(outcome))
    }
}

impl SymmetryTrainer {
    /// Keeps every other snapshot (step 0 and the latest always stay) and doubles the stride.
    fn thin(&mut self) {
        let h = &mut self.history;
        let last = h.steps.len() - 1;
        let keep = |k: usize| k % 2 == 0 || k == last;
        let mut k = 0;
        h.steps.retain(|_| {
            k += 1;
            keep(k - 1)
        });
        k = 0;
        h.weights.retain(|_| {
            k += 1;
            keep(k - 1)
        });
        k = 0;
        h.loss.retain(|_| {
            k += 1;
            keep(k - 1)
        });
        self.stride *= 2;
    }
}

#[derive(Serialize)]
struct Outcome {
    lines: usize,
    non_finite: usize,
}

impl From<SymmetryOutcome> for Outcome {
    fn from(o: SymmetryOutcome) -> Self {
        Outcome {
            lines: o.lines,
            non_finite: o.non_finite,
        }
    }
}
