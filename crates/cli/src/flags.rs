//! A declared [`Field`] as a command-line flag: `--name` (with `_` → `-`), its help (the field's
//! doc, then its range or choices and unit), its default, and a value parser that turns the text
//! into the untyped value the generic parse reads. The range itself is checked by the field (see
//! [`values`]), so a flag and the page refuse exactly the same values.

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Arg, ArgAction, ArgMatches};
use gradscope_core::schema::{Field, Kind};
use gradscope_core::Error;
use serde_json::{Map, Number, Value};

/// The flag's name without the leading `--`: the field's name with `_` → `-`.
pub fn flag_name(field: &Field) -> String {
    field.name.replace('_', "-")
}

/// The values a field accepts, in words ("a whole number from 1 to 200", "one of f32, f64").
pub fn describe(field: &Field) -> String {
    match field.kind {
        Kind::Int { min, max, .. } => format!("a whole number from {min} to {max}"),
        Kind::Float { min, max, .. } => format!("a number from {min} to {max}"),
        Kind::Enum { choices, .. } => format!("one of {}", choices.join(", ")),
        Kind::Bool { .. } => "true or false".to_string(),
        Kind::List(l) => format!(
            "{} to {} whole numbers from {} to {}, separated by commas",
            l.min_len, l.max_len, l.min, l.max
        ),
    }
}

/// The flag's help: the field's doc, then what it accepts and its unit (clap lists the choices
/// of a name or an on/off flag itself, as its possible values).
pub fn help(field: &Field) -> String {
    let unit = if field.unit.is_empty() {
        String::new()
    } else {
        format!(", in {}", field.unit)
    };
    match field.kind {
        Kind::Enum { .. } | Kind::Bool { .. } => format!("{}{unit}", field.doc),
        _ => format!("{} ({}{unit})", field.doc, describe(field)),
    }
}

/// The clap argument of `field`. Its value is a [`serde_json::Value`]: a number, a name, a bool
/// or a list, not yet checked against the range (see [`values`]).
pub fn arg(field: &'static Field) -> Arg {
    let arg = Arg::new(field.name)
        .long(flag_name(field))
        .help(help(field))
        .default_value(field.default_text(","))
        .action(ArgAction::Set);
    match field.kind {
        Kind::Int { .. } => arg
            .allow_hyphen_values(true)
            .value_parser(move |text: &str| whole(field, text)),
        Kind::Float { .. } => arg
            .allow_hyphen_values(true)
            .value_parser(move |text: &str| real(field, text)),
        Kind::Enum { choices, .. } => {
            arg.value_parser(PossibleValuesParser::new(choices.iter().copied()).map(Value::String))
        }
        Kind::Bool { .. } => arg.value_parser(
            PossibleValuesParser::new(["true", "false"]).map(|b| Value::Bool(b == "true")),
        ),
        Kind::List(_) => arg.value_parser(move |text: &str| list(field, text)),
    }
}

/// The text of a whole number as JSON; the message says what the field accepts.
fn whole(field: &Field, text: &str) -> Result<Value, String> {
    text.parse::<i64>()
        .map(Value::from)
        .map_err(|_| format!("expected {}", describe(field)))
}

/// The text of a real number as JSON: NaN and ±∞ (also "1e309", which overflows) are refused,
/// since JSON cannot hold them; −0 is read as 0.
fn real(field: &Field, text: &str) -> Result<Value, String> {
    text.parse::<f64>()
        .ok()
        .and_then(|x| Number::from_f64(x + 0.0))
        .map(Value::Number)
        .ok_or_else(|| format!("expected {}", describe(field)))
}

/// Comma-separated whole numbers as a JSON array.
fn list(field: &Field, text: &str) -> Result<Value, String> {
    text.split(',')
        .map(|item| whole(field, item.trim()))
        .collect::<Result<Vec<_>, _>>()
        .map(Value::Array)
}

/// The values of `fields` in `matches` as one JSON object by field name, each checked by its
/// field (range, whole number, length): the object the generic parse
/// [`gradscope_core::schema::parse`] reads. The error names the field.
pub fn values(fields: &[&'static Field], matches: &ArgMatches) -> Result<Value, Error> {
    let mut map = Map::new();
    for field in fields {
        if let Some(value) = matches.get_one::<Value>(field.name) {
            check(field, value)?;
            map.insert(field.name.to_string(), value.clone());
        }
    }
    Ok(Value::Object(map))
}

/// One flag's value, checked by its field: for view fields the generic parse does not read.
pub fn value(field: &'static Field, matches: &ArgMatches) -> Result<Value, Error> {
    let value = matches.get_one::<Value>(field.name).cloned();
    let value = value.unwrap_or_else(|| field.default_value());
    check(field, &value)?;
    Ok(value)
}

fn check(field: &Field, value: &Value) -> Result<(), Error> {
    let v = Some(value);
    match field.kind {
        Kind::Int { .. } => field.read_int(v).map(drop),
        Kind::Float { .. } => field.read_float(v).map(drop),
        Kind::Enum { .. } => field.read_choice(v).map(drop),
        Kind::Bool { .. } => field.read_bool(v).map(drop),
        Kind::List(_) => field.read_list(v).map(drop),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Command;
    use gradscope_core::settings::fields::{DEPTH, PRECISION, SIGMA};

    fn matches(args: &[&str]) -> Result<ArgMatches, clap::Error> {
        Command::new("t")
            .args([arg(&DEPTH), arg(&SIGMA), arg(&PRECISION)])
            .try_get_matches_from(std::iter::once("t").chain(args.iter().copied()))
    }

    #[test]
    fn a_flag_is_the_field_with_its_default_and_range() {
        let a = arg(&DEPTH);
        assert_eq!(a.get_long(), Some("depth"));
        let help = a.get_help().unwrap().to_string();
        assert!(help.starts_with(DEPTH.doc), "{help}");
        assert!(help.contains("from 1 to 200"), "{help}");
        assert_eq!(a.get_default_values(), ["30"]);
        assert_eq!(flag_name(&Field::int("fan_in", 1, 2, 1)), "fan-in");
    }

    #[test]
    fn defaults_fill_in_and_values_are_checked_by_the_field() {
        let m = matches(&[]).unwrap();
        let v = values(&[&DEPTH, &SIGMA, &PRECISION], &m).unwrap();
        assert_eq!(v["depth"], DEPTH.default_value());
        assert_eq!(v["precision"], PRECISION.default_value());
        let m = matches(&["--depth", "201"]).unwrap();
        assert_eq!(values(&[&DEPTH], &m).unwrap_err().field(), "depth");
        let m = matches(&["--sigma", "-0"]).unwrap();
        assert_eq!(values(&[&SIGMA], &m).unwrap()["sigma"], 0.0);
    }

    #[test]
    fn text_that_is_not_a_value_is_refused_with_the_range() {
        for bad in ["", " 3", "3.5", "abc", "1e400", "٣", "0x10"] {
            let e = matches(&["--depth", bad]).unwrap_err().to_string();
            assert!(
                e.contains("--depth") && e.contains("1 to 200"),
                "{bad:?}: {e}"
            );
        }
        for bad in ["nan", "inf", "-Infinity", "1e309", ""] {
            let e = matches(&["--sigma", bad]).unwrap_err().to_string();
            assert!(
                e.contains("--sigma") && e.contains("0 to 10"),
                "{bad:?}: {e}"
            );
        }
        let e = matches(&["--precision", "f16"]).unwrap_err().to_string();
        assert!(e.contains("f32, f64"), "{e}");
    }
}
