//! The wasm-bindgen exports, one file per experiment. Each export takes and returns plain
//! JavaScript objects and returns `Result<_, JsError>`; no input from the page can make it panic.
//! The helpers here are the only conversions between JavaScript values and Rust ones: settings
//! go through [`settings`] or [`settings_or_default`] (the core's one generic parse), chart data through [`from_js`],
//! results through [`to_js`]; every chart is drawn through [`charts::draw_chart`] (or [`charts::chart_svg`]).
//!
//! The feature `all-cells` (on by default) brings every cell's exports; without it the build is
//! the main widget's own (the gradient experiment, its chart, the schema): the smaller wasm that
//! the embed loads when a page shows only the main widget (`scripts/build-wasm.sh`).

pub mod batch_split;
pub mod canvas_backend;
pub mod charts;
pub mod draw;
pub mod gradients;
pub mod page_backend;

/// Every other cell's exports: not in the main widget's own build (`--no-default-features`).
macro_rules! other_cells {
    ($($module:ident),*) => {
        $(#[cfg(feature = "all-cells")] pub mod $module;)*
    };
}
other_cells!(
    deep_training,
    product,
    rescaling,
    sigmoid,
    softmax,
    spectrum,
    stability_map,
    symmetry,
    xavier
);

use gradscope_core::schema::{parse_from, FromValues};
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

/// Reads `value` as `T` (chart data: a report, a curve, series); the error starts with `what`.
pub(crate) fn from_js<T: DeserializeOwned>(what: &str, value: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Reads `value` as `T`; `undefined` or `null` give `T::default()`.
pub(crate) fn from_js_or_default<T: DeserializeOwned + Default>(
    what: &str,
    value: JsValue,
) -> Result<T, JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    from_js(what, value)
}

/// Reads an experiment's settings from a JavaScript object by the core's declared fields
/// (`gradscope_core::schema::parse_from`): an absent, `null` or `undefined` field takes its
/// default, NaN and ±∞ are refused by the field they are in, and every error starts with the
/// field's name ("sigma: NaN is outside the range 0 to 10"). A missing object (`null` or
/// `undefined`) is refused: "settings: expected an object of settings".
pub(crate) fn settings<T: FromValues>(value: JsValue) -> Result<T, JsError> {
    if value.is_null() || value.is_undefined() {
        return Err(JsError::new("settings: expected an object of settings"));
    }
    settings_or_default(value)
}

/// As [`settings`], except that a missing object (`null` or `undefined`) means every field at
/// its declared default (the trainers' constructors accept that).
pub(crate) fn settings_or_default<T: FromValues>(value: JsValue) -> Result<T, JsError> {
    parse_from(serde_wasm_bindgen::Deserializer::from(value)).map_err(engine_error)
}

/// The engine's error as a JavaScript `Error` whose message starts with the field's name.
pub(crate) fn engine_error(e: gradscope_core::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Every live cell's declared settings (see `gradscope_core::schema`): `{cells: {name: {prefix,
/// fields: {field: {key, type, default, min, max, choices, scale, unit, role, doc}}}}}`, the
/// same JSON as `gradscope schema --format json`. The main widget's own build (without the
/// feature `all-cells`) declares its own cell only.
#[wasm_bindgen]
pub fn schema() -> Result<JsValue, JsError> {
    #[cfg(feature = "all-cells")]
    let cells = gradscope_core::schema::CELLS;
    #[cfg(not(feature = "all-cells"))]
    let cells = &[&gradscope_core::schema::GRADIENTS];
    to_js(&gradscope_core::schema::schema_json_of(cells))
}

/// The size of this wasm instance's linear memory in bytes (64 KiB pages × 65 536): the
/// long-session test and the benchmark check that it stays bounded over thousands of computes.
/// Natively (in the crate's own tests) it is 0.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65_536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
