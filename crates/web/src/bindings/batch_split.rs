//! The batch split across a pool of Workers (see `gradscope_core::batch_split`): each Worker's
//! engine computes a slice's sums ([`Engine::partial`](super::gradients::Engine::partial)), the
//! sums travel as typed arrays (whose buffers the page transfers, not copies), and one Worker
//! merges them into the experiment's report ([`combine_partials`]). A preview from the first
//! examples alone is [`Engine::preview`](super::gradients::Engine::preview).

use super::{engine_error, to_js};
use gradscope_core::batch_split::{
    combine_in, combine_into, grad_len, LayerSums, Partial, PartialSums, ScaledSums,
};
use gradscope_core::{NumStatus, Precision, Real};
use js_sys::{Array, Float32Array, Float64Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Numbers per layer in a part's `stats`: the sums of z, then of ∂ℓ/∂hˡ⁻¹, each (count, max,
/// sum, squares, status code).
const STRIDE: usize = 10;
/// The largest layer count and width a part may describe (the schema's limits are lower).
const MAX_LAYERS: usize = 1000;
const MAX_WIDTH: usize = 4096;

fn status_code(s: NumStatus) -> f64 {
    match s {
        NumStatus::Ok => 0.0,
        NumStatus::Underflow => 1.0,
        NumStatus::Overflow => 2.0,
    }
}

fn status_of_code(c: f64) -> Result<NumStatus, JsError> {
    Ok(match c {
        0.0 => NumStatus::Ok,
        1.0 => NumStatus::Underflow,
        2.0 => NumStatus::Overflow,
        _ => return Err(bad("a status code is not 0, 1 or 2")),
    })
}

fn bad(reason: &str) -> JsError {
    JsError::new(&format!("examples: {reason}"))
}

fn set(obj: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(obj, &JsValue::from_str(key), value)
        .map(|_| ())
        .map_err(|_| bad("cannot build the part"))
}

/// A slice's sums as `{precision, widths, start, end, meanOver, outputSum, stats, grads}`,
/// `stats` a Float64Array and `grads` a Float32Array or Float64Array, each with a buffer of its
/// own (so that the page can transfer it to another Worker).
pub(crate) fn part_to_js<T: Real>(p: &PartialSums<T>) -> Result<JsValue, JsError> {
    let obj = Object::new();
    set(&obj, "precision", &JsValue::from_str(T::PRECISION.name()))?;
    let widths: Array = p.widths.iter().map(|&w| JsValue::from(w as f64)).collect();
    set(&obj, "widths", &widths)?;
    set(&obj, "start", &JsValue::from(p.examples.start as f64))?;
    set(&obj, "end", &JsValue::from(p.examples.end as f64))?;
    set(&obj, "meanOver", &JsValue::from(p.mean_over as f64))?;
    set(&obj, "outputSum", &JsValue::from(p.output_sum))?;
    let mut stats = Vec::with_capacity(p.layers.len() * STRIDE);
    for l in &p.layers {
        for s in [l.preact, l.backward] {
            stats.extend_from_slice(&[s.count, s.max, s.sum, s.squares, status_code(s.status)]);
        }
    }
    set(&obj, "stats", &Float64Array::from(&stats[..]))?;
    // One copy out of the wasm memory, into an array of its own.
    let any = &p.grads as &dyn std::any::Any;
    let grads: JsValue = if let Some(v) = any.downcast_ref::<Vec<f64>>() {
        Float64Array::from(&v[..]).into()
    } else if let Some(v) = any.downcast_ref::<Vec<f32>>() {
        Float32Array::from(&v[..]).into()
    } else {
        return Err(bad("unknown precision"));
    };
    set(&obj, "grads", &grads)?;
    Ok(obj.into())
}

fn get(obj: &JsValue, key: &str) -> Result<JsValue, JsError> {
    Reflect::get(obj, &JsValue::from_str(key)).map_err(|_| bad(&format!("a part has no {key}")))
}

fn whole(obj: &JsValue, key: &str, max: usize) -> Result<usize, JsError> {
    let v = get(obj, key)?
        .as_f64()
        .ok_or_else(|| bad(&format!("a part's {key} is not a number")))?;
    if !(v >= 0.0 && v <= max as f64 && v.fract() == 0.0) {
        return Err(bad(&format!(
            "a part's {key} is not a whole number up to {max}"
        )));
    }
    Ok(v as usize)
}

fn part_from_js<T: Real>(obj: &JsValue, grads: Vec<T>) -> Result<PartialSums<T>, JsError> {
    let widths_js: Array = get(obj, "widths")?
        .dyn_into()
        .map_err(|_| bad("a part's widths are not an array"))?;
    if widths_js.length() as usize > MAX_LAYERS + 1 {
        return Err(bad("a part has too many layers"));
    }
    let mut widths = Vec::with_capacity(widths_js.length() as usize);
    for w in widths_js.iter() {
        let w = w.as_f64().unwrap_or(f64::NAN);
        if !(w >= 1.0 && w <= MAX_WIDTH as f64 && w.fract() == 0.0) {
            return Err(bad("a part's widths are not whole numbers in range"));
        }
        widths.push(w as usize);
    }
    let depth = widths.len().saturating_sub(1);
    let stats: Float64Array = get(obj, "stats")?
        .dyn_into()
        .map_err(|_| bad("a part's stats are not a Float64Array"))?;
    let stats = stats.to_vec();
    if stats.len() != depth * STRIDE || grads.len() != grad_len(&widths) {
        return Err(bad("a part's arrays do not fit its widths"));
    }
    let sums = |s: &[f64]| -> Result<ScaledSums, JsError> {
        Ok(ScaledSums {
            count: s[0],
            max: s[1],
            sum: s[2],
            squares: s[3],
            status: status_of_code(s[4])?,
        })
    };
    let layers = stats
        .chunks_exact(STRIDE)
        .map(|c| {
            Ok(LayerSums {
                preact: sums(&c[..5])?,
                backward: sums(&c[5..])?,
            })
        })
        .collect::<Result<Vec<_>, JsError>>()?;
    let start = whole(obj, "start", usize::MAX >> 12)?;
    let end = whole(obj, "end", usize::MAX >> 12)?;
    let output_sum = get(obj, "outputSum")?
        .as_f64()
        .ok_or_else(|| bad("a part's outputSum is not a number"))?;
    Ok(PartialSums {
        widths,
        examples: start..end.max(start),
        mean_over: whole(obj, "meanOver", usize::MAX >> 12)?,
        output_sum,
        grads,
        layers,
    })
}

/// Reads `parts` (an array of what `Engine.partial` returns) in precision `T`.
fn parts_from_js<T: Real>(parts: &Array) -> Result<Vec<PartialSums<T>>, JsError> {
    parts
        .iter()
        .map(|p| {
            let g = get(&p, "grads")?;
            let grads: Vec<T> = match T::PRECISION {
                Precision::F64 => g
                    .dyn_into::<Float64Array>()
                    .map_err(|_| bad("the parts differ in precision"))?
                    .to_vec()
                    .into_iter()
                    .map(T::from_f64)
                    .collect(),
                Precision::F32 => g
                    .dyn_into::<Float32Array>()
                    .map_err(|_| bad("the parts differ in precision"))?
                    .to_vec()
                    .into_iter()
                    .map(|v| T::from_f64(v as f64))
                    .collect(),
            };
            part_from_js(&p, grads)
        })
        .collect()
}

/// Merges `parts` (an array of what `Engine.partial` returns) into `kept`, a slice's sums kept
/// in a Worker's engine (`Engine.keepPartial`), and gives the report.
pub(crate) fn combine_with_kept(kept: Partial, parts: JsValue) -> Result<JsValue, JsError> {
    let parts: Array = parts
        .dyn_into()
        .map_err(|_| bad("expected an array of parts"))?;
    let report = match kept {
        Partial::F64(k) => {
            let rest = parts_from_js::<f64>(&parts)?;
            combine_into(k, &rest.iter().collect::<Vec<_>>())
        }
        Partial::F32(k) => {
            let rest = parts_from_js::<f32>(&parts)?;
            combine_into(k, &rest.iter().collect::<Vec<_>>())
        }
    };
    to_js(&report.map_err(engine_error)?)
}

/// Merges the parts `parts` (an array of what `Engine.partial` returns, for disjoint slices that
/// together hold the examples the loss averages over) into the experiment's report, the same
/// `{precision, loss, layers, verdict}` as `Engine.gradients` gives for the whole batch, to
/// rounding.
#[wasm_bindgen(js_name = combinePartials)]
pub fn combine_partials(parts: JsValue) -> Result<JsValue, JsError> {
    let parts: Array = parts
        .dyn_into()
        .map_err(|_| bad("expected an array of parts"))?;
    let first = parts.get(0);
    if first.is_undefined() {
        return Err(bad("no slice to combine"));
    }
    let precision = get(&first, "precision")?
        .as_string()
        .ok_or_else(|| bad("a part has no precision"))?;
    let report = match Precision::parse(&precision).map_err(|_| bad("unknown precision"))? {
        Precision::F64 => combine_in(&parts_from_js::<f64>(&parts)?.iter().collect::<Vec<_>>()),
        Precision::F32 => combine_in(&parts_from_js::<f32>(&parts)?.iter().collect::<Vec<_>>()),
    };
    to_js(&report.map_err(engine_error)?)
}
