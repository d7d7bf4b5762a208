//! The wasm-bindgen exports, one file per live cell. Each export takes and returns plain
//! JavaScript objects and returns `Result<_, JsError>`; no input from the page can make it panic.

pub mod gradients;
pub mod product;
pub mod sigmoid;
pub mod spectrum;
pub mod symmetry;
pub mod training;
pub mod xavier;

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Converts a result to a plain JavaScript object (maps as objects, NaN and ±∞ as numbers).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::new().serialize_maps_as_objects(true);
    value
        .serialize(&ser)
        .map_err(|e| JsError::new(&format!("result: {e}")))
}

/// Reads `value` as `T`; `undefined` or `null` give `T::default()`.
pub(crate) fn from_js_or_default<T: DeserializeOwned + Default>(
    field: &str,
    value: JsValue,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{field}: {e}")))
}

pub(crate) fn engine_error(e: gradscope_core::Error) -> JsError {
    JsError::new(&e.to_string())
}
