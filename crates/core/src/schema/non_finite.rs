//! Numbers that JSON cannot hold. A JavaScript object (or any serde source) may carry NaN, +∞ or
//! −∞, but `serde_json::Value` has no such numbers: its own conversion turns them into `null`,
//! which a field reads as "absent" and so would quietly replace by the default. Here such a
//! number is kept as a marker, `{"$non_finite": "NaN" | "inf" | "-inf"}`, that the field
//! receiving it reads back as the f64 and refuses by its range: the error names the field
//! ("sigma: NaN is outside the range 0 to 10").

use super::{parse, FromValues};
use crate::Error;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// The marker's one key.
pub const NON_FINITE_KEY: &str = "$non_finite";

/// `x` as JSON: a number when x is finite, else the marker `{"$non_finite": x.to_string()}`.
pub fn number_value(x: f64) -> Value {
    match Number::from_f64(x) {
        Some(n) => Value::Number(n),
        None => {
            let mut m = Map::new();
            m.insert(NON_FINITE_KEY.to_string(), Value::String(x.to_string()));
            Value::Object(m)
        }
    }
}

/// The f64 a marker made by [`number_value`] stands for (NaN, +∞ or −∞); `None` for any other
/// value.
pub fn non_finite(value: &Value) -> Option<f64> {
    let Value::Object(m) = value else { return None };
    if m.len() != 1 {
        return None;
    }
    match m.get(NON_FINITE_KEY)?.as_str()? {
        "NaN" => Some(f64::NAN),
        "inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        _ => None,
    }
}

/// Reads any self-describing serde source (a JavaScript value through `serde_wasm_bindgen`, a
/// JSON text, …) into a `serde_json::Value`, like `Value`'s own `Deserialize` except that NaN
/// and ±∞ become markers (see [`number_value`]) instead of `null`.
pub fn value_from<'de, D: Deserializer<'de>>(source: D) -> Result<Value, D::Error> {
    Lossless.deserialize(source)
}

/// Reads settings `T` from any serde source: [`value_from`], then the one generic [`parse`].
/// A value the source cannot give (not an object, an unreadable entry) is an error on
/// "settings"; a bad field is an error that names it, NaN and ±∞ included.
pub fn parse_from<'de, T: FromValues, D: Deserializer<'de>>(source: D) -> Result<T, Error> {
    let value = value_from(source).map_err(|e| Error::Inconsistent {
        field: "settings",
        reason: e.to_string(),
    })?;
    parse(&value)
}

/// The seed and visitor of [`value_from`].
#[derive(Clone, Copy)]
struct Lossless;

impl<'de> DeserializeSeed<'de> for Lossless {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Lossless {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON-like value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(number_value(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut m = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value_seed(self)?;
            m.insert(key, value);
        }
        Ok(Value::Object(m))
    }
    fn visit_bytes<E: de::Error>(self, _: &[u8]) -> Result<Value, E> {
        Err(E::custom("expected a plain object, found bytes"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finite_numbers_stay_numbers_and_the_rest_become_markers() {
        assert_eq!(number_value(1.5), json!(1.5));
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let v = number_value(x);
            let back = non_finite(&v).expect("a marker");
            assert!(back.is_nan() && x.is_nan() || back == x, "{x}");
        }
        assert_eq!(non_finite(&json!(1.0)), None);
        assert_eq!(non_finite(&json!({"$non_finite": "NaN", "other": 1})), None);
        assert_eq!(non_finite(&json!({"$non_finite": "12"})), None);
    }

    #[test]
    fn a_json_text_reads_like_serde_json_reads_it() {
        let text = r#"{"a": [1, 2.5, null, true, "x", {"b": -3}], "c": 18446744073709551615}"#;
        let ours = value_from(&mut serde_json::Deserializer::from_str(text)).unwrap();
        let theirs: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, theirs);
    }

    /// A source with a real NaN (as `serde_wasm_bindgen` gives a JavaScript NaN, through
    /// `visit_f64`): the settings are refused by the field, not read with its default.
    #[test]
    fn nan_and_infinity_from_a_source_are_refused_by_their_field() {
        use serde::de::value::{Error as DeError, MapDeserializer};
        use serde::de::IntoDeserializer;
        for (name, x) in [
            ("sigma", f64::NAN),
            ("sigma", f64::INFINITY),
            ("depth", f64::NEG_INFINITY),
            ("seed", f64::NAN),
        ] {
            let entries = vec![(name, x.into_deserializer())];
            let source = MapDeserializer::<_, DeError>::new(entries.into_iter());
            let e = parse_from::<crate::GradSettings, _>(source).unwrap_err();
            assert_eq!(e.field(), name, "{name} = {x}");
            assert!(e.to_string().contains("is outside the range"), "{e}");
        }
        let entries = vec![("sigma", 0.5f64.into_deserializer())];
        let source = MapDeserializer::<_, DeError>::new(entries.into_iter());
        let s = parse_from::<crate::GradSettings, _>(source).unwrap();
        assert_eq!(s.sigma, 0.5);
    }

    #[test]
    fn a_source_that_is_not_an_object_is_an_error_on_settings() {
        let e = parse_from::<crate::GradSettings, _>(&mut serde_json::Deserializer::from_str("3"))
            .unwrap_err();
        assert_eq!(e.field(), "settings");
    }
}
