//! The spectrum cell's exports (exercise 3): the singular values of two random matrices A, B and
//! of their product AB, the eigenvalue moduli of AB, the bounds between them, and the chart.

use super::{engine_error, to_js};
use gradscope_core::spectrum::{spectrum, SpectrumReport, SpectrumSettings, ROUNDING};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Computes, for `settings` = `{size: n, sigma: σ, seed}` (n ∈ 1..=64, σ ∈ (0, 10]; an absent
/// field takes its declared default), A and B n × n with i.i.d. N(0, σ²) entries and returns
/// `{size, sigma, seed, sv_a, sv_b, sv_ab, eig_abs_ab, upper, lower, horn_upper, horn_lower,
/// log10_det_a, log10_det_b, log10_det_ab, log10_eig_prod_ab, bounds_hold, worst_violation,
/// rounding}` (lists largest first; upper = σ_max(A)·σ_max(B), lower = σ_min(A)·σ_min(B); see
/// `gradscope_core::spectrum`). An invalid setting is an error that starts with the field's
/// name.
#[wasm_bindgen(js_name = spectrumCompute)]
pub fn spectrum_compute(settings: JsValue) -> Result<JsValue, JsError> {
    let s: SpectrumSettings = super::settings(settings)?;
    let report = spectrum(&s).map_err(engine_error)?;
    #[derive(Serialize)]
    struct WithRounding<'a> {
        #[serde(flatten)]
        report: &'a SpectrumReport,
        rounding: f64,
    }
    to_js(&WithRounding {
        report: &report,
        rounding: ROUNDING,
    })
}
