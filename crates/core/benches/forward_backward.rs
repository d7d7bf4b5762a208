//! The engine natively: one forward and backward pass with per-layer norms, timed with a plain
//! loop (no benchmark framework: it builds fast on a small machine), and a pure GEMM of the same
//! shapes. Prints the median and spread of the time per pass, in f32 and f64, for the settings
//! that `npm run bench` also times in the browser (the same Rust compiled to wasm, and
//! TensorFlow.js), so that the two can be compared.
//!
//! Run with `cargo bench -p gradscope-core --bench forward_backward`. With
//! `GRADSCOPE_BENCH_OUT=DIR` it also writes `DIR/native.json` (every median, for
//! `bench/results.json`) and `DIR/check-weights.bin`, the f32 input and weights of the check
//! setting, so that the benchmark page can run TensorFlow.js on exactly our weights and compare
//! the per-layer gradient norms.

use gradscope_core::real::{product_into, Op};
use gradscope_core::{Activation, GradSettings, GradientProbe, Initializer, Precision, Real};
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use serde_json::{json, Value};
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Times `pass` until at least `budget` has elapsed (and at least 5 samples), each sample
/// running enough passes to last ≥ 10 ms; returns the per-pass times of the samples in
/// seconds, sorted.
fn time(mut pass: impl FnMut(), budget: Duration) -> Vec<f64> {
    let start = Instant::now();
    pass();
    let once = start.elapsed().as_secs_f64().max(1e-9);
    let reps = ((0.01 / once).ceil() as usize).max(1);
    let mut samples = Vec::new();
    let begin = Instant::now();
    while samples.len() < 5 || begin.elapsed() < budget {
        let t = Instant::now();
        for _ in 0..reps {
            pass();
        }
        samples.push(t.elapsed().as_secs_f64() / reps as f64);
        if samples.len() >= 200 {
            break;
        }
    }
    samples.sort_by(f64::total_cmp);
    samples
}

fn summary(samples: &[f64]) -> Value {
    json!({
        "median_ms": samples[samples.len() / 2] * 1e3,
        "min_ms": samples[0] * 1e3,
        "max_ms": samples[samples.len() - 1] * 1e3,
        "samples": samples.len(),
    })
}

/// The settings compared with the browser: `key` is `depth×width×batch`.
fn comparison(depth: usize, width: usize, batch: usize) -> GradSettings {
    GradSettings {
        depth,
        width,
        batch,
        activation: Activation::Relu,
        init: Initializer::HeNormal,
        sigma: 1.0,
        ..GradSettings::default()
    }
}

fn key(s: &GradSettings) -> String {
    format!("{}x{}x{}", s.depth, s.width, s.batch)
}

/// One pure GEMM C = A·X with A n×n and X n×B, the shape of every matmul in the step.
fn gemm<T: Real>(n: usize, batch: usize, budget: Duration) -> Vec<f64> {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let mut draw = |r, c| {
        let m = DMatrix::<f64>::from_fn(r, c, |_, _| StandardNormal.sample(&mut rng));
        T::matrix_from_f64(&m).into_owned()
    };
    let a = draw(n, n);
    let x = draw(n, batch);
    let mut c = DMatrix::<T>::zeros(n, batch);
    time(
        || {
            product_into(false, T::one(), &a, Op::N, &x, Op::N, &mut c);
            black_box(&c);
        },
        budget,
    )
}

/// The f32 input x (n × B) and weights Wˡ = sˡ·Dˡ (n × n) of `s`, column-major, one after the
/// other, as little-endian f32.
fn check_weights(s: &GradSettings) -> Vec<u8> {
    let mut cache = gradscope_core::draws::DrawCache::new();
    let widths = s.widths();
    let (x, draws) = cache.get(s.seed, &widths, s.batch, s.init.family());
    let mut out = Vec::new();
    out.extend(x.iter().flat_map(|v| (*v as f32).to_le_bytes()));
    for (l, d) in draws.iter().enumerate() {
        let scale = s.init.scale(s.sigma, widths[l], widths[l + 1]) as f32;
        out.extend(d.iter().flat_map(|v| (scale * *v as f32).to_le_bytes()));
    }
    out
}

fn main() {
    // `cargo test --benches` runs this with --test: one quick pass each keeps that cheap.
    let quick = std::env::args().any(|a| a == "--test");
    let budget = Duration::from_millis(if quick { 0 } else { 2000 });
    let out_dir = std::env::var_os("GRADSCOPE_BENCH_OUT").map(PathBuf::from);

    let mut cases = vec![("page default".to_string(), GradSettings::default())];
    for (d, w, b) in [(30, 64, 32), (200, 64, 32), (200, 128, 128)] {
        let s = comparison(d, w, b);
        cases.push((key(&s), s));
    }
    let mut case_rows = Vec::new();
    for (name, s) in &cases {
        let mut medians = Vec::new();
        for precision in [Precision::F32, Precision::F64] {
            let s = GradSettings {
                precision,
                ..s.clone()
            };
            // The same call the wasm Engine.gradients makes (without the JS conversions).
            let mut probe = GradientProbe::new();
            probe.run(&s).expect("valid settings");
            let samples = time(
                || {
                    black_box(probe.run(&s).expect("valid settings"));
                },
                budget,
            );
            let med = samples[samples.len() / 2];
            medians.push(med);
            println!(
                "{:<14} {} ({}, {}): {precision:?} median {:>10.1} µs/pass  (min {:.1}, max {:.1}, {} samples)",
                name,
                key(&s),
                s.activation.name(),
                s.init.name(),
                med * 1e6,
                samples[0] * 1e6,
                samples[samples.len() - 1] * 1e6,
                samples.len()
            );
            let mut row = summary(&samples);
            row["name"] = json!(name);
            row["key"] = json!(key(&s));
            row["precision"] = json!(precision);
            row["settings"] = serde_json::to_value(&s).expect("settings serialize");
            row["gflops"] = json!(6.0 * (s.depth * s.batch * s.width * s.width) as f64 / med / 1e9);
            case_rows.push(row);
        }
        println!(
            "{name:<14} f64/f32 time ratio {:.2}",
            medians[1] / medians[0]
        );
    }

    let mut gemm_rows = Vec::new();
    for (n, b) in [(64, 32), (128, 128)] {
        for precision in [Precision::F32, Precision::F64] {
            let samples = match precision {
                Precision::F32 => gemm::<f32>(n, b, budget / 2),
                Precision::F64 => gemm::<f64>(n, b, budget / 2),
            };
            let med = samples[samples.len() / 2];
            let gflops = 2.0 * (b * n * n) as f64 / med / 1e9;
            println!(
                "GEMM {n}x{n} · {n}x{b}: {precision:?} median {:>8.2} µs  ({gflops:.2} GFLOP/s)",
                med * 1e6
            );
            let mut row = summary(&samples);
            row["n"] = json!(n);
            row["batch"] = json!(b);
            row["precision"] = json!(precision);
            row["gflops"] = json!(gflops);
            gemm_rows.push(row);
        }
    }

    if let Some(dir) = out_dir {
        std::fs::create_dir_all(&dir).expect("create GRADSCOPE_BENCH_OUT");
        let check = comparison(30, 64, 32);
        let reports: Vec<Value> = [Precision::F32, Precision::F64]
            .into_iter()
            .map(|precision| {
                let s = GradSettings {
                    precision,
                    ..check.clone()
                };
                let r = GradientProbe::new().run(&s).expect("valid settings");
                json!({
                    "precision": precision,
                    "grad_norms": r.layers.iter().map(|l| l.grad_norm).collect::<Vec<_>>(),
                })
            })
            .collect();
        std::fs::write(dir.join("check-weights.bin"), check_weights(&check))
            .expect("write check-weights.bin");
        let doc = json!({
            "threads": 1,
            "target": std::env::consts::ARCH,
            "cases": case_rows,
            "gemm": gemm_rows,
            "check": {
                "settings": serde_json::to_value(&check).expect("settings serialize"),
                "file": "check-weights.bin",
                "layout": "little-endian f32, column-major: x (width × batch), then W1..WL (width × width), W = scale · draws",
                "reports": reports,
            },
        });
        let path = dir.join("native.json");
        std::fs::write(&path, serde_json::to_string_pretty(&doc).expect("json"))
            .expect("write native.json");
        println!("wrote {}", path.display());
    }
}
