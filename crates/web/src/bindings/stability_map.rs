//! The stability map's exports: columns of D(σ, L) computed one σ at a time (so the page can
//! fill the map progressively, one column per frame), the critical σ, and the chart.

use super::{engine_error, to_js};
use gradscope_core::stability_map::{
    critical_sigma, map_column, map_sigmas, theory_crossing, MapSettings,
};
use gradscope_core::GradientProbe;
use wasm_bindgen::prelude::*;

/// The map's engine: it keeps the random draws of its deepest network, so every σ column
/// rescales the same draws (nothing is resampled while the map fills in).
#[wasm_bindgen]
#[derive(Default)]
pub struct StabilityMap {
    probe: GradientProbe,
}

#[wasm_bindgen]
impl StabilityMap {
    /// A map engine with no draws yet.
    #[wasm_bindgen(constructor)]
    pub fn new() -> StabilityMap {
        StabilityMap::default()
    }

    /// One column for `settings` = `{activation, width, depth, batch, seed}` (absent fields take
    /// their declared defaults) at σ = `sigma` (0 < σ ≤ 10): `{sigma, decades, theory}`, where
    /// `decades[L − 1]` = log₁₀(‖∂ℓ/∂h⁰‖/‖∂ℓ/∂hᴸ⁻¹‖) measured and `theory` the same predicted
    /// (see `gradscope_core::stability_map`).
    pub fn column(&mut self, settings: JsValue, sigma: f64) -> Result<JsValue, JsError> {
        let s: MapSettings = super::settings(settings)?;
        gradscope_core::settings::fields::SIGMA
            .check_float(sigma)
            .map_err(engine_error)?;
        if sigma <= 0.0 {
            return Err(JsError::new("sigma: the map's σ must be above 0"));
        }
        to_js(&map_column(&mut self.probe, &s, sigma).map_err(engine_error)?)
    }
}

/// The map's σ grid: `count` values (2 ..= 1000) log-spaced over the main widget's σ slider.
#[wasm_bindgen(js_name = mapSigmas)]
pub fn map_sigmas_js(count: f64) -> Result<Vec<f64>, JsError> {
    if !(count.is_finite() && (2.0..=1000.0).contains(&count)) {
        return Err(JsError::new("columns: choose 2 to 1000"));
    }
    Ok(map_sigmas(count as usize))
}

/// The mean-field critical σ* (χ = n·σ²·E[φ′(z)²] = 1 at the fixed point) for `settings`'
/// activation and width, or `undefined` if χ does not cross 1.
#[wasm_bindgen(js_name = criticalSigma)]
pub fn critical_sigma_js(settings: JsValue) -> Result<Option<f64>, JsError> {
    let s: MapSettings = super::settings(settings)?;
    Ok(critical_sigma(s.activation, s.width))
}

/// The theory's critical σ at depth `depth` (2 ..= the map's depth): where the predicted
/// D(σ, L) crosses 0 (`gradscope_core::stability_map::theory_crossing`), or `undefined`.
#[wasm_bindgen(js_name = theoryCrossing)]
pub fn theory_crossing_js(settings: JsValue, depth: f64) -> Result<Option<f64>, JsError> {
    let s: MapSettings = super::settings(settings)?;
    gradscope_core::settings::fields::DEPTH
        .check_float(depth)
        .map_err(engine_error)?;
    Ok(theory_crossing(&s, depth as usize))
}
