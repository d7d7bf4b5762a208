//! The gradient experiment's exports: the engine, its chart, the theory overlay, the limits.

use super::{engine_error, to_js};
use gradscope_core::{GradSettings, GradientProbe, Initializer, Partial, SteppedRun};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The gradient experiment, keeping its random draws between calls (a new σ samples nothing).
#[wasm_bindgen]
#[derive(Default)]
pub struct Engine {
    probe: GradientProbe,
    /// A slice's sums kept for `combineKept` (see `keepPartial`).
    kept: Option<Partial>,
    /// The run taken a few layers at a time (see `gradientsInSteps`).
    stepped: Option<SteppedRun>,
}

#[wasm_bindgen]
impl Engine {
    /// An engine with no draws yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine::default()
    }

    /// Runs the network described by `settings` = `{depth, width, batch, activation, init,
    /// sigma, seed, precision}` (an absent field takes its declared default) and returns
    /// `{precision, loss, layers: [{layer, grad_norm, backward_norm, preact_std, grad_status,
    /// backward_status, forward_status}], verdict}`.
    pub fn gradients(&mut self, settings: JsValue) -> Result<JsValue, JsError> {
        let settings: GradSettings = super::settings(settings)?;
        let report = self.probe.run(&settings).map_err(engine_error)?;
        to_js(&report)
    }

    /// [`Engine::gradients`] a few layers per call, so that the Worker computing it answers
    /// between calls and can drop the run when a newer setting arrives: takes up to `steps`
    /// more of the run's 2L layer steps (L forward, L backward; at least one), continuing this
    /// engine's run if it is one of `settings`, else starting a new one. After the last step
    /// returns the report, the same as [`Engine::gradients`]'s bit for bit; until then `null`.
    #[wasm_bindgen(js_name = gradientsInSteps)]
    pub fn gradients_in_steps(
        &mut self,
        settings: JsValue,
        steps: f64,
    ) -> Result<JsValue, JsError> {
        let settings: GradSettings = super::settings(settings)?;
        let steps = if steps.is_finite() && steps >= 1.0 {
            steps.min(u32::MAX as f64) as usize
        } else {
            1
        };
        match self
            .probe
            .run_steps(&mut self.stepped, &settings, steps)
            .map_err(engine_error)?
        {
            Some(report) => to_js(&report),
            None => Ok(JsValue::NULL),
        }
    }

    /// The sums of the slice `start..end` of the batch of `settings` (as for
    /// [`Engine::gradients`]), with the loss averaged over `meanOver` examples: `{precision,
    /// widths, start, end, meanOver, outputSum, stats: Float64Array, grads: Float32Array |
    /// Float64Array}`, for `combinePartials` (see `gradscope_core::batch_split`). The draws are
    /// this engine's, as for the whole batch: a new σ samples nothing.
    pub fn partial(
        &mut self,
        settings: JsValue,
        start: f64,
        end: f64,
        mean_over: f64,
    ) -> Result<JsValue, JsError> {
        match self.partial_sums(settings, start, end, mean_over)? {
            Partial::F32(p) => super::batch_split::part_to_js(&p),
            Partial::F64(p) => super::batch_split::part_to_js(&p),
        }
    }
}

impl Engine {
    fn partial_sums(
        &mut self,
        settings: JsValue,
        start: f64,
        end: f64,
        mean_over: f64,
    ) -> Result<Partial, JsError> {
        let settings: GradSettings = super::settings(settings)?;
        let index = |v: f64| {
            if v >= 0.0 && v <= settings.batch as f64 && v.fract() == 0.0 {
                Ok(v as usize)
            } else {
                Err(JsError::new(&format!(
                    "examples: {v} is not an example index in 0..{}",
                    settings.batch
                )))
            }
        };
        let (start, end, mean_over) = (index(start)?, index(end)?, index(mean_over)?);
        self.probe
            .partial(&settings, start..end.max(start), mean_over)
            .map_err(engine_error)
    }
}

#[wasm_bindgen]
impl Engine {
    /// As [`Engine::partial`], but the sums stay in this engine (for
    /// [`Engine::combine_kept`], in the same Worker: its own slice is never copied out).
    #[wasm_bindgen(js_name = keepPartial)]
    pub fn keep_partial(
        &mut self,
        settings: JsValue,
        start: f64,
        end: f64,
        mean_over: f64,
    ) -> Result<(), JsError> {
        self.kept = None;
        self.kept = Some(self.partial_sums(settings, start, end, mean_over)?);
        Ok(())
    }

    /// Merges `parts` (what [`Engine::partial`] gave in other Workers) with the sums kept by
    /// [`Engine::keep_partial`] into the report of [`Engine::gradients`] (to rounding).
    #[wasm_bindgen(js_name = combineKept)]
    pub fn combine_kept(&mut self, parts: JsValue) -> Result<JsValue, JsError> {
        let kept = self
            .kept
            .take()
            .ok_or_else(|| JsError::new("examples: no slice kept to combine with"))?;
        super::batch_split::combine_with_kept(kept, parts)
    }

    /// A preview of [`Engine::gradients`]: the same report for the first `examples` examples of
    /// the batch alone (the run with batch `examples`, same draws; clamped to 1..batch).
    pub fn preview(&mut self, settings: JsValue, examples: f64) -> Result<JsValue, JsError> {
        let settings: GradSettings = super::settings(settings)?;
        let b = if examples.is_finite() {
            examples.clamp(1.0, settings.batch as f64) as usize
        } else {
            settings.batch
        };
        let report = self.probe.preview(&settings, b).map_err(engine_error)?;
        to_js(&report)
    }

    /// How many random matrices this engine has sampled (the page's tests check that moving σ
    /// samples none).
    #[wasm_bindgen(js_name = matricesDrawn)]
    pub fn matrices_drawn(&self) -> f64 {
        self.probe.matrices_drawn() as f64
    }
}

/// The theory's per-layer prediction for `settings` (as for [`Engine::gradients`]):
/// `[{layer, preact_std, backward_norm, grad_norm}]`, from the chapter's variance propagation
/// (see `gradscope_core::theory`).
#[wasm_bindgen(js_name = predictGradients)]
pub fn predict_gradients(settings: JsValue) -> Result<JsValue, JsError> {
    let settings: GradSettings = super::settings(settings)?;
    let prediction = gradscope_core::predict(&settings).map_err(engine_error)?;
    to_js(&prediction)
}

/// A fresh random seed in [0, 2³²), from the browser's cryptographic generator.
#[wasm_bindgen(js_name = newSeed)]
pub fn new_seed() -> Result<u32, JsError> {
    let mut bytes = [0u8; 4];
    getrandom::fill(&mut bytes).map_err(|e| JsError::new(&format!("seed: {e}")))?;
    Ok(u32::from_le_bytes(bytes))
}

/// The engine's default settings, every field at its declared default, which the page opens
/// with: `{depth, width, batch, activation, init, sigma, seed, precision}`.
#[wasm_bindgen(js_name = defaultSettings)]
pub fn default_settings() -> Result<JsValue, JsError> {
    to_js(&GradSettings::default())
}

#[derive(Serialize)]
struct InitializerInfo {
    name: &'static str,
    family: gradscope_core::Family,
    sigma_role: gradscope_core::SigmaRole,
}

/// Every initializer: `[{name, family, sigma_role}]`, where `sigma_role` is "stddev", "value",
/// "gain" or "ignored".
#[wasm_bindgen]
pub fn initializers() -> Result<JsValue, JsError> {
    let list: Vec<InitializerInfo> = Initializer::ALL
        .iter()
        .map(|&i| InitializerInfo {
            name: i.name(),
            family: i.family(),
            sigma_role: i.sigma_role(),
        })
        .collect();
    to_js(&list)
}

/// The per-layer gain of the backward signal's size that mean-field theory gives for
/// `settings` (as for [`Engine::gradients`]): √χ = √(n·v·E[φ′(z)²]) at the variance's fixed
/// point, v the second moment of the weights (σ·√n·√E[φ′²] for N(0, σ²)); below 1 the gradient
/// vanishes, above it explodes. `undefined` for the constant initializer (see
/// `gradscope_core::stability_map::setting_gain`).
#[wasm_bindgen(js_name = layerGain)]
pub fn layer_gain(settings: JsValue) -> Result<Option<f64>, JsError> {
    let s: gradscope_core::GradSettings = super::settings(settings)?;
    Ok(gradscope_core::stability_map::setting_gain(&s))
}

/// Stops the engine on purpose with a Rust panic (in wasm, an `unreachable` trap). Only for the
/// browser test that checks that the page survives a trap: the cell says so and offers to reload,
/// the engine's Worker is started again, and the other cells keep working. No input reaches it.
#[wasm_bindgen(js_name = testTrap)]
pub fn test_trap() {
    panic!("testTrap: a deliberate trap, for the reliability test");
}
