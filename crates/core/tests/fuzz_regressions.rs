//! Inputs that `npm run fuzz` (cargo fuzz, fuzz/fuzz_targets/) found, kept as unit tests so they
//! stay fixed.

use gradscope_core::schema::{cell, CELLS};
use serde_json::Value;

/// parse_settings, 2026-12-02: reading the symmetry cell's dropout rate (a number field in
/// [0.05, 0.9], default 0.5) as a whole number with no value gave 0, the default truncated,
/// outside the field's range (and a list field gave 0 below its entries' range). Now a number
/// field's default is read as a whole number only when it is one, a field that is not a number
/// refuses, and every whole number read is within the field's range.
#[test]
fn a_whole_number_read_from_a_number_field_with_no_value_is_in_range() {
    let rate = cell("symmetry")
        .and_then(|c| c.field("rate"))
        .expect("the symmetry cell declares its dropout rate");
    assert!(rate.read_int(None).is_err(), "0.5 is not a whole number");
    assert!(rate.read_int(Some(&Value::Null)).is_err());
    for c in CELLS {
        for f in c.fields {
            if let (Ok(n), Some((lo, hi))) = (f.read_int(None), f.range()) {
                assert!(
                    lo <= n as f64 && n as f64 <= hi,
                    "{}.{}: {n}",
                    c.name,
                    f.name
                );
            }
        }
    }
}

/// parse_settings, 2026-12-02 (the second run): reading a list field (the Xavier cell's widths,
/// entries in [1, 128]) as a number with no value gave 0. Every number read with no value is now
/// the field's own default, and a field that is not a number refuses.
#[test]
fn a_number_read_from_any_field_with_no_value_is_in_range() {
    for c in CELLS {
        for f in c.fields {
            if let (Ok(x), Some((lo, hi))) = (f.read_float(None), f.range()) {
                assert!(lo <= x && x <= hi, "{}.{}: {x}", c.name, f.name);
            }
        }
    }
}
