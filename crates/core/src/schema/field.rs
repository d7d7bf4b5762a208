//! One declared setting: its name, URL key, kind, default, range or choices, slider scale and
//! unit. Every surface (the page's controls and URL hash, the CLI's flags, the `<grad-scope>`
//! attributes, the Jupyter traits, `docs/parameters.md`) reads these declarations; nothing else
//! writes a range, a default or a list of choices.

use crate::Error;
use serde_json::{json, Map, Value};

/// What kind of value a field holds, with its default and its allowed values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    /// A whole number n with min ≤ n ≤ max.
    Int {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// The value used when none is given.
        default: i64,
    },
    /// A real number x with min ≤ x ≤ max (never NaN or ±∞).
    Float {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// The value used when none is given.
        default: f64,
    },
    /// One name out of a fixed list.
    Enum {
        /// The accepted names, in the order a control lists them.
        choices: &'static [&'static str],
        /// The name used when none is given (one of `choices`).
        default: &'static str,
    },
    /// On or off.
    Bool {
        /// The value used when none is given.
        default: bool,
    },
    /// A list of whole numbers (see [`ListKind`]).
    List(ListKind),
}

/// A list of whole numbers, each in [min, max], with min_len ≤ length ≤ max_len.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListKind {
    /// Smallest allowed entry.
    pub min: i64,
    /// Largest allowed entry.
    pub max: i64,
    /// Fewest entries.
    pub min_len: usize,
    /// Most entries.
    pub max_len: usize,
    /// The list used when none is given.
    pub default: &'static [i64],
}

/// How a slider maps its position to a value: evenly (linear) or evenly in log₁₀ (log).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scale {
    /// value = min + (max − min)·t.
    Linear,
    /// log₁₀ value = log₁₀ lo + (log₁₀ hi − log₁₀ lo)·t, for a positive range.
    Log,
}

/// Whether a field changes the numbers the engine computes, or only how the cell shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Changes the experiment: a new value means a new computation.
    Setting,
    /// Changes only the view (a table shown, a series toggled, the playback speed).
    View,
}

/// One declared setting. See the module documentation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Field {
    /// The name in state objects, attributes, traits and CLI flags (`--name` with `_` → `-`).
    pub name: &'static str,
    /// The key in the URL hash (short; prefixed by the cell's prefix on the page).
    pub key: &'static str,
    /// The kind, default and allowed values.
    pub kind: Kind,
    /// A slider's scale.
    pub scale: Scale,
    /// The span a slider covers, where it differs from the range (a log slider cannot reach 0:
    /// the number box still takes every value of the range).
    pub slider: Option<(f64, f64)>,
    /// The unit ("" for a pure number), e.g. "layers".
    pub unit: &'static str,
    /// Whether it changes the numbers or only the view.
    pub role: Role,
    /// One sentence saying what it is, in English (for `docs/parameters.md` and `--help`).
    pub doc: &'static str,
}

impl Field {
    /// A whole-number setting in [min, max].
    pub const fn int(name: &'static str, min: i64, max: i64, default: i64) -> Field {
        Field::new(name, Kind::Int { min, max, default })
    }

    /// A real-number setting in [min, max].
    pub const fn float(name: &'static str, min: f64, max: f64, default: f64) -> Field {
        Field::new(name, Kind::Float { min, max, default })
    }

    /// A choice among `choices`.
    pub const fn choice(
        name: &'static str,
        choices: &'static [&'static str],
        default: &'static str,
    ) -> Field {
        Field::new(name, Kind::Enum { choices, default })
    }

    /// An on/off setting.
    pub const fn bool(name: &'static str, default: bool) -> Field {
        Field::new(name, Kind::Bool { default })
    }

    /// A list of whole numbers.
    pub const fn list(
        name: &'static str,
        (min, max): (i64, i64),
        (min_len, max_len): (usize, usize),
        default: &'static [i64],
    ) -> Field {
        Field::new(
            name,
            Kind::List(ListKind {
                min,
                max,
                min_len,
                max_len,
                default,
            }),
        )
    }

    const fn new(name: &'static str, kind: Kind) -> Field {
        Field {
            name,
            key: name,
            kind,
            scale: Scale::Linear,
            slider: None,
            unit: "",
            role: Role::Setting,
            doc: "",
        }
    }

    /// The same field under another URL key.
    pub const fn key(mut self, key: &'static str) -> Field {
        self.key = key;
        self
    }

    /// The same field under another name, which is also its URL key (set another with
    /// [`Field::key`] after this).
    pub const fn named(mut self, name: &'static str) -> Field {
        self.name = name;
        self.key = name;
        self
    }

    /// The same field on a log slider.
    pub const fn log(mut self) -> Field {
        self.scale = Scale::Log;
        self
    }

    /// The same field on a log slider spanning [lo, hi] (inside the range).
    pub const fn log_slider(mut self, lo: f64, hi: f64) -> Field {
        self.scale = Scale::Log;
        self.slider = Some((lo, hi));
        self
    }

    /// The same field with a unit.
    pub const fn unit(mut self, unit: &'static str) -> Field {
        self.unit = unit;
        self
    }

    /// The same field, marked as changing only the view.
    pub const fn view(mut self) -> Field {
        self.role = Role::View;
        self
    }

    /// The same field with its one-sentence description.
    pub const fn doc(mut self, doc: &'static str) -> Field {
        self.doc = doc;
        self
    }

    /// The same numeric field with a narrower (or other) range; the default is kept. A cell
    /// narrows the engine's field this way, so that the cell's range is written once, here.
    pub const fn within(mut self, lo: f64, hi: f64) -> Field {
        self.kind = match self.kind {
            Kind::Int { default, .. } => Kind::Int {
                min: lo as i64,
                max: hi as i64,
                default,
            },
            Kind::Float { default, .. } => Kind::Float {
                min: lo,
                max: hi,
                default,
            },
            Kind::List(list) => Kind::List(ListKind {
                min: lo as i64,
                max: hi as i64,
                ..list
            }),
            other => other,
        };
        self
    }

    /// The same numeric field with another default.
    pub const fn default_number(mut self, default: f64) -> Field {
        self.kind = match self.kind {
            Kind::Int { min, max, .. } => Kind::Int {
                min,
                max,
                default: default as i64,
            },
            Kind::Float { min, max, .. } => Kind::Float { min, max, default },
            other => other,
        };
        self
    }

    /// The same choice field with other choices and default.
    pub const fn choices(
        mut self,
        choices: &'static [&'static str],
        default: &'static str,
    ) -> Field {
        self.kind = Kind::Enum { choices, default };
        self
    }

    /// The numeric range [min, max] (of the entries, for a list); `None` for enums and bools.
    pub fn range(&self) -> Option<(f64, f64)> {
        match self.kind {
            Kind::Int { min, max, .. } | Kind::List(ListKind { min, max, .. }) => {
                Some((min as f64, max as f64))
            }
            Kind::Float { min, max, .. } => Some((min, max)),
            _ => None,
        }
    }

    /// The span a slider covers: the declared slider span, else the range.
    pub fn slider_range(&self) -> Option<(f64, f64)> {
        self.slider.or_else(|| self.range())
    }

    /// The default as JSON.
    pub fn default_value(&self) -> Value {
        match self.kind {
            Kind::Int { default, .. } => json!(default),
            Kind::Float { default, .. } => json!(default),
            Kind::Enum { default, .. } => json!(default),
            Kind::Bool { default } => json!(default),
            Kind::List(list) => json!(list.default),
        }
    }

    /// The default as a user would type it: `30`, `0.1`, `relu`, `true`; a list's numbers joined
    /// by `separator`.
    pub fn default_text(&self, separator: &str) -> String {
        match self.default_value() {
            Value::String(s) => s,
            Value::Array(items) => items
                .iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(separator),
            _ => match self.kind {
                Kind::Float { default, .. } => default.to_string(),
                _ => self.default_value().to_string(),
            },
        }
    }

    /// The type's name in the schema JSON: "int", "float", "enum", "bool" or "list".
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            Kind::Int { .. } => "int",
            Kind::Float { .. } => "float",
            Kind::Enum { .. } => "enum",
            Kind::Bool { .. } => "bool",
            Kind::List(_) => "list",
        }
    }

    /// The declaration as JSON: `{key, type, default, min, max, scale, [slider_min, slider_max],
    /// unit, role, doc}` for numbers, `choices` in place of min/max for enums, and `min_len`/`max_len` for lists.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("key".into(), json!(self.key));
        m.insert("type".into(), json!(self.type_name()));
        m.insert("default".into(), self.default_value());
        match self.kind {
            Kind::Int { min, max, .. } => {
                m.insert("min".into(), json!(min));
                m.insert("max".into(), json!(max));
            }
            Kind::Float { min, max, .. } => {
                m.insert("min".into(), json!(min));
                m.insert("max".into(), json!(max));
            }
            Kind::Enum { choices, .. } => {
                m.insert("choices".into(), json!(choices));
            }
            Kind::Bool { .. } => {}
            Kind::List(list) => {
                m.insert("min".into(), json!(list.min));
                m.insert("max".into(), json!(list.max));
                m.insert("min_len".into(), json!(list.min_len));
                m.insert("max_len".into(), json!(list.max_len));
            }
        }
        if matches!(self.kind, Kind::Int { .. } | Kind::Float { .. }) {
            let scale = match self.scale {
                Scale::Linear => "linear",
                Scale::Log => "log",
            };
            m.insert("scale".into(), json!(scale));
            if let Some((lo, hi)) = self.slider {
                m.insert("slider_min".into(), json!(lo));
                m.insert("slider_max".into(), json!(hi));
            }
        }
        m.insert("unit".into(), json!(self.unit));
        let role = match self.role {
            Role::Setting => "setting",
            Role::View => "view",
        };
        m.insert("role".into(), json!(role));
        m.insert("doc".into(), json!(self.doc));
        Value::Object(m)
    }

    // ----- strict checks: the engine's validation -----------------------------------------

    /// Checks a whole number against the declared range; the error names the field.
    pub fn check_int<T: Copy + Into<i128> + std::fmt::Display>(
        &self,
        value: T,
    ) -> Result<T, Error> {
        let (min, max) = self.int_range();
        let v: i128 = value.into();
        if v < min as i128 || v > max as i128 {
            return Err(Error::out_of_range(
                self.name,
                value.to_string(),
                min.to_string(),
                max.to_string(),
            ));
        }
        Ok(value)
    }

    /// Checks a real number against the declared range (NaN and ±∞ are refused).
    pub fn check_float(&self, value: f64) -> Result<f64, Error> {
        let (min, max) = self.range().unwrap_or((f64::NEG_INFINITY, f64::INFINITY));
        // `!(a <= b)` rather than `a > b`, so that NaN is refused too.
        #[allow(clippy::neg_cmp_op_on_partial_ord)]
        if !(min <= value && value <= max) {
            return Err(Error::out_of_range(self.name, value, min, max));
        }
        Ok(value)
    }

    /// Checks a name against the declared choices.
    pub fn check_choice<'a>(&self, value: &'a str) -> Result<&'a str, Error> {
        match self.kind {
            Kind::Enum { choices, .. } if !choices.contains(&value) => Err(Error::UnknownChoice {
                field: self.name,
                value: value.to_string(),
                choices,
            }),
            _ => Ok(value),
        }
    }

    fn int_range(&self) -> (i64, i64) {
        match self.kind {
            Kind::Int { min, max, .. } | Kind::List(ListKind { min, max, .. }) => (min, max),
            Kind::Float { min, max, .. } => (min.ceil() as i64, max.floor() as i64),
            _ => (i64::MIN, i64::MAX),
        }
    }

    // ----- reading untyped values (JavaScript objects, JSON, command lines) ----------------

    /// Reads a whole number from `value` (the default when absent or null): it must be a finite,
    /// whole number in range.
    pub fn read_int(&self, value: Option<&Value>) -> Result<i64, Error> {
        match (value.filter(|v| !v.is_null()), self.kind) {
            // A real field's default is a whole number only if it is one, and it is in range.
            (None, Kind::Int { default, .. }) => Ok(default),
            (None, Kind::Float { default, .. }) => self.whole(default),
            (None, _) => Err(wrong_type(self.name, "a whole number")),
            (Some(v), _) => self.whole(number(self.name, v)?),
        }
    }

    /// Reads a real number (the default when absent or null): finite and in range.
    pub fn read_float(&self, value: Option<&Value>) -> Result<f64, Error> {
        match (value.filter(|v| !v.is_null()), self.kind) {
            (None, Kind::Int { default, .. }) => Ok(default as f64),
            (None, Kind::Float { default, .. }) => Ok(default),
            (None, _) => Err(wrong_type(self.name, "a number")),
            (Some(v), _) => self.check_float(number(self.name, v)?),
        }
    }

    /// Reads a name (the default when absent or null): one of the choices.
    pub fn read_choice(&self, value: Option<&Value>) -> Result<&'static str, Error> {
        let Kind::Enum { choices, default } = self.kind else {
            return Err(wrong_type(self.name, "a name"));
        };
        match value.filter(|v| !v.is_null()) {
            None => Ok(default),
            Some(Value::String(s)) => {
                choices
                    .iter()
                    .copied()
                    .find(|c| c == s)
                    .ok_or_else(|| Error::UnknownChoice {
                        field: self.name,
                        value: s.clone(),
                        choices,
                    })
            }
            Some(_) => Err(wrong_type(self.name, "a name")),
        }
    }

    /// Reads on/off (the default when absent or null): `true`/`false`, or 1/0.
    pub fn read_bool(&self, value: Option<&Value>) -> Result<bool, Error> {
        let default = matches!(self.kind, Kind::Bool { default: true });
        match value.filter(|v| !v.is_null()) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(v) if v.as_f64() == Some(1.0) => Ok(true),
            Some(v) if v.as_f64() == Some(0.0) => Ok(false),
            Some(_) => Err(wrong_type(self.name, "true or false")),
        }
    }

    /// Reads a list of whole numbers (the default when absent or null): an array of numbers,
    /// each whole and in range, with an allowed length.
    pub fn read_list(&self, value: Option<&Value>) -> Result<Vec<i64>, Error> {
        let Kind::List(ListKind {
            min_len,
            max_len,
            default,
            ..
        }) = self.kind
        else {
            return Err(wrong_type(self.name, "a list"));
        };
        let items = match value.filter(|v| !v.is_null()) {
            None => return Ok(default.to_vec()),
            Some(Value::Array(items)) => items,
            Some(_) => return Err(wrong_type(self.name, "a list of numbers")),
        };
        if items.len() < min_len || items.len() > max_len {
            return Err(Error::Inconsistent {
                field: self.name,
                reason: format!("{} entries; give {min_len} to {max_len}", items.len()),
            });
        }
        items
            .iter()
            .map(|v| self.whole(number(self.name, v)?))
            .collect()
    }

    fn whole(&self, x: f64) -> Result<i64, Error> {
        let (min, max) = self.int_range();
        if !x.is_finite() || x.fract() != 0.0 || x < min as f64 || x > max as f64 {
            return Err(Error::out_of_range(self.name, x, min as f64, max as f64));
        }
        Ok(x as i64)
    }
}

/// A number, or the f64 a non-finite marker stands for (see [`super::non_finite`]), which the
/// caller's range check then refuses by the field's name.
fn number(field: &'static str, v: &Value) -> Result<f64, Error> {
    v.as_f64()
        .or_else(|| super::non_finite::non_finite(v))
        .ok_or_else(|| wrong_type(field, "a number"))
}

fn wrong_type(field: &'static str, expected: &str) -> Error {
    Error::Inconsistent {
        field,
        reason: format!("expected {expected}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEPTH: Field = Field::int("depth", 1, 200, 30);
    const SIGMA: Field = Field::float("sigma", 0.0, 10.0, 0.1).log();
    const ACT: Field = Field::choice("activation", &["sigmoid", "relu"], "sigmoid").key("act");
    const WIDTHS: Field = Field::list("widths", (1, 128), (2, 4), &[64, 32]);

    #[test]
    fn absent_values_take_the_default() {
        assert_eq!(DEPTH.read_int(None).unwrap(), 30);
        assert_eq!(DEPTH.read_int(Some(&Value::Null)).unwrap(), 30);
        assert_eq!(SIGMA.read_float(None).unwrap(), 0.1);
        assert_eq!(ACT.read_choice(None).unwrap(), "sigmoid");
        assert_eq!(WIDTHS.read_list(None).unwrap(), vec![64, 32]);
    }

    #[test]
    fn every_bad_value_names_the_field() {
        for bad in [json!(0), json!(201), json!(2.5), json!("3"), json!(true)] {
            assert_eq!(
                DEPTH.read_int(Some(&bad)).unwrap_err().field(),
                "depth",
                "{bad}"
            );
        }
        for bad in [json!(-0.1), json!(10.5), json!("x")] {
            assert_eq!(
                SIGMA.read_float(Some(&bad)).unwrap_err().field(),
                "sigma",
                "{bad}"
            );
        }
        assert_eq!(
            ACT.read_choice(Some(&json!("elu"))).unwrap_err().field(),
            "activation"
        );
        for bad in [
            json!([64]),
            json!([1, 2, 3, 4, 5]),
            json!([64, 0]),
            json!("64,32"),
        ] {
            assert_eq!(
                WIDTHS.read_list(Some(&bad)).unwrap_err().field(),
                "widths",
                "{bad}"
            );
        }
        assert_eq!(SIGMA.check_float(f64::NAN).unwrap_err().field(), "sigma");
        for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let marker = super::super::non_finite::number_value(x);
            let e = SIGMA.read_float(Some(&marker)).unwrap_err();
            assert_eq!(
                e.to_string(),
                format!("sigma: {x} is outside the range 0 to 10")
            );
            assert_eq!(DEPTH.read_int(Some(&marker)).unwrap_err().field(), "depth");
            let list = json!([64, marker]);
            assert_eq!(WIDTHS.read_list(Some(&list)).unwrap_err().field(), "widths");
        }
        assert_eq!(DEPTH.check_int(0usize as u32).unwrap_err().field(), "depth");
    }

    #[test]
    fn bounds_are_inclusive() {
        assert_eq!(DEPTH.read_int(Some(&json!(1))).unwrap(), 1);
        assert_eq!(DEPTH.read_int(Some(&json!(200))).unwrap(), 200);
        assert_eq!(SIGMA.read_float(Some(&json!(0))).unwrap(), 0.0);
        assert_eq!(SIGMA.read_float(Some(&json!(10))).unwrap(), 10.0);
    }

    #[test]
    fn narrowing_keeps_the_rest_of_the_declaration() {
        let narrow = DEPTH.within(2.0, 40.0).key("d");
        assert_eq!(narrow.range(), Some((2.0, 40.0)));
        assert_eq!(narrow.read_int(None).unwrap(), 30);
        assert_eq!(narrow.default_number(4.0).read_int(None).unwrap(), 4);
        assert_eq!(narrow.name, "depth");
        assert_eq!(narrow.key, "d");
        let json = SIGMA.to_json();
        assert_eq!(json["scale"], "log");
        assert_eq!(json["type"], "float");
        assert_eq!(ACT.to_json()["choices"], json!(["sigmoid", "relu"]));
    }
}
