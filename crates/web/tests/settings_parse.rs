//! The settings path of every export that takes settings: `bindings::settings` hands the
//! JavaScript object to `gradscope_core::schema::parse_from` through serde_wasm_bindgen's
//! deserializer. Natively, `Js` below stands in for that deserializer: it visits values as
//! serde_wasm_bindgen 0.6 does (`deserialize_any`: null/undefined → unit, safe integers → i64,
//! other numbers, NaN and ±∞ included → f64, strings, arrays, plain objects → map). The objects
//! are the ones www/cells/*.js pass today.

use gradscope_core::deep_training::DeepSettings;
use gradscope_core::rescaling::RescalingSettings;
use gradscope_core::schema::{parse, parse_from, FromValues};
use gradscope_core::softmax_regression::SoftmaxSettings;
use gradscope_core::spectrum::SpectrumSettings;
use gradscope_core::symmetry::MlpSettings;
use gradscope_core::xavier::XavierSettings;
use gradscope_core::{Activation, GradSettings, Initializer, Precision, ProductSettings};
use serde::de::value::{Error as DeError, MapDeserializer, SeqDeserializer};
use serde::de::{Deserializer, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use serde_json::json;

/// A JavaScript value, as serde_wasm_bindgen presents it to a visitor.
#[derive(Debug, Clone)]
enum Js {
    Undefined,
    Num(f64),
    Str(&'static str),
    Bool(bool),
    Arr(Vec<Js>),
    Obj(Vec<(&'static str, Js)>),
}

impl<'de> Deserializer<'de> for Js {
    type Error = DeError;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
        match self {
            Js::Undefined => v.visit_unit(),
            Js::Bool(b) => v.visit_bool(b),
            Js::Num(x) if x.fract() == 0.0 && x.abs() <= MAX_SAFE => v.visit_i64(x as i64),
            Js::Num(x) => v.visit_f64(x),
            Js::Str(s) => v.visit_str(s),
            Js::Arr(items) => v.visit_seq(SeqDeserializer::new(items.into_iter())),
            Js::Obj(entries) => v.visit_map(MapDeserializer::new(entries.into_iter())),
        }
    }
    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

impl<'de> IntoDeserializer<'de, DeError> for Js {
    type Deserializer = Js;
    fn into_deserializer(self) -> Js {
        self
    }
}

fn js<T: FromValues>(entries: Vec<(&'static str, Js)>) -> Result<T, gradscope_core::Error> {
    parse_from(Js::Obj(entries))
}

use Js::{Bool, Num, Str};

/// www/cells/gradients.js: the gradient widget's state as it is.
fn gradient_object(sigma: Js) -> Vec<(&'static str, Js)> {
    vec![
        ("depth", Num(30.0)),
        ("width", Num(64.0)),
        ("batch", Num(32.0)),
        ("activation", Str("relu")),
        ("init", Str("he-normal")),
        ("sigma", sigma),
        ("seed", Num(4_294_967_295.0)),
        ("precision", Str("f32")),
    ]
}

/// www/cells/symmetry.js (trainerSettings): no inputs, samples or activation.
fn symmetry_object() -> Vec<(&'static str, Js)> {
    vec![
        ("hidden", Num(3.0)),
        ("init", Str("constant")),
        ("sigma", Num(0.5)),
        ("dropout", Num(0.2)),
        ("learning_rate", Num(0.1)),
        ("seed", Num(1.0)),
    ]
}

#[test]
fn the_pages_argument_objects_parse() {
    let g: GradSettings = js(gradient_object(Num(0.25))).unwrap();
    assert_eq!(
        (g.depth, g.activation, g.init, g.sigma, g.seed, g.precision),
        (
            30,
            Activation::Relu,
            Initializer::HeNormal,
            0.25,
            4_294_967_295,
            Precision::F32
        )
    );

    // www/cells/product.js
    let p: ProductSettings = js(vec![
        ("steps", Num(100.0)),
        ("size", Num(4.0)),
        ("sigma", Num(1.0)),
        ("seed", Num(7.0)),
        ("precision", Str("f64")),
    ])
    .unwrap();
    assert_eq!((p.steps, p.size, p.seed), (100, 4, 7));

    // www/cells/spectrum.js
    let s: SpectrumSettings = js(vec![
        ("size", Num(8.0)),
        ("sigma", Num(0.5)),
        ("seed", Num(2.0)),
    ])
    .unwrap();
    assert_eq!((s.size, s.sigma, s.seed), (8, 0.5, 2));

    // www/cells/rescaling.js
    let r: RescalingSettings = js(vec![
        ("activation", Str("tanh")),
        ("alpha", Num(0.25)),
        ("negative", Bool(true)),
        ("layer", Num(3.0)),
        ("width", Num(8.0)),
        ("seed", Num(5.0)),
    ])
    .unwrap();
    assert_eq!(
        (r.activation, r.signed_alpha(), r.layer),
        (Activation::Tanh, -0.25, 3)
    );

    // www/cells/softmax.js
    let m: SoftmaxSettings = js(vec![
        ("value", Num(-1.5)),
        ("learning_rate", Num(0.05)),
        ("steps", Num(300.0)),
        ("classes", Num(4.0)),
        ("per_class", Num(20.0)),
        ("spread", Num(0.7)),
        ("seed", Num(9.0)),
    ])
    .unwrap();
    assert_eq!(
        (m.value, m.steps, m.classes, m.per_class),
        (-1.5, 300, 4, 20)
    );

    // www/cells/symmetry.js
    let m: MlpSettings = js(symmetry_object()).unwrap();
    let d = MlpSettings::default();
    assert_eq!((m.hidden, m.dropout, m.learning_rate), (3, 0.2, 0.1));
    assert_eq!(
        (m.inputs, m.samples, m.activation),
        (d.inputs, d.samples, d.activation)
    );

    // www/cells/lars.js (larsSettings) and training.js (runSettings).
    let deep: DeepSettings = js(vec![
        ("depth", Num(6.0)),
        ("width", Num(32.0)),
        ("activation", Str("relu")),
        ("init", Str("normal")),
        ("sigma", Num(1.0)),
        ("learning_rate", Num(0.02)),
        ("batch", Num(0.0)),
        ("samples", Num(128.0)),
        ("lars", Bool(true)),
        ("seed", Num(1.0)),
    ])
    .unwrap();
    assert_eq!(
        deep,
        DeepSettings {
            lars: true,
            ..DeepSettings::diverging()
        }
    );

    // www/cells/xavier.js
    let x: XavierSettings = js(vec![
        ("widths", Js::Arr(vec![Num(64.0), Num(128.0), Num(32.0)])),
        ("sigma", Num(0.1)),
        ("activation", Str("tanh")),
        ("batch", Num(64.0)),
        ("seed", Num(1.0)),
    ])
    .unwrap();
    assert_eq!((x.widths, x.batch), (vec![64, 128, 32], 64));
}

#[test]
fn nan_and_infinity_are_refused_by_their_field_not_read_as_the_default() {
    for x in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let e = js::<GradSettings>(gradient_object(Num(x))).unwrap_err();
        assert_eq!(e.field(), "sigma", "{x}");
        assert_eq!(
            e.to_string(),
            format!("sigma: {x} is outside the range 0 to 10")
        );

        let e = js::<MlpSettings>(vec![("learning_rate", Num(x))]).unwrap_err();
        assert_eq!(e.field(), "learning_rate", "{x}");
        let e = js::<DeepSettings>(vec![("depth", Num(x))]).unwrap_err();
        assert_eq!(e.field(), "depth", "{x}");
        let e =
            js::<XavierSettings>(vec![("widths", Js::Arr(vec![Num(64.0), Num(x)]))]).unwrap_err();
        assert_eq!(e.field(), "widths", "{x}");
        let e = js::<ProductSettings>(vec![("seed", Num(x))]).unwrap_err();
        assert_eq!(e.field(), "seed", "{x}");
        let e = js::<SpectrumSettings>(vec![("size", Num(x))]).unwrap_err();
        assert_eq!(e.field(), "size", "{x}");
    }
}

#[test]
fn undefined_and_absent_fields_take_the_declared_default() {
    let mut object = gradient_object(Js::Undefined);
    object.retain(|(k, _)| *k != "depth");
    let g: GradSettings = js(object).unwrap();
    let d = GradSettings::default();
    assert_eq!((g.depth, g.sigma), (d.depth, d.sigma));
    let all: GradSettings = parse_from(Js::Undefined).unwrap();
    assert_eq!(all, d);
}

#[test]
fn every_bad_value_names_its_field() {
    let cases: Vec<(&str, Js)> = vec![
        ("depth", Num(2.5)),
        ("depth", Num(0.0)),
        ("width", Num(1e9)),
        ("batch", Str("32")),
        ("activation", Str("elu")),
        ("init", Num(1.0)),
        ("sigma", Num(-1.0)),
        ("seed", Num(-1.0)),
        ("precision", Str("f16")),
    ];
    for (field, value) in cases {
        let mut object = gradient_object(Num(1.0));
        object.retain(|(k, _)| *k != field);
        object.push((field, value.clone()));
        let e = js::<GradSettings>(object).unwrap_err();
        assert_eq!(e.field(), field, "{field} = {value:?}: {e}");
    }
    let e = parse_from::<GradSettings, _>(Num(3.0)).unwrap_err();
    assert_eq!(e.field(), "settings");
}

/// The same objects as JSON (the CLI's and the docs' form) parse to the same settings.
#[test]
fn json_objects_parse_like_javascript_objects() {
    let from_json: MlpSettings = parse(&json!({
        "hidden": 3, "init": "constant", "sigma": 0.5, "dropout": 0.2,
        "learning_rate": 0.1, "seed": 1
    }))
    .unwrap();
    let from_js: MlpSettings = js(symmetry_object()).unwrap();
    assert_eq!(from_json, from_js);
}
