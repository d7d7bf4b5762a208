//! JSON output from serde that stays valid whatever the numbers: every `f32`/`f64` that is ∞ or
//! NaN is written as the string of [`crate::numbers::non_finite`] ("inf", "-inf", "nan"), at any
//! depth, in any serializable value.
//!
//! [`Finite`] wraps a value; its serializer passes every call through to the real one, except
//! non-finite floats, and wraps every nested value the same way.

use crate::numbers::non_finite;
use serde::ser::{
    Serialize, SerializeMap, SerializeSeq, SerializeStruct, SerializeStructVariant, SerializeTuple,
    SerializeTupleStruct, SerializeTupleVariant, Serializer,
};

/// `value` as pretty-printed JSON, with a final newline, non-finite numbers as strings.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string_pretty(&Finite(value)).expect("a value of ours always serializes") + "\n"
}

/// A value whose non-finite floats serialize as strings.
pub struct Finite<'a, T: ?Sized>(pub &'a T);

impl<T: Serialize + ?Sized> Serialize for Finite<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(Proxy(serializer))
    }
}

/// A serializer (or one of its compound serializers) that rewrites non-finite floats.
struct Proxy<S>(S);

macro_rules! forward {
    ($($method:ident($ty:ty);)*) => {
        $(fn $method(self, v: $ty) -> Result<S::Ok, S::Error> {
            self.0.$method(v)
        })*
    };
}

impl<S: Serializer> Serializer for Proxy<S> {
    type Ok = S::Ok;
    type Error = S::Error;
    type SerializeSeq = Proxy<S::SerializeSeq>;
    type SerializeTuple = Proxy<S::SerializeTuple>;
    type SerializeTupleStruct = Proxy<S::SerializeTupleStruct>;
    type SerializeTupleVariant = Proxy<S::SerializeTupleVariant>;
    type SerializeMap = Proxy<S::SerializeMap>;
    type SerializeStruct = Proxy<S::SerializeStruct>;
    type SerializeStructVariant = Proxy<S::SerializeStructVariant>;

    forward! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_char(char);
        serialize_str(&str);
        serialize_bytes(&[u8]);
        serialize_unit_struct(&'static str);
    }

    fn serialize_f32(self, v: f32) -> Result<S::Ok, S::Error> {
        match non_finite(v as f64) {
            Some(word) => self.0.serialize_str(word),
            None => self.0.serialize_f32(v),
        }
    }

    fn serialize_f64(self, v: f64) -> Result<S::Ok, S::Error> {
        match non_finite(v) {
            Some(word) => self.0.serialize_str(word),
            None => self.0.serialize_f64(v),
        }
    }

    fn serialize_none(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_none()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<S::Ok, S::Error> {
        self.0.serialize_some(&Finite(v))
    }

    fn serialize_unit(self) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_unit_variant(name, index, variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0.serialize_newtype_struct(name, &Finite(v))
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<S::Ok, S::Error> {
        self.0
            .serialize_newtype_variant(name, index, variant, &Finite(v))
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq, S::Error> {
        self.0.serialize_seq(len).map(Proxy)
    }

    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple, S::Error> {
        self.0.serialize_tuple(len).map(Proxy)
    }

    fn serialize_tuple_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct, S::Error> {
        self.0.serialize_tuple_struct(name, len).map(Proxy)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant, S::Error> {
        self.0
            .serialize_tuple_variant(name, index, variant, len)
            .map(Proxy)
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Self::SerializeMap, S::Error> {
        self.0.serialize_map(len).map(Proxy)
    }

    fn serialize_struct(
        self,
        name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStruct, S::Error> {
        self.0.serialize_struct(name, len).map(Proxy)
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeStructVariant, S::Error> {
        self.0
            .serialize_struct_variant(name, index, variant, len)
            .map(Proxy)
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

/// The compound serializers that take one element at a time.
macro_rules! elements {
    ($($trait:ident :: $method:ident;)*) => {
        $(impl<S: $trait> $trait for Proxy<S> {
            type Ok = S::Ok;
            type Error = S::Error;

            fn $method<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), S::Error> {
                self.0.$method(&Finite(v))
            }

            fn end(self) -> Result<S::Ok, S::Error> {
                self.0.end()
            }
        })*
    };
}

elements! {
    SerializeSeq::serialize_element;
    SerializeTuple::serialize_element;
    SerializeTupleStruct::serialize_field;
    SerializeTupleVariant::serialize_field;
}

/// The compound serializers that take named fields.
macro_rules! fields {
    ($($trait:ident;)*) => {
        $(impl<S: $trait> $trait for Proxy<S> {
            type Ok = S::Ok;
            type Error = S::Error;

            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                v: &T,
            ) -> Result<(), S::Error> {
                self.0.serialize_field(key, &Finite(v))
            }

            fn skip_field(&mut self, key: &'static str) -> Result<(), S::Error> {
                self.0.skip_field(key)
            }

            fn end(self) -> Result<S::Ok, S::Error> {
                self.0.end()
            }
        })*
    };
}

fields! {
    SerializeStruct;
    SerializeStructVariant;
}

impl<S: SerializeMap> SerializeMap for Proxy<S> {
    type Ok = S::Ok;
    type Error = S::Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), S::Error> {
        self.0.serialize_key(&Finite(key))
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), S::Error> {
        self.0.serialize_value(&Finite(v))
    }

    fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Serialize;
    use std::collections::BTreeMap;

    #[derive(Serialize)]
    struct Inner {
        x: f64,
        y: Option<f32>,
    }

    #[derive(Serialize)]
    struct Outer {
        #[serde(flatten)]
        inner: Inner,
        rows: Vec<Vec<f64>>,
        pair: (f64, f32),
        by_name: BTreeMap<&'static str, f64>,
        none: Option<f64>,
    }

    #[test]
    fn non_finite_numbers_become_strings_at_every_depth() {
        let v = Outer {
            inner: Inner {
                x: f64::INFINITY,
                y: Some(f32::NAN),
            },
            rows: vec![vec![1.5, f64::NEG_INFINITY], vec![f64::NAN]],
            pair: (0.25, f32::INFINITY),
            by_name: [("a", f64::NAN), ("b", 2.0)].into(),
            none: None,
        };
        let parsed: serde_json::Value = serde_json::from_str(&to_json(&v)).unwrap();
        let expected = serde_json::json!({
            "x": "inf",
            "y": "nan",
            "rows": [[1.5, "-inf"], ["nan"]],
            "pair": [0.25, "inf"],
            "by_name": {"a": "nan", "b": 2.0},
            "none": null,
        });
        assert_eq!(parsed, expected);
    }

    #[test]
    fn finite_numbers_are_written_as_serde_json_writes_them() {
        let v = (0.1f64, 0.1f32, 1e-310f64, f64::MAX, -0.0f64);
        assert_eq!(
            serde_json::to_string(&Finite(&v)).unwrap(),
            serde_json::to_string(&v).unwrap()
        );
    }
}
