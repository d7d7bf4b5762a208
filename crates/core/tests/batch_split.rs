//! The batch split across workers (`gradscope_core::batch_split`): the statistics combined from
//! slices equal the whole batch's, to the rounding of the sums that are added in another order.
//!
//! The tolerances come from the standard bound for a sum of m terms in precision u (u = ε/2):
//! any order of summation errs by at most γ_m·Σ|terms|, γ_m = m·u/(1 − m·u). Each entry of
//! ∂ℓ/∂Wˡ is a sum over the B examples of δˡ_{ib}·hˡ⁻¹_{jb}; the whole batch's product and the
//! split (slices summed, then the slices added) are two such orders, so the two matrices differ
//! entrywise by at most 2·γ_B·Sᵢⱼ, S = Σ_b |δ_b h_bᵀ|, and their Frobenius norms by at most
//! 2·γ_B·‖S‖_F (plus the norm's own rounding, γ_K relative for K entries, on each side). S is
//! measured here from one-example slices, whose partial matrix is the single exact product
//! δ_b h_bᵀ. This relies on each example's column being computed the same way in a slice and in
//! the whole batch (a column of a matrix product does not depend on the other columns), which
//! the test also checks through the forward and backward statistics, held to the rounding of
//! their own sums: γ_K relative for the backward norm (K = n·B squares), and 4·γ_K·max|z| for
//! the standard deviation of z (two passes over K values, scaled exactly by a power of two ≤ max|z|).

use gradscope_core::batch_split::{combine, Partial, PartialSums};
use gradscope_core::{
    Activation, GradSettings, GradientProbe, Initializer, NumStatus, Precision, Real,
};
use std::ops::Range;

fn gamma(m: usize, eps: f64) -> f64 {
    let mu = m as f64 * eps / 2.0;
    mu / (1.0 - mu)
}

/// Σ_b |δ_b h_bᵀ| per layer, from one-example slices, as f64 entries.
fn abs_sums<T: Real>(parts: &[PartialSums<T>]) -> Vec<f64> {
    let mut s = vec![0.0; parts[0].grads.len()];
    for p in parts {
        for (a, &v) in s.iter_mut().zip(&p.grads) {
            *a += v.as_f64().abs();
        }
    }
    s
}

fn slices(settings: &GradSettings, cuts: &[usize]) -> Vec<Partial> {
    let mut probe = GradientProbe::new();
    let mut bounds = vec![0];
    bounds.extend_from_slice(cuts);
    bounds.push(settings.batch);
    bounds
        .windows(2)
        .map(|w| probe.partial(settings, w[0]..w[1], settings.batch).unwrap())
        .collect()
}

fn check<T: Real>(
    settings: &GradSettings,
    cuts: &[usize],
    unwrap: fn(Partial) -> PartialSums<T>,
    eps: f64,
) {
    let whole = GradientProbe::new().run(settings).unwrap();
    let split = combine(&slices(settings, cuts)).unwrap();
    let ones: Vec<usize> = (1..settings.batch).collect();
    let singles: Vec<PartialSums<T>> = slices(settings, &ones).into_iter().map(unwrap).collect();
    let s = abs_sums(&singles);
    let (n, b) = (settings.width, settings.batch);
    let k = n * b;
    let label = format!("{settings:?} cut at {cuts:?}");
    assert_eq!(split.precision, whole.precision);
    assert_eq!(split.layers.len(), whole.layers.len());
    let mut offset = 0;
    for (i, (w, p)) in whole.layers.iter().zip(&split.layers).enumerate() {
        let sl = &s[offset..offset + n * n];
        offset += n * n;
        assert_eq!(w.layer, p.layer);
        if !w.grad_norm.is_finite() || !w.backward_norm.is_finite() || !w.preact_std.is_finite() {
            // Lost to overflow: both say so.
            assert_eq!(
                w.worst_status(),
                NumStatus::Overflow,
                "{label} layer {}",
                i + 1
            );
            assert_eq!(
                p.worst_status(),
                NumStatus::Overflow,
                "{label} layer {}",
                i + 1
            );
            continue;
        }
        assert_eq!(w.statuses(), p.statuses(), "{label} layer {}", i + 1);
        let s_norm = sl.iter().map(|v| v * v).sum::<f64>().sqrt();
        let tol = 2.0 * gamma(b, eps) * s_norm + 2.0 * gamma(n * n + 2, eps) * w.grad_norm;
        assert!(
            (w.grad_norm - p.grad_norm).abs() <= tol,
            "{label} layer {}: ‖∂ℓ/∂W‖ {} vs {} (tolerance {tol:e})",
            i + 1,
            w.grad_norm,
            p.grad_norm
        );
        let tol = 2.0 * gamma(k + 4, eps.max(f64::EPSILON)) * w.backward_norm;
        assert!(
            (w.backward_norm - p.backward_norm).abs() <= tol,
            "{label} layer {}: backward {} vs {} (tolerance {tol:e})",
            i + 1,
            w.backward_norm,
            p.backward_norm
        );
        let z_max = singles
            .iter()
            .map(|q| q.layers[i].preact.max)
            .fold(0.0, f64::max);
        // The statistics are summed in f64 whatever the run's precision.
        let tol = 4.0 * gamma(2 * k + 4, f64::EPSILON) * z_max;
        assert!(
            (w.preact_std - p.preact_std).abs() <= tol,
            "{label} layer {}: std z {} vs {} (tolerance {tol:e})",
            i + 1,
            w.preact_std,
            p.preact_std
        );
    }
    // The loss: Σ hᴸ over K = n·B outputs in f64, two orders; Σ|hᴸ| from the one-example slices
    // is exact for activations with outputs ≥ 0, and bounds the terms' size otherwise only per
    // example, so the loss is checked where the outputs are ≥ 0.
    if matches!(settings.activation, Activation::Relu | Activation::Sigmoid)
        && whole.loss.is_finite()
    {
        let abs: f64 = singles.iter().map(|q| q.output_sum.abs()).sum::<f64>() / b as f64;
        let tol = 2.0 * gamma(k, f64::EPSILON) * abs;
        assert!(
            (whole.loss - split.loss).abs() <= tol,
            "{label}: loss {} vs {}",
            whole.loss,
            split.loss
        );
    }
    assert_eq!(whole.verdict.kind, split.verdict.kind, "{label}");
}

fn f64s(p: Partial) -> PartialSums<f64> {
    p.as_f64().expect("an f64 run").clone()
}

fn f32s(p: Partial) -> PartialSums<f32> {
    p.as_f32().expect("an f32 run").clone()
}

fn settings(
    depth: usize,
    width: usize,
    batch: usize,
    activation: Activation,
    init: Initializer,
    sigma: f64,
    precision: Precision,
) -> GradSettings {
    GradSettings {
        depth,
        width,
        batch,
        activation,
        init,
        sigma,
        seed: 11,
        precision,
    }
}

#[test]
fn split_equals_whole_in_f64() {
    use Activation::*;
    use Initializer::*;
    for s in [
        settings(30, 24, 12, Relu, HeNormal, 1.0, Precision::F64),
        settings(40, 16, 10, Sigmoid, Normal, 0.1, Precision::F64),
        settings(25, 20, 9, Tanh, Normal, 2.5, Precision::F64),
        settings(12, 32, 16, Relu, Uniform, 0.8, Precision::F64),
    ] {
        check(&s, &[s.batch / 2], f64s, f64::EPSILON);
        check(&s, &[1, s.batch / 3, s.batch - 1], f64s, f64::EPSILON);
    }
}

#[test]
fn split_equals_whole_in_f32_also_through_overflow_and_underflow() {
    use Activation::*;
    use Initializer::*;
    for s in [
        settings(30, 24, 12, Relu, HeNormal, 1.0, Precision::F32),
        // σ = 8 with ReLU explodes past f32's range; σ = 0.01 vanishes below it.
        settings(60, 16, 8, Relu, Normal, 8.0, Precision::F32),
        settings(60, 16, 8, Identity, Normal, 0.01, Precision::F32),
    ] {
        check(&s, &[3], f32s, f32::EPSILON as f64);
        check(&s, &[1, 2, 5], f32s, f32::EPSILON as f64);
    }
}

#[test]
fn a_preview_is_the_experiment_with_the_first_examples() {
    // The input's columns are drawn one example after the other, so the first b examples of
    // batch B are the input of batch b: the preview is the run with batch b, to rounding.
    let s = settings(
        20,
        16,
        12,
        Activation::Relu,
        Initializer::HeNormal,
        1.0,
        Precision::F64,
    );
    let mut probe = GradientProbe::new();
    let preview = probe.preview(&s, 4).unwrap();
    let small = GradientProbe::new()
        .run(&GradSettings {
            batch: 4,
            ..s.clone()
        })
        .unwrap();
    for (p, q) in preview.layers.iter().zip(&small.layers) {
        for (a, b) in [
            (p.grad_norm, q.grad_norm),
            (p.backward_norm, q.backward_norm),
            (p.preact_std, q.preact_std),
        ] {
            // Same products, same sums over 4 examples; only the statistics' sums differ.
            assert!((a - b).abs() <= 1e3 * f64::EPSILON * b.abs(), "{a} vs {b}");
        }
    }
    assert!((preview.loss - small.loss).abs() <= 1e3 * f64::EPSILON * small.loss.abs());
    let drawn = probe.matrices_drawn();
    probe
        .preview(
            &GradSettings {
                sigma: 0.5,
                ..s.clone()
            },
            4,
        )
        .unwrap();
    probe
        .partial(&GradSettings { sigma: 2.0, ..s }, 0..12, 12)
        .unwrap();
    assert_eq!(probe.matrices_drawn(), drawn, "a new σ samples nothing");
}

#[test]
fn bad_slices_are_errors_not_panics() {
    let s = settings(
        3,
        4,
        6,
        Activation::Relu,
        Initializer::HeNormal,
        1.0,
        Precision::F64,
    );
    let mut probe = GradientProbe::new();
    let bad: [(Range<usize>, usize); 4] = [(0..0, 6), (4..7, 6), (0..3, 2), (0..3, 7)];
    for (r, n) in bad {
        assert_eq!(probe.partial(&s, r, n).unwrap_err().field(), "examples");
    }
    let a = probe.partial(&s, 0..3, 6).unwrap();
    let b = probe.partial(&s, 2..6, 6).unwrap();
    assert!(combine(&[a.clone(), b]).is_err(), "overlapping slices");
    assert!(combine(std::slice::from_ref(&a)).is_err(), "half the batch");
    assert!(combine(&[]).is_err());
    let f32_part = probe
        .partial(
            &GradSettings {
                precision: Precision::F32,
                ..s
            },
            3..6,
            6,
        )
        .unwrap();
    assert!(combine(&[a, f32_part]).is_err(), "mixed precisions");
}

/// Parts at scales far apart, a part of zeros among them: the merged norm and standard
/// deviation equal those of all the values together (`stats::norm`, `stats::std_dev`), to the
/// rounding of sums of a few terms.
#[test]
fn sums_at_far_apart_scales_merge_as_the_values_together() {
    use gradscope_core::batch_split::ScaledSums;
    use gradscope_core::stats::{norm, std_dev};
    let parts: [&[f64]; 4] = [
        &[0.0, 0.0],
        &[3e-300, -4e-300, 1e-301],
        &[2.5, -1.0],
        &[5e-320],
    ];
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-14 * b.abs();
    for picks in [
        vec![0, 1],
        vec![1, 0],
        vec![0, 1, 2, 3],
        vec![3, 0],
        vec![2, 0, 3],
    ] {
        let values: Vec<f64> = picks
            .iter()
            .flat_map(|&i| parts[i].iter().copied())
            .collect();
        let norms: Vec<ScaledSums> = picks
            .iter()
            .map(|&i| ScaledSums::of(parts[i], false))
            .collect();
        let stds: Vec<ScaledSums> = picks
            .iter()
            .map(|&i| ScaledSums::of(parts[i], true))
            .collect();
        let (n, s) = (ScaledSums::joint_norm(&norms), ScaledSums::joint_std(&stds));
        assert!(
            close(n, norm(&values)),
            "{picks:?}: norm {n} vs {}",
            norm(&values)
        );
        assert!(
            close(s, std_dev(&values)),
            "{picks:?}: std {s} vs {}",
            std_dev(&values)
        );
        assert!(
            n.is_finite() && n > 0.0 && s.is_finite() && s > 0.0,
            "{picks:?}"
        );
    }
}
