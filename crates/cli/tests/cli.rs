//! The built `gradscope` binary: valid JSON that agrees with the core, CSV, SVG, exit codes.

use gradscope_core::{
    random_product, Activation, GradSettings, GradientProbe, Initializer, Precision,
    ProductSettings,
};
use serde_json::Value;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gradscope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn json(args: &[&str]) -> Value {
    let out = run(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// A JSON number, or the strings "inf", "-inf", "nan" for the non-finite ones.
fn number(v: &Value) -> f64 {
    match v {
        Value::Number(n) => n.as_f64().unwrap(),
        Value::String(s) if s == "inf" => f64::INFINITY,
        Value::String(s) if s == "-inf" => f64::NEG_INFINITY,
        Value::String(s) if s == "nan" => f64::NAN,
        other => panic!("not a number: {other}"),
    }
}

/// Equal up to the reading: serde_json writes the shortest round-trip decimal, but its default
/// parser (without the `float_roundtrip` feature) may land one ulp away, so 2 ulps are allowed.
fn same(a: f64, b: f64) -> bool {
    a == b || (a.is_nan() && b.is_nan()) || (a - b).abs() <= 2.0 * f64::EPSILON * b.abs()
}

#[test]
fn grads_json_agrees_with_the_core() {
    let v = json(&[
        "grads",
        "--depth",
        "12",
        "--width",
        "16",
        "--batch",
        "8",
        "--activation",
        "tanh",
        "--init",
        "xavier-uniform",
        "--sigma",
        "1.5",
        "--seed",
        "9",
        "--precision",
        "f32",
    ]);
    let s = GradSettings {
        depth: 12,
        width: 16,
        batch: 8,
        activation: Activation::Tanh,
        init: Initializer::XavierUniform,
        sigma: 1.5,
        seed: 9,
        precision: Precision::F32,
    };
    let r = GradientProbe::new().run(&s).unwrap();
    let layers = v["layers"].as_array().unwrap();
    assert_eq!(layers.len(), 12);
    assert_eq!(v["settings"]["init"], "xavier-uniform");
    for (l, row) in r.layers.iter().zip(layers) {
        assert_eq!(row["layer"].as_u64().unwrap() as usize, l.layer);
        assert!(same(number(&row["grad_norm"]), l.grad_norm));
        assert!(same(number(&row["backward_norm"]), l.backward_norm));
        assert!(same(number(&row["preact_std"]), l.preact_std));
    }
    assert_eq!(layers[0]["layer"], 1, "layer 1 is nearest the input");
}

#[test]
fn overflow_is_written_as_strings_and_flagged() {
    let v = json(&[
        "grads",
        "--depth",
        "80",
        "--width",
        "128",
        "--activation",
        "relu",
        "--sigma",
        "10",
        "--precision",
        "f32",
    ]);
    let layers = v["layers"].as_array().unwrap();
    let bad: Vec<&Value> = layers
        .iter()
        .filter(|l| !number(&l["grad_norm"]).is_finite())
        .collect();
    assert!(!bad.is_empty(), "f32 ReLU with σ = 10 overflows");
    for l in bad {
        assert!(l["grad_norm"].is_string());
        assert_eq!(l["overflow"], true);
    }
}

#[test]
fn underflow_is_flagged() {
    let v = json(&[
        "grads",
        "--depth",
        "200",
        "--width",
        "16",
        "--sigma",
        "0.05",
        "--precision",
        "f32",
    ]);
    let layers = v["layers"].as_array().unwrap();
    assert_eq!(layers[0]["underflow"], true, "deep sigmoid, small σ, f32");
    assert_eq!(number(&layers[0]["grad_norm"]), 0.0);
}

#[test]
fn csv_has_a_row_per_layer_and_theory_columns() {
    let out = run(&[
        "grads", "--depth", "5", "--format", "csv", "--theory", "true",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6);
    assert!(lines[0].starts_with("layer,grad_norm,backward_norm,preact_std,underflow,overflow"));
    for l in &lines[1..] {
        assert_eq!(l.split(',').count(), 9);
    }
}

#[test]
fn product_json_agrees_with_the_core_and_reports_f32_overflow() {
    let v = json(&[
        "product",
        "--steps",
        "300",
        "--precision",
        "f32",
        "--seed",
        "4",
    ]);
    let r = random_product(&ProductSettings {
        steps: 300,
        precision: Precision::F32,
        seed: 4,
        ..ProductSettings::default()
    })
    .unwrap();
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 301);
    for (a, b) in steps.iter().zip(&r.steps) {
        assert!(same(number(&a["max_abs"]), b.max_abs));
        assert!(same(number(&a["frobenius"]), b.frobenius));
    }
    assert_eq!(
        v["first_overflow"].as_u64().map(|k| k as usize),
        r.first_overflow
    );
    assert!(r.first_overflow.is_some());
}

#[test]
fn init_prints_the_matrix_of_the_requested_shape() {
    let v = json(&[
        "init",
        "--init",
        "mxnet-default",
        "--fan-in",
        "30",
        "--fan-out",
        "20",
    ]);
    let rows = v["weights"].as_array().unwrap();
    assert_eq!(rows.len(), 20);
    for r in rows {
        let r = r.as_array().unwrap();
        assert_eq!(r.len(), 30);
        assert!(r.iter().all(|x| number(x).abs() <= 0.07));
    }
    let c = json(&[
        "init", "--init", "constant", "--sigma", "0.3", "--fan-in", "3",
    ]);
    for r in c["weights"].as_array().unwrap() {
        for x in r.as_array().unwrap() {
            assert_eq!(number(x), 0.3);
        }
    }
}

#[test]
fn bad_input_exits_2_and_names_the_flag() {
    let cases: &[(&[&str], &str, &str)] = &[
        (&["grads", "--depth", "0"], "--depth", "1 to 200"),
        (&["grads", "--width", "abc"], "--width", "1 to 128"),
        (
            &["grads", "--activation", "gelu"],
            "--activation",
            "sigmoid, tanh, relu, identity",
        ),
        (&["grads", "--precision", "f16"], "--precision", "f32, f64"),
        (&["grads", "--sigma", "nan"], "--sigma", "0 to 10"),
        (&["grads", "--format", "png"], "--format", "json, csv, svg"),
        (&["grads", "--bogus", "1"], "--bogus", "--depth"),
        (&["grads", "--depth"], "--depth", "value is required"),
        (&["grads", "--depth"], "--depth", "1 to 200"),
        (&["init", "--fan-out"], "--fan-out", "1 to 4096"),
        (&["product", "--size", "0"], "--size", "1 to 64"),
        (&["init", "--fan-in", "0"], "--fan-in", "1 to 4096"),
        (&["init", "--init", "orthogonal"], "--init", "xavier-normal"),
        (&["frobnicate"], "frobnicate", "grads, product, init"),
    ];
    for (args, flag, range) in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(flag) && err.contains(range), "{args:?}: {err}");
    }
}

#[test]
fn help_exits_0() {
    for args in [
        &["--help"][..],
        &["grads", "--help"],
        &["product", "--help"],
        &["init", "-h"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0));
        assert!(!out.stdout.is_empty());
    }
}

#[test]
fn svg_is_well_formed() {
    let dir = std::env::temp_dir().join(format!("gradscope-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chart.svg");
    let out = run(&[
        "grads",
        "--format",
        "svg",
        "--theory",
        "true",
        "--out",
        path.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = std::fs::read_to_string(&path).unwrap();
    std::fs::remove_dir_all(&dir).ok();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    // Balanced elements: every opening tag that is not self-closing has its closing tag.
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg.as_str();
    while let Some(start) = rest.find('<') {
        let end = rest[start..].find('>').expect("tag closes") + start;
        let tag = &rest[start + 1..end];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(
                stack.pop().as_deref(),
                Some(name.trim()),
                "mismatched </{name}>"
            );
        } else if !tag.ends_with('/') && !tag.starts_with('?') && !tag.starts_with('!') {
            let name = tag.split_whitespace().next().unwrap().to_string();
            stack.push(name);
        }
        rest = &rest[end + 1..];
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    assert!(
        svg.contains("<polyline") || svg.contains("<path"),
        "has lines"
    );
}
