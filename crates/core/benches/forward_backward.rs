//! One forward and backward pass, timed with a plain loop (no benchmark framework: it builds
//! fast on a small machine). Prints the median and the spread of the time per pass for the
//! page's default setting and for depth 100, width 256, batch 128, in f32 and f64.
//!
//! Run with `cargo bench -p gradscope-core --bench forward_backward`.

use gradscope_core::probe::build_network;
use gradscope_core::stats::norm;
use gradscope_core::{Activation, GradSettings, Initializer, Real};
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rand_distr::{Distribution, StandardNormal};
use std::hint::black_box;
use std::time::{Duration, Instant};

struct Case {
    name: &'static str,
    depth: usize,
    width: usize,
    batch: usize,
    activation: Activation,
    init: Initializer,
    sigma: f64,
}

/// Times `pass` until at least `budget` has elapsed (and at least 5 samples), each sample
/// running enough passes to last ≥ 10 ms; returns the per-pass times of the samples, sorted.
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

fn run<T: Real>(c: &Case) -> Vec<f64> {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    let widths = vec![c.width; c.depth + 1];
    let draws: Vec<DMatrix<f64>> = (0..c.depth)
        .map(|_| DMatrix::from_fn(c.width, c.width, |_, _| StandardNormal.sample(&mut rng)))
        .collect();
    let refs: Vec<&DMatrix<f64>> = draws.iter().collect();
    let x64 = DMatrix::<f64>::from_fn(c.width, c.batch, |_, _| StandardNormal.sample(&mut rng));
    let x = T::matrix_from_f64(&x64).into_owned();
    let net = build_network::<T>(c.activation, c.init, c.sigma, &widths, &refs);
    time(
        || {
            let fwd = net.forward(&x);
            let mut total = 0.0;
            net.backward(&fwd, |_, d_w, d_h| {
                total += norm(d_w.as_slice()) + norm(d_h.as_slice());
            });
            black_box(total);
        },
        Duration::from_secs(3),
    )
}

fn main() {
    let d = GradSettings::default();
    let cases = [
        Case {
            name: "page default (depth 30, width 64, batch 32, sigmoid)",
            depth: d.depth,
            width: d.width,
            batch: d.batch,
            activation: d.activation,
            init: d.init,
            sigma: d.sigma,
        },
        Case {
            name: "large (depth 100, width 256, batch 128, relu, he-normal)",
            depth: 100,
            width: 256,
            batch: 128,
            activation: Activation::Relu,
            init: Initializer::HeNormal,
            sigma: 1.0,
        },
    ];
    // `cargo test --benches` passes --bench too; a quick single pass keeps that cheap.
    let quick = std::env::args().any(|a| a == "--test");
    for c in &cases {
        let mut medians = Vec::new();
        for (label, samples) in [
            ("f32", if quick { vec![0.0] } else { run::<f32>(c) }),
            ("f64", if quick { vec![0.0] } else { run::<f64>(c) }),
        ] {
            let med = samples[samples.len() / 2];
            let (lo, hi) = (samples[0], samples[samples.len() - 1]);
            medians.push(med);
            println!(
                "{:<58} {label}: median {:>10.1} µs/pass  (min {:.1}, max {:.1}, {} samples)",
                c.name,
                med * 1e6,
                lo * 1e6,
                hi * 1e6,
                samples.len()
            );
        }
        if !quick {
            println!(
                "{:<58} f64/f32 time ratio {:.2}",
                c.name,
                medians[1] / medians[0]
            );
        }
    }
}
