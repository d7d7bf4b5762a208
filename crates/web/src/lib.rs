//! # gradscope-web
//!
//! The thin layer between the page and the engine: wasm-bindgen exports that take and return
//! plain JavaScript objects, and the chart functions (in [`charts`], generic over plotters'
//! `DrawingBackend`, so the CLI draws the same charts to SVG).
//!
//! Every export returns `Result<_, JsError>`: bad input from the page becomes an error message
//! that starts with the name of the setting ("depth: …"), never a panic.

pub mod bindings;
pub mod charts;
