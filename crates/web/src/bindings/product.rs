//! The exploding product's exports: run the book's random-matrix product, its limits, its chart.

use super::{engine_error, to_js};
use gradscope_core::{random_product, ProductSettings};
use wasm_bindgen::prelude::*;

/// Runs the chapter's product for `settings` = `{steps, size, sigma, seed, precision}` (an
/// absent field takes its declared default) and returns `{settings, first, product, steps:
/// [{step, frobenius, max_abs, status}], first_overflow, first_underflow}` (matrices row by row;
/// ∞ and NaN as numbers).
#[wasm_bindgen(js_name = randomProduct)]
pub fn random_product_js(settings: JsValue) -> Result<JsValue, JsError> {
    let settings: ProductSettings = super::settings(settings)?;
    let report = random_product(&settings).map_err(engine_error)?;
    to_js(&report)
}
