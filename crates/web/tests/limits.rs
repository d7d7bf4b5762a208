//! The ranges the limit exports (`limits`, `productLimits`, `spectrumLimits`, `xavierLimits`)
//! give the page are read off the core's declared fields.

use gradscope_core::product::product_fields;
use gradscope_core::schema::Field;
use gradscope_core::settings::fields;
use gradscope_core::spectrum::spectrum_fields;
use gradscope_core::xavier::{xavier_fields, MAX_LAYERS};
use gradscope_web::bindings::range::Range;
use serde_json::json;

fn range(f: &Field) -> (f64, f64) {
    let r = Range::of(f);
    (r.min, r.max)
}

#[test]
fn each_range_is_the_declared_one() {
    assert_eq!(range(&fields::DEPTH), (1.0, 200.0));
    assert_eq!(range(&fields::SIGMA), (0.0, 10.0));
    assert_eq!(range(&fields::SEED), (0.0, u32::MAX as f64));
    assert_eq!(range(&product_fields::STEPS), (0.0, 10_000.0));
    assert_eq!(range(&spectrum_fields::SIGMA), (f64::MIN_POSITIVE, 10.0));
    // Xavier: each width's range, and the number of layers = entries − 1.
    assert_eq!(range(&xavier_fields::WIDTHS), (1.0, 128.0));
    let layers = Range::layers_of(&xavier_fields::WIDTHS);
    assert_eq!((layers.min, layers.max), (1.0, MAX_LAYERS as f64));
    // A field with no range (a choice) and a non-list have none.
    assert_eq!(range(&fields::ACTIVATION), (0.0, 0.0));
    let none = Range::layers_of(&fields::DEPTH);
    assert_eq!((none.min, none.max), (0.0, 0.0));
}

#[test]
fn a_range_reaches_the_page_as_min_and_max() {
    let v = serde_json::to_value(Range::of(&fields::BATCH)).unwrap();
    assert_eq!(v, json!({"min": 1.0, "max": 128.0}));
}
