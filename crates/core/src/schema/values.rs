//! One generic parse: an experiment's settings read from untyped values by its declared fields.

use super::Field;
use crate::Error;
use serde_json::{Map, Value};

/// Untyped values by field name: a JavaScript object, a JSON object or parsed flags. A field
/// that is absent (or null) takes its declared default; names that are not fields are ignored.
#[derive(Debug, Clone, Copy)]
pub struct Values<'a> {
    map: Option<&'a Map<String, Value>>,
}

impl<'a> Values<'a> {
    /// Wraps an object; `null` means "every field at its default".
    pub fn new(value: &'a Value) -> Result<Self, Error> {
        match value {
            Value::Object(map) => Ok(Values { map: Some(map) }),
            Value::Null => Ok(Values { map: None }),
            _ => Err(Error::Inconsistent {
                field: "settings",
                reason: "expected an object of settings".into(),
            }),
        }
    }

    fn get(&self, field: &Field) -> Option<&'a Value> {
        self.map.and_then(|m| m.get(field.name))
    }

    /// A whole number, checked by `field` (see [`Field::read_int`]).
    pub fn int(&self, field: &Field) -> Result<i64, Error> {
        field.read_int(self.get(field))
    }

    /// A whole number as `usize` (the field's range is never negative where this is used).
    pub fn count(&self, field: &Field) -> Result<usize, Error> {
        let n = self.int(field)?;
        usize::try_from(n).map_err(|_| Error::out_of_range(field.name, n, 0, i64::MAX))
    }

    /// A real number, checked by `field`.
    pub fn float(&self, field: &Field) -> Result<f64, Error> {
        field.read_float(self.get(field))
    }

    /// One of `field`'s choices.
    pub fn choice(&self, field: &Field) -> Result<&'static str, Error> {
        field.read_choice(self.get(field))
    }

    /// On or off.
    pub fn bool(&self, field: &Field) -> Result<bool, Error> {
        field.read_bool(self.get(field))
    }

    /// A list of whole numbers.
    pub fn list(&self, field: &Field) -> Result<Vec<i64>, Error> {
        field.read_list(self.get(field))
    }
}

/// An experiment's settings, read by its declared fields and then validated.
pub trait FromValues: Sized {
    /// Reads every field from `values` (defaults for absent ones); the error names the first
    /// bad field.
    fn from_values(values: &Values) -> Result<Self, Error>;
}

/// Reads `T` from a JSON object (or `null` for all defaults).
pub fn parse<T: FromValues>(value: &Value) -> Result<T, Error> {
    T::from_values(&Values::new(value)?)
}

/// `T` with every field at its declared default (the declarations are checked valid by the
/// schema's tests, so this cannot fail for a declared experiment).
pub fn defaults<T: FromValues>() -> T {
    parse(&Value::Null).expect("the declared defaults are valid")
}
