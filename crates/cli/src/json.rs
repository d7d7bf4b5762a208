//! JSON that stays valid whatever the numbers: ∞ and NaN are written as the strings "inf",
//! "-inf" and "nan" (JSON has no literal for them, and serde_json would write null).

use serde_json::{Map, Value};

/// A number as JSON: itself if finite, else "inf", "-inf" or "nan".
pub fn num(x: f64) -> Value {
    if x.is_finite() {
        serde_json::Number::from_f64(x)
            .map(Value::Number)
            .unwrap_or(Value::Null)
    } else if x.is_nan() {
        Value::String("nan".into())
    } else if x > 0.0 {
        Value::String("inf".into())
    } else {
        Value::String("-inf".into())
    }
}

/// The same rule for CSV cells: Rust's shortest round-trip form, or inf, -inf, nan.
pub fn cell(x: f64) -> String {
    if x.is_nan() {
        "nan".into()
    } else if x.is_infinite() {
        if x > 0.0 { "inf" } else { "-inf" }.into()
    } else {
        format!("{x:e}")
    }
}

/// An object from (key, value) pairs, in order.
pub fn object(pairs: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}
