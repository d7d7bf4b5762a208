//! `gradscope`: the engine on the command line.
//!
//! - `gradscope grads …` prints the per-layer statistics of the gradient experiment (JSON, CSV
//!   or the page's SVG chart);
//! - `gradscope product …` prints the norm and largest |entry| of a random-matrix product;
//! - `gradscope init …` prints one initialized weight matrix.
//!
//! Exit codes: 0 on success, 2 on a bad flag or value (the message names the flag and its valid
//! range or choices), 1 when the output cannot be written.

mod args;
mod json;

use args::{help, parse, Flag, Kind, Parsed, UsageError};
use gradscope_core::settings::limits;
use gradscope_core::{
    draws::stream_rng, predict, product::product_limits, random_product, Activation, GradSettings,
    GradientProbe, GradientReport, Initializer, NumStatus, Precision, ProductSettings,
};
use gradscope_web::charts::gradient_chart::{
    draw_gradient_chart, GradientChartLabels, GradientChartOptions, TheoryLines,
};
use gradscope_web::charts::ChartStyle;
use json::{cell, num, object};
use serde_json::Value;
use std::process::ExitCode;

const FORMATS_GRADS: &[&str] = &["json", "csv", "svg"];
const FORMATS_DATA: &[&str] = &["json", "csv"];
const BOOL: &[&str] = &["true", "false"];

/// Largest fan-in or fan-out `gradscope init` prints.
const MAX_FAN: u64 = 4096;

static GRADS_FLAGS: &[Flag] = &[
    Flag {
        name: "depth",
        kind: Kind::Int(limits::DEPTH.0 as u64, limits::DEPTH.1 as u64),
        default: Some("30"),
        help: "number of layers L",
    },
    Flag {
        name: "width",
        kind: Kind::Int(limits::WIDTH.0 as u64, limits::WIDTH.1 as u64),
        default: Some("64"),
        help: "units per layer n",
    },
    Flag {
        name: "batch",
        kind: Kind::Int(limits::BATCH.0 as u64, limits::BATCH.1 as u64),
        default: Some("32"),
        help: "examples per batch B",
    },
    Flag {
        name: "activation",
        kind: Kind::Choice(Activation::NAMES),
        default: Some("sigmoid"),
        help: "activation φ",
    },
    Flag {
        name: "init",
        kind: Kind::Choice(Initializer::NAMES),
        default: Some("normal"),
        help: "weight initializer",
    },
    Flag {
        name: "sigma",
        kind: Kind::Real(limits::SIGMA.0, limits::SIGMA.1),
        default: Some("0.1"),
        help: "σ: standard deviation, constant value or gain",
    },
    Flag {
        name: "seed",
        kind: Kind::Int(limits::SEED.0, limits::SEED.1),
        default: Some("1"),
        help: "seed of every random draw",
    },
    Flag {
        name: "precision",
        kind: Kind::Choice(Precision::NAMES),
        default: Some("f64"),
        help: "floating-point format",
    },
    Flag {
        name: "format",
        kind: Kind::Choice(FORMATS_GRADS),
        default: Some("json"),
        help: "output format",
    },
    Flag {
        name: "theory",
        kind: Kind::Choice(BOOL),
        default: Some("false"),
        help: "add the variance-propagation prediction",
    },
    Flag {
        name: "out",
        kind: Kind::Text,
        default: None,
        help: "write to this file instead of standard output",
    },
];

static PRODUCT_FLAGS: &[Flag] = &[
    Flag {
        name: "steps",
        kind: Kind::Int(
            product_limits::STEPS.0 as u64,
            product_limits::STEPS.1 as u64,
        ),
        default: Some("100"),
        help: "multiplications k after the first matrix",
    },
    Flag {
        name: "size",
        kind: Kind::Int(product_limits::SIZE.0 as u64, product_limits::SIZE.1 as u64),
        default: Some("4"),
        help: "matrix size n",
    },
    Flag {
        name: "sigma",
        kind: Kind::Real(product_limits::SIGMA.0, product_limits::SIGMA.1),
        default: Some("1"),
        help: "standard deviation of the entries",
    },
    Flag {
        name: "seed",
        kind: Kind::Int(limits::SEED.0, limits::SEED.1),
        default: Some("1"),
        help: "seed of the draws",
    },
    Flag {
        name: "precision",
        kind: Kind::Choice(Precision::NAMES),
        default: Some("f64"),
        help: "floating-point format",
    },
    Flag {
        name: "format",
        kind: Kind::Choice(FORMATS_DATA),
        default: Some("json"),
        help: "output format",
    },
    Flag {
        name: "out",
        kind: Kind::Text,
        default: None,
        help: "write to this file instead of standard output",
    },
];

static INIT_FLAGS: &[Flag] = &[
    Flag {
        name: "init",
        kind: Kind::Choice(Initializer::NAMES),
        default: Some("normal"),
        help: "weight initializer",
    },
    Flag {
        name: "fan-in",
        kind: Kind::Int(1, MAX_FAN),
        default: Some("4"),
        help: "n_in, the matrix's columns",
    },
    Flag {
        name: "fan-out",
        kind: Kind::Int(1, MAX_FAN),
        default: Some("4"),
        help: "n_out, the matrix's rows",
    },
    Flag {
        name: "sigma",
        kind: Kind::Real(limits::SIGMA.0, limits::SIGMA.1),
        default: Some("1"),
        help: "σ: standard deviation, constant value or gain",
    },
    Flag {
        name: "seed",
        kind: Kind::Int(limits::SEED.0, limits::SEED.1),
        default: Some("1"),
        help: "seed of the draws (layer 1's stream of the gradient experiment)",
    },
    Flag {
        name: "precision",
        kind: Kind::Choice(Precision::NAMES),
        default: Some("f64"),
        help: "floating-point format",
    },
    Flag {
        name: "format",
        kind: Kind::Choice(FORMATS_DATA),
        default: Some("json"),
        help: "output format",
    },
    Flag {
        name: "out",
        kind: Kind::Text,
        default: None,
        help: "write to this file instead of standard output",
    },
];

const USAGE: &str = "gradscope: numerical stability and initialization, on the command line

Usage:
  gradscope grads   [--depth L] [--width N] [--batch B] [--activation A] [--init I] [--sigma S]
                    [--seed K] [--precision f32|f64] [--format json|csv|svg] [--theory true|false]
                    [--out FILE]
  gradscope product [--steps K] [--size N] [--sigma S] [--seed K] [--precision f32|f64]
                    [--format json|csv] [--out FILE]
  gradscope init    [--init I] [--fan-in A] [--fan-out B] [--sigma S] [--seed K]
                    [--precision f32|f64] [--format json|csv] [--out FILE]
  gradscope <command> --help

Exit codes: 0 success, 1 output not written, 2 bad flag or value.
";

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    match run(&argv) {
        Ok(Some((text, out))) => match out {
            Some(path) => match std::fs::write(&path, text) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: --out: cannot write {path}: {e}");
                    ExitCode::from(1)
                }
            },
            None => {
                print!("{text}");
                ExitCode::SUCCESS
            }
        },
        Ok(None) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            eprintln!("Run 'gradscope --help' for usage.");
            ExitCode::from(2)
        }
    }
}

type Output = Option<(String, Option<String>)>;

fn run(argv: &[String]) -> Result<Output, UsageError> {
    let Some(command) = argv.first() else {
        print!("{USAGE}");
        return Err(UsageError(
            "missing command; one of grads, product, init".into(),
        ));
    };
    let rest = &argv[1..];
    let (flags, summary): (&'static [Flag], &str) = match command.as_str() {
        "--help" | "-h" | "help" => {
            print!("{USAGE}");
            return Ok(None);
        }
        "grads" => (
            GRADS_FLAGS,
            "per-layer gradient statistics of the L-layer network",
        ),
        "product" => (
            PRODUCT_FLAGS,
            "norm and largest entry of a product of random matrices",
        ),
        "init" => (INIT_FLAGS, "one weight matrix drawn by an initializer"),
        other => {
            return Err(UsageError(format!(
                "unknown command '{other}'; one of grads, product, init"
            )))
        }
    };
    if rest.iter().any(|a| a == "--help" || a == "-h") {
        print!("{}", help(command, summary, flags));
        return Ok(None);
    }
    let p = parse(rest, flags)?;
    let out = p.text("out").map(str::to_string);
    let text = match command.as_str() {
        "grads" => grads(&p)?,
        "product" => product(&p)?,
        _ => init(&p)?,
    };
    Ok(Some((text, out)))
}

/// A core error (a backstop: the parser checks the same ranges) as a usage error naming the flag.
fn core_error(e: gradscope_core::Error) -> UsageError {
    let text = e.to_string();
    let flag = e.field().replace('_', "-");
    let detail = text
        .strip_prefix(&format!("{}: ", e.field()))
        .unwrap_or(&text);
    UsageError(format!("--{flag}: {detail}"))
}

fn choice<T>(p: &Parsed, name: &str, f: fn(&str) -> Result<T, gradscope_core::Error>) -> T {
    f(p.text(name).expect("has a default")).expect("validated by the parser")
}

/// The settings of `gradscope grads`.
pub fn grad_settings(p: &Parsed) -> GradSettings {
    GradSettings {
        depth: p.int("depth") as usize,
        width: p.int("width") as usize,
        batch: p.int("batch") as usize,
        activation: choice(p, "activation", Activation::parse),
        init: choice(p, "init", Initializer::parse),
        sigma: p.real("sigma"),
        seed: p.int("seed"),
        precision: choice(p, "precision", Precision::parse),
    }
}

fn status_name(s: NumStatus) -> &'static str {
    match s {
        NumStatus::Ok => "ok",
        NumStatus::Underflow => "underflow",
        NumStatus::Overflow => "overflow",
    }
}

fn grads(p: &Parsed) -> Result<String, UsageError> {
    let s = grad_settings(p);
    let report: GradientReport = GradientProbe::new().run(&s).map_err(core_error)?;
    let theory = if p.text("theory") == Some("true") {
        Some(predict(&s).map_err(core_error)?)
    } else {
        None
    };
    let format = p.text("format").unwrap_or("json");
    let flags = |l: &gradscope_core::LayerStats| {
        let all = [l.grad_status, l.backward_status, l.forward_status];
        (
            all.contains(&NumStatus::Underflow),
            all.contains(&NumStatus::Overflow),
        )
    };
    Ok(match format {
        "csv" => {
            let mut out =
                String::from("layer,grad_norm,backward_norm,preact_std,underflow,overflow");
            if theory.is_some() {
                out.push_str(",theory_grad_norm,theory_backward_norm,theory_preact_std");
            }
            out.push('\n');
            for (i, l) in report.layers.iter().enumerate() {
                let (u, o) = flags(l);
                out.push_str(&format!(
                    "{},{},{},{},{u},{o}",
                    l.layer,
                    cell(l.grad_norm),
                    cell(l.backward_norm),
                    cell(l.preact_std)
                ));
                if let Some(t) = &theory {
                    let t = t[i];
                    out.push_str(&format!(
                        ",{},{},{}",
                        cell(t.grad_norm),
                        cell(t.backward_norm),
                        cell(t.preact_std)
                    ));
                }
                out.push('\n');
            }
            out
        }
        "svg" => svg(&report, theory.as_deref())?,
        _ => {
            let layers: Vec<Value> = report
                .layers
                .iter()
                .enumerate()
                .map(|(i, l)| {
                    let (u, o) = flags(l);
                    let mut pairs = vec![
                        ("layer", Value::from(l.layer)),
                        ("grad_norm", num(l.grad_norm)),
                        ("backward_norm", num(l.backward_norm)),
                        ("preact_std", num(l.preact_std)),
                        ("underflow", Value::Bool(u)),
                        ("overflow", Value::Bool(o)),
                        ("grad_status", status_name(l.grad_status).into()),
                        ("backward_status", status_name(l.backward_status).into()),
                        ("forward_status", status_name(l.forward_status).into()),
                    ];
                    if let Some(t) = &theory {
                        pairs.push((
                            "theory",
                            object(vec![
                                ("grad_norm", num(t[i].grad_norm)),
                                ("backward_norm", num(t[i].backward_norm)),
                                ("preact_std", num(t[i].preact_std)),
                            ]),
                        ));
                    }
                    object(pairs)
                })
                .collect();
            let v = &report.verdict;
            let verdict = object(vec![
                (
                    "kind",
                    serde_json::to_value(v.kind).expect("an enum serializes"),
                ),
                ("weight_decades", num(v.weight_decades)),
                ("backward_decades", num(v.backward_decades)),
                ("forward_decades", num(v.forward_decades)),
                ("first_overflow", v.first_overflow.into()),
                ("first_underflow", v.first_underflow.into()),
            ]);
            let settings = object(vec![
                ("depth", s.depth.into()),
                ("width", s.width.into()),
                ("batch", s.batch.into()),
                ("activation", s.activation.name().into()),
                ("init", s.init.name().into()),
                ("sigma", num(s.sigma)),
                ("seed", s.seed.into()),
                ("precision", s.precision.name().into()),
            ]);
            let doc = object(vec![
                ("settings", settings),
                ("loss", num(report.loss)),
                ("layers", Value::Array(layers)),
                ("verdict", verdict),
            ]);
            serde_json::to_string_pretty(&doc).expect("valid JSON") + "\n"
        }
    })
}

fn svg(
    report: &GradientReport,
    theory: Option<&[gradscope_core::LayerPrediction]>,
) -> Result<String, UsageError> {
    use plotters::prelude::*;
    let mut text = String::new();
    {
        let root = SVGBackend::with_string(&mut text, (900, 560)).into_drawing_area();
        let options = GradientChartOptions {
            theory: theory.map(|t| TheoryLines {
                grad_norm: t.iter().map(|p| p.grad_norm).collect(),
                backward_norm: t.iter().map(|p| p.backward_norm).collect(),
                preact_std: t.iter().map(|p| p.preact_std).collect(),
            }),
            ..GradientChartOptions::default()
        };
        let style = ChartStyle {
            font_family: "'DejaVu Sans', sans-serif".into(),
            scale: 1.0,
        };
        draw_gradient_chart(
            &root,
            &report.layers,
            &GradientChartLabels::default(),
            &options,
            &style,
        )
        .map_err(|e| UsageError(format!("--format svg: {e}")))?;
    }
    Ok(text)
}

fn product(p: &Parsed) -> Result<String, UsageError> {
    let s = ProductSettings {
        steps: p.int("steps") as usize,
        size: p.int("size") as usize,
        sigma: p.real("sigma"),
        seed: p.int("seed"),
        precision: choice(p, "precision", Precision::parse),
    };
    let r = random_product(&s).map_err(core_error)?;
    if p.text("format") == Some("csv") {
        let mut out = String::from("step,frobenius,max_abs,status\n");
        for st in &r.steps {
            out.push_str(&format!(
                "{},{},{},{}\n",
                st.step,
                cell(st.frobenius),
                cell(st.max_abs),
                status_name(st.status)
            ));
        }
        return Ok(out);
    }
    let matrix = |m: &[Vec<f64>]| {
        Value::Array(
            m.iter()
                .map(|row| Value::Array(row.iter().map(|&x| num(x)).collect()))
                .collect(),
        )
    };
    let doc = object(vec![
        (
            "settings",
            object(vec![
                ("steps", s.steps.into()),
                ("size", s.size.into()),
                ("sigma", num(s.sigma)),
                ("seed", s.seed.into()),
                ("precision", s.precision.name().into()),
            ]),
        ),
        (
            "steps",
            Value::Array(
                r.steps
                    .iter()
                    .map(|st| {
                        object(vec![
                            ("step", st.step.into()),
                            ("frobenius", num(st.frobenius)),
                            ("max_abs", num(st.max_abs)),
                            ("status", status_name(st.status).into()),
                        ])
                    })
                    .collect(),
            ),
        ),
        ("first_overflow", r.first_overflow.into()),
        ("first_underflow", r.first_underflow.into()),
        ("first", matrix(&r.first)),
        ("product", matrix(&r.product)),
    ]);
    Ok(serde_json::to_string_pretty(&doc).expect("valid JSON") + "\n")
}

fn init(p: &Parsed) -> Result<String, UsageError> {
    let init = choice(p, "init", Initializer::parse);
    let (fan_in, fan_out) = (p.int("fan-in") as usize, p.int("fan-out") as usize);
    let sigma = p.real("sigma");
    let seed = p.int("seed");
    let precision = choice(p, "precision", Precision::parse);
    let mut rng = stream_rng(seed, 1);
    let rows: Vec<Vec<f64>> = match precision {
        Precision::F64 => {
            let w = init.sample::<f64, _>(&mut rng, sigma, fan_in, fan_out);
            (0..fan_out)
                .map(|i| (0..fan_in).map(|j| w[(i, j)]).collect())
                .collect()
        }
        Precision::F32 => {
            let w = init.sample::<f32, _>(&mut rng, sigma, fan_in, fan_out);
            (0..fan_out)
                .map(|i| (0..fan_in).map(|j| w[(i, j)] as f64).collect())
                .collect()
        }
    };
    if p.text("format") == Some("csv") {
        let mut out = String::new();
        for row in &rows {
            let cells: Vec<String> = row.iter().map(|&x| cell(x)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        return Ok(out);
    }
    let doc = object(vec![
        ("init", init.name().into()),
        ("fan_in", fan_in.into()),
        ("fan_out", fan_out.into()),
        ("sigma", num(sigma)),
        ("seed", seed.into()),
        ("precision", precision.name().into()),
        ("scale", num(init.scale(sigma, fan_in, fan_out))),
        ("std_dev", num(init.std_dev(sigma, fan_in, fan_out))),
        (
            "second_moment",
            num(init.second_moment(sigma, fan_in, fan_out)),
        ),
        (
            "weights",
            Value::Array(
                rows.iter()
                    .map(|r| Value::Array(r.iter().map(|&x| num(x)).collect()))
                    .collect(),
            ),
        ),
    ]);
    Ok(serde_json::to_string_pretty(&doc).expect("valid JSON") + "\n")
}
