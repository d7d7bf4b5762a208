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

/// Every live cell's declared settings (see `gradscope_core::schema`): `{cells: {name: {prefix,
/// fields: {field: {key, type, default, min, max, choices, scale, unit, role, doc}}}}}`, the
/// same JSON as `gradscope schema --format json`.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    to_js(&gradscope_core::schema::schema_json())
}
