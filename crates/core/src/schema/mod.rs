//! The declaration of every live cell's settings: the one place where a field's name, URL key,
//! kind, default, range or choices, slider scale and unit are written.
//!
//! - [`Field`] is one setting; [`CellSchema`] is a cell's list of them, under the name of its
//!   slot in the notebook and the prefix of its URL keys.
//! - [`CELLS`] lists every live cell. [`schema_json`] is the contract that the wasm export
//!   `schema()` and `gradscope schema --format json` both return:
//!   `{"cells": {NAME: {"prefix": P, "fields": {FIELD: {key, type, default, min, max, …}}}}}`.
//! - [`FromValues`] reads an experiment's settings from untyped values (a JavaScript object, a
//!   JSON object, parsed flags) by the declared fields: one generic parse for every experiment.
//!   [`parse_from`] reads them from any serde source (a JavaScript value), keeping NaN and ±∞
//!   so that the field receiving one refuses it instead of taking its default.

mod cells;
mod declare;
mod field;
mod non_finite;
mod values;

pub use cells::*;
pub use declare::Setting;
pub use field::{Field, Kind, ListKind, Role, Scale};
pub use non_finite::{non_finite, number_value, parse_from, value_from, NON_FINITE_KEY};
pub use values::{defaults, parse, FromValues, Values};

use serde_json::{json, Map, Value};

/// A live cell's declared state: its slot name, its URL prefix and its fields, in the order its
/// controls appear.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CellSchema {
    /// The cell's name: its notebook slot (`data-cell`) and the `cell` attribute of
    /// `<grad-scope>`.
    pub name: &'static str,
    /// The prefix of its URL keys (`prefix.key`); "" for the main widget.
    pub prefix: &'static str,
    /// Its fields.
    pub fields: &'static [Field],
}

impl CellSchema {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The field whose URL key is `key`.
    pub fn field_by_key(&self, key: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.key == key)
    }

    /// `{"prefix": …, "fields": {name: declaration, …}}`, fields in declaration order.
    pub fn to_json(&self) -> Value {
        let mut fields = Map::new();
        for f in self.fields {
            fields.insert(f.name.to_string(), f.to_json());
        }
        json!({ "prefix": self.prefix, "fields": Value::Object(fields) })
    }
}

/// The cell called `name`, if it is a live cell.
pub fn cell(name: &str) -> Option<&'static CellSchema> {
    CELLS.iter().copied().find(|c| c.name == name)
}

/// Every cell's declaration as one JSON object: `{"cells": {name: cell.to_json()}}`.
pub fn schema_json() -> Value {
    schema_json_of(CELLS)
}

/// The declaration of `cells` only, in the form of [`schema_json`]. A build that holds some
/// cells (the main widget's wasm) declares just those, and links no other cell's fields.
pub fn schema_json_of(cells: &[&CellSchema]) -> Value {
    let mut json_cells = Map::new();
    for c in cells {
        json_cells.insert(c.name.to_string(), c.to_json());
    }
    json!({ "cells": Value::Object(json_cells) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_keys_and_prefixes_are_unique() {
        let prefixes: HashSet<_> = CELLS.iter().map(|c| c.prefix).collect();
        assert_eq!(prefixes.len(), CELLS.len());
        let names: HashSet<_> = CELLS.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), CELLS.len());
        for c in CELLS {
            let fields: HashSet<_> = c.fields.iter().map(|f| f.name).collect();
            let keys: HashSet<_> = c.fields.iter().map(|f| f.key).collect();
            assert_eq!(fields.len(), c.fields.len(), "{}", c.name);
            assert_eq!(keys.len(), c.fields.len(), "{}", c.name);
        }
    }

    #[test]
    fn every_default_is_valid_and_every_range_is_ordered() {
        for c in CELLS {
            for f in c.fields {
                let what = format!("{}.{}", c.name, f.name);
                match f.kind {
                    Kind::Int { min, max, default } => {
                        assert!(min <= default && default <= max, "{what}")
                    }
                    Kind::Float { min, max, default } => {
                        assert!(min <= default && default <= max, "{what}")
                    }
                    Kind::Enum { choices, default } => {
                        assert!(choices.contains(&default), "{what}")
                    }
                    Kind::Bool { .. } => {}
                    Kind::List(l) => {
                        let length = l.default.len();
                        assert!(l.min_len <= length && length <= l.max_len, "{what}");
                        assert!(
                            l.default.iter().all(|&w| l.min <= w && w <= l.max),
                            "{what}"
                        );
                    }
                }
                if f.scale == Scale::Log {
                    let (lo, hi) = f.slider_range().unwrap();
                    assert!(
                        lo > 0.0 && lo < hi,
                        "{what}: a log slider needs a positive range"
                    );
                }
            }
        }
    }

    #[test]
    fn the_json_lists_every_cell_and_field() {
        let j = schema_json();
        for c in CELLS {
            for f in c.fields {
                let d = &j["cells"][c.name]["fields"][f.name];
                assert_eq!(d["key"], f.key);
                assert_eq!(d["default"], f.default_value());
            }
        }
        assert_eq!(j["cells"]["gradients"]["prefix"], "");
        assert_eq!(j["cells"]["gradients"]["fields"]["depth"]["max"], 200);
    }
}
