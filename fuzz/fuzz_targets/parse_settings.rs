//! Settings parsing, as the wasm bindings, the CLI and the page's engine calls do it: any JSON
//! value, for every experiment and every declared field, gives a value or an error naming the
//! field; never a panic. The input is read two ways: as JSON text, and as a structured object
//! whose values are drawn from the numbers and strings that break parsers.

#![no_main]

use arbitrary::{Arbitrary, Unstructured};
use gradscope_core::schema::{parse, Field, CELLS};
use libfuzzer_sys::fuzz_target;
use serde_json::{json, Map, Value};

/// Every experiment's settings type, parsed from `value`; errors must name a field.
fn parse_all(value: &Value) {
    fn check<T: gradscope_core::schema::FromValues>(value: &Value) {
        if let Err(e) = parse::<T>(value) {
            assert!(!e.field().is_empty());
            assert!(!e.to_string().is_empty());
        }
    }
    check::<gradscope_core::GradSettings>(value);
    check::<gradscope_core::ProductSettings>(value);
    check::<gradscope_core::spectrum::SpectrumSettings>(value);
    check::<gradscope_core::xavier::XavierSettings>(value);
    check::<gradscope_core::deep_training::DeepSettings>(value);
    check::<gradscope_core::stability_map::MapSettings>(value);
    check::<gradscope_core::symmetry::MlpSettings>(value);
}

/// Every field of every cell reads `value` without panicking, and what it accepts is in range.
fn read_all(value: &Value) {
    for cell in CELLS {
        for f in cell.fields {
            read_field(f, value);
        }
    }
}

fn read_field(f: &Field, value: &Value) {
    let range = f.range();
    if let Ok(x) = f.read_float(Some(value)) {
        if let Some((lo, hi)) = range {
            assert!(lo <= x && x <= hi, "{}: {x} outside [{lo}, {hi}]", f.name);
        }
    }
    if let Ok(n) = f.read_int(Some(value)) {
        if let Some((lo, hi)) = range {
            assert!(lo <= n as f64 && n as f64 <= hi, "{}: {n}", f.name);
        }
    }
    let _ = f.read_choice(Some(value));
    let _ = f.read_bool(Some(value));
    if let Ok(list) = f.read_list(Some(value)) {
        if let Some((lo, hi)) = range {
            assert!(list.iter().all(|&w| lo <= w as f64 && w as f64 <= hi));
        }
    }
}

/// A value from the hostile set: huge, tiny, negative zero, fractions, wrong types.
fn hostile(u: &mut Unstructured) -> arbitrary::Result<Value> {
    let numbers = [
        0.0, -0.0, 1.0, -1.0, 0.5, 1e308, -1e308, 5e-324, 1e-300, 4294967295.0, 4294967296.0,
        9007199254740993.0, 200.0, 201.0, 128.0, 129.0, 10.0, 10.000001, 0.001, 0.0009999,
    ];
    Ok(match u.int_in_range(0..=7)? {
        0 => json!(*u.choose(&numbers)?),
        1 => json!(f64::arbitrary(u)?), // NaN and ±∞ become null in serde_json
        2 => json!(i64::arbitrary(u)?),
        3 => json!(u64::arbitrary(u)?),
        4 => json!(String::arbitrary(u)?),
        5 => json!(bool::arbitrary(u)?),
        6 => Value::Array((0..u.int_in_range(0..=20)?).map(|_| json!(f64::arbitrary(u).unwrap_or(0.0))).collect()),
        _ => Value::Null,
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = serde_json::from_slice::<Value>(data) {
        parse_all(&value);
        read_all(&value);
    }
    let mut u = Unstructured::new(data);
    let mut map = Map::new();
    for cell in CELLS {
        for f in cell.fields {
            if u.ratio(1, 2).unwrap_or(false) {
                if let Ok(v) = hostile(&mut u) {
                    read_field(f, &v);
                    map.insert(f.name.to_string(), v);
                }
            }
        }
    }
    parse_all(&Value::Object(map));
});
