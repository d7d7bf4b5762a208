//! The symmetry cell's exports: an MLP trained step by step (core's [`Trainer`]), its history,
//! and its chart.

use super::draw::draw_on_canvas;
use super::{engine_error, to_js};
use crate::charts::symmetry_chart::{draw_symmetry_chart, SymmetryChartLabels, SymmetryHistory};
use gradscope_core::symmetry::{unit_difference, MlpSettings, StepReport, Trainer};
use gradscope_core::whole_number;
use serde::Serialize;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

/// Snapshots kept for the chart; beyond this, every other one is dropped and the stride doubles.
const MAX_HISTORY: usize = 2048;
/// The most steps one call to [`SymmetryTrainer::step`] makes.
const MAX_STEPS_PER_CALL: usize = 1000;

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
    /// seed, inputs?, samples?, activation?}` (absent fields take their declared defaults, see
    /// `gradscope_core::symmetry::mlp_fields`: 2 inputs, 64 examples, tanh; `undefined` or
    /// `null`: every field at its default).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<SymmetryTrainer, JsError> {
        let settings: MlpSettings = super::settings_or_default(settings)?;
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

    /// The history drawn by [`SymmetryTrainer::draw`], `{steps, weights, loss}`: the data of
    /// `drawChart("symmetry", …)` and `chartSvg("symmetry", …)`.
    pub fn history(&self) -> Result<JsValue, JsError> {
        to_js(&self.history)
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
        draw_on_canvas(
            canvas,
            labels,
            style,
            |area, labels: &SymmetryChartLabels, style| {
                draw_symmetry_chart(area, &self.history, labels, style)
            },
        )
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
