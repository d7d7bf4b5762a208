//! The deep-training experiment's exports, for the training and LARS cells: a deep MLP trained
//! step by step (core's [`DeepTrainer`]), its loss history, whether it has diverged (core's
//! [`run_diverged`]), its activation histograms, and the charts.

use super::{engine_error, to_js};
use gradscope_core::deep_training::{
    run_diverged, BatchRng, DeepSettings, DeepStepReport, DeepTrainer,
};
use gradscope_core::whole_number;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The most steps one call to [`DeepRun::step`] (or [`run_deep_training`]) makes.
const MAX_STEPS_PER_CALL: usize = 5000;
/// The most steps a run keeps in its loss history.
const MAX_HISTORY: usize = 20_000;

/// The state after the latest step.
#[derive(Serialize)]
struct Snapshot<'a> {
    step: usize,
    /// The loss on all N examples now (after `step` steps).
    loss: f64,
    /// The latest step's report (null before the first step).
    report: Option<&'a DeepStepReport>,
    /// Whether the loss or a weight has stopped being a finite number (at any step so far).
    diverged: bool,
    /// Whether the run has diverged by core's rule [`run_diverged`]: `diverged`, or the loss
    /// now is not ≤ 10 × the loss before the first step.
    run_diverged: bool,
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
    /// learning_rate, batch, lars, seed, inputs?, samples?}` (absent fields take their declared
    /// defaults, see `gradscope_core::deep_training::deep_fields`; `undefined` or `null`: every
    /// field at its default).
    #[wasm_bindgen(constructor)]
    pub fn new(settings: JsValue) -> Result<DeepRun, JsError> {
        let settings: DeepSettings = super::settings_or_default(settings)?;
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

    /// Makes `n` steps (0 ..= 5000) and returns `{step, loss, report, diverged, run_diverged}`,
    /// `loss` being the loss on all N examples after the last step, `report` core's
    /// `DeepStepReport` (`{step, loss, full_loss, layer_update_norms, layer_weight_norms,
    /// layer_grad_norms, trust_ratios, diverged}`), `diverged` whether the loss or a weight has
    /// stopped being finite at any step, and `run_diverged` core's [`run_diverged`] rule:
    /// `diverged` or ¬(loss ≤ 10 × the loss before the first step). The history keeps the
    /// first 20 000 steps.
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
            run_diverged: run_diverged(self.losses[0], self.loss, self.diverged),
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
    /// Whether the run has diverged after its last step, by core's [`run_diverged`].
    run_diverged: bool,
}

/// A fresh run of `steps` steps (0 ..= 5000) for `settings` (as for [`DeepRun::new`]), all at
/// once: `{losses, reports, run_diverged}` with `losses[k]` the loss on all N examples after k
/// steps and `run_diverged` core's [`run_diverged`] rule after the last step (some report's
/// `diverged`, or ¬(losses[steps] ≤ 10 × losses[0])).
#[wasm_bindgen(js_name = runDeepTraining)]
pub fn run_deep_training(settings: JsValue, steps: f64) -> Result<JsValue, JsError> {
    let settings: DeepSettings = super::settings_or_default(settings)?;
    let steps = whole_number("steps", steps, (0, MAX_STEPS_PER_CALL)).map_err(engine_error)?;
    let start = DeepTrainer::new(&settings)
        .map_err(engine_error)?
        .full_loss();
    let reports = DeepTrainer::run(&settings, steps).map_err(engine_error)?;
    let mut losses = vec![start];
    losses.extend(reports.iter().map(|r| r.full_loss));
    let non_finite_seen = reports.iter().any(|r| r.diverged);
    let now = losses.last().copied().unwrap_or(start);
    to_js(&RunResult {
        run_diverged: run_diverged(start, now, non_finite_seen),
        losses,
        reports,
    })
}
