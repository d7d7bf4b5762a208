//! The gradient experiment's exports: the engine, its chart, the theory overlay, the limits.

use super::{engine_error, to_js};
use gradscope_core::{GradSettings, GradientProbe, Initializer};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// The gradient experiment, keeping its random draws between calls (a new σ samples nothing).
#[wasm_bindgen]
#[derive(Default)]
pub struct Engine {
    probe: GradientProbe,
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
