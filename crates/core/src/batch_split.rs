//! The gradient experiment split over slices of the batch, for a pool of workers.
//!
//! ∂ℓ/∂Wˡ = Σ_b δˡ_b (hˡ⁻¹_b)ᵀ is a sum over the examples b of the batch, and every other
//! statistic the experiment reports is made of sums over examples too: the loss, ‖∂ℓ/∂hˡ⁻¹‖²_F
//! (a sum over columns) and the mean and variance of zˡ (over units and examples). So a worker
//! can run the network on a slice of the batch ([`GradientProbe::partial`]) and hand back its
//! slice's sums: the partial gradient matrices, and for the other statistics a few numbers per
//! layer. [`combine`] adds the partial matrices and merges the numbers into the same
//! [`GradientReport`] as [`GradientProbe::run`] gives for the whole batch, up to rounding (the
//! sums are added in another order).
//!
//! Every slice starts the backward pass from ∂ℓ/∂hᴸ = 1/N, N the number of examples the loss
//! averages over ([`PartialSums::mean_over`]): N = B for the exact result split across workers,
//! and N = b for a preview made from the first b examples alone (which is then exactly the
//! experiment with batch b: the input's columns are drawn one example after the other, so the
//! first b columns of x for batch B are x for batch b).

use crate::probe::{build_network, GradientReport};
use crate::scaled::{self, Magnitude};
use crate::settings::GradSettings;
use crate::stats::{status_from, LayerStats, NumStatus};
use crate::verdict::Verdict;
use crate::{Error, GradientProbe, Precision, Real};
use std::ops::Range;

/// The sums of values of one quantity over a slice, scaled by 2⁻ᵏ, 2ᵏ being the power of two at
/// or just below their largest magnitude m (2ᵏ ≤ m < 2ᵏ⁺¹), so that nothing overflows or
/// underflows (as [`crate::stats::norm`] and [`crate::stats::std_dev`] do; see
/// [`crate::scaled`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScaledSums {
    /// How many values.
    pub count: f64,
    /// m = max |v|: +∞ if a value is ±∞, NaN if one is NaN.
    pub max: f64,
    /// Σ v·2⁻ᵏ (0 when m is 0 or not finite).
    pub sum: f64,
    /// Σ (v·2⁻ᵏ − mean)², mean = sum/count, for a variance; Σ (v·2⁻ᵏ)² for a norm.
    pub squares: f64,
    /// [`crate::stats::status_of`] the values.
    pub status: NumStatus,
}

impl ScaledSums {
    /// The sums of `values` about their mean (`centred`, for a standard deviation) or about 0
    /// (for a norm).
    pub fn of<T: Real>(values: &[T], centred: bool) -> Self {
        let m = Magnitude::of(values);
        let count = values.len() as f64;
        let (mut sum, mut squares) = (0.0, 0.0);
        if let Some(s) = m.scale() {
            sum = scaled::sum(values, s);
            let mean = if centred { sum / count } else { 0.0 };
            squares = scaled::sum_of_squares(values, s, mean);
        }
        Self {
            count,
            max: m.max,
            sum,
            squares,
            status: status_from::<T>(m, values.is_empty()),
        }
    }

    /// 2ᵏ, the unit the sums are counted in (0 when m is 0 or not finite: the sums are 0).
    fn unit(&self) -> f64 {
        Magnitude { max: self.max }
            .scale()
            .map_or(0.0, |s| s.inverse().apply(1.0))
    }

    /// The largest magnitude over `parts`: NaN if any is NaN, else +∞ if any is, else the max.
    fn joint_max(parts: &[Self]) -> f64 {
        if parts.iter().any(|p| p.max.is_nan()) {
            return f64::NAN;
        }
        parts.iter().fold(0.0, |m, p| m.max(p.max))
    }

    /// The unit of the part with the largest magnitude: every part's sums are brought to it
    /// (a ratio of powers of two, exact).
    fn joint_unit(parts: &[Self]) -> f64 {
        parts.iter().fold(0.0, |u, p| u.max(p.unit()))
    }

    /// The status of all the values of `parts` together.
    fn joint_status(parts: &[Self]) -> NumStatus {
        let all: Vec<NumStatus> = parts.iter().map(|p| p.status).collect();
        if all.contains(&NumStatus::Overflow) {
            NumStatus::Overflow
        } else if all.contains(&NumStatus::Ok) || all.is_empty() {
            NumStatus::Ok
        } else {
            NumStatus::Underflow
        }
    }

    /// ‖v‖ over all the values of `parts` (sums made with `centred` false), as
    /// [`crate::stats::norm`] gives it for the values together.
    pub fn joint_norm(parts: &[Self]) -> f64 {
        let max = Self::joint_max(parts);
        if max == 0.0 || !max.is_finite() {
            return max;
        }
        let unit = Self::joint_unit(parts);
        let squares: f64 = parts
            .iter()
            .map(|p| {
                let r = p.unit() / unit;
                p.squares * r * r
            })
            .sum();
        unit * squares.sqrt()
    }

    /// The population standard deviation over all the values of `parts` (sums made with
    /// `centred` true), as [`crate::stats::std_dev`] gives it for the values together: the
    /// parts' means and squared deviations are brought to one scale and merged (Chan et al.).
    pub fn joint_std(parts: &[Self]) -> f64 {
        let max = Self::joint_max(parts);
        if !max.is_finite() {
            return f64::NAN;
        }
        let n: f64 = parts.iter().map(|p| p.count).sum();
        if max == 0.0 || n == 0.0 {
            return 0.0;
        }
        let unit = Self::joint_unit(parts);
        let scaled = |p: &Self| p.unit() / unit;
        let mean = parts.iter().map(|p| p.sum * scaled(p)).sum::<f64>() / n;
        let squares: f64 = parts
            .iter()
            .filter(|p| p.count > 0.0)
            .map(|p| {
                let r = scaled(p);
                let d = p.sum * r / p.count - mean;
                p.squares * r * r + p.count * d * d
            })
            .sum();
        unit * (squares / n).sqrt()
    }
}

/// One layer's sums over a slice, besides its partial gradient matrix.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayerSums {
    /// Of zˡ = Wˡhˡ⁻¹ over the slice's columns, about their mean.
    pub preact: ScaledSums,
    /// Of ∂ℓ/∂hˡ⁻¹ over the slice's columns, about 0.
    pub backward: ScaledSums,
}

/// What a worker computes for a slice of the batch (see the module's note).
#[derive(Debug, Clone, PartialEq)]
pub struct PartialSums<T: Real> {
    /// The layer widths (n₀, n₁, …, n_L).
    pub widths: Vec<usize>,
    /// The examples of this slice, as column indices of the batch.
    pub examples: Range<usize>,
    /// N: the loss averages over N examples, and the backward pass starts from 1/N.
    pub mean_over: usize,
    /// Σ hᴸ over the slice's outputs, summed in `f64`.
    pub output_sum: f64,
    /// The partial ∂ℓ/∂Wˡ = Σ_{b in slice} δˡ_b (hˡ⁻¹_b)ᵀ of every layer, one after the other,
    /// each n_l × n_{l−1} column-major.
    pub grads: Vec<T>,
    /// Layers 1..L.
    pub layers: Vec<LayerSums>,
}

/// [`PartialSums`] in the run's precision.
#[derive(Debug, Clone, PartialEq)]
pub enum Partial {
    /// An `f32` run.
    F32(PartialSums<f32>),
    /// An `f64` run.
    F64(PartialSums<f64>),
}

impl Partial {
    /// The run's precision.
    pub fn precision(&self) -> Precision {
        match self {
            Partial::F32(_) => Precision::F32,
            Partial::F64(_) => Precision::F64,
        }
    }

    /// The sums, if the run was in `f32`.
    pub fn as_f32(&self) -> Option<&PartialSums<f32>> {
        match self {
            Partial::F32(s) => Some(s),
            Partial::F64(_) => None,
        }
    }

    /// The sums, if the run was in `f64`.
    pub fn as_f64(&self) -> Option<&PartialSums<f64>> {
        match self {
            Partial::F64(s) => Some(s),
            Partial::F32(_) => None,
        }
    }
}

/// How many entries the gradient matrices of a network with layer widths `widths` hold.
pub fn grad_len(widths: &[usize]) -> usize {
    widths.windows(2).map(|w| w[0] * w[1]).sum()
}

fn invalid(reason: String) -> Error {
    Error::Inconsistent {
        field: "examples",
        reason,
    }
}

impl GradientProbe {
    /// Runs the network of `settings` on the examples `examples` of its batch (column indices,
    /// within 0..batch, not empty), with the loss averaged over `mean_over` examples, and
    /// returns the slice's sums. The draws are the ones [`GradientProbe::run`] uses (the whole
    /// batch's input, of which the slice takes its columns), so every worker sees the same
    /// network and input for the same settings.
    pub fn partial(
        &mut self,
        settings: &GradSettings,
        examples: Range<usize>,
        mean_over: usize,
    ) -> Result<Partial, Error> {
        settings.validate()?;
        if examples.is_empty() || examples.end > settings.batch {
            return Err(invalid(format!(
                "the slice {}..{} is not a non-empty part of the batch 0..{}",
                examples.start, examples.end, settings.batch
            )));
        }
        if mean_over < examples.len() || mean_over > settings.batch {
            return Err(invalid(format!(
                "the loss must average over {} to {} examples; got {mean_over}",
                examples.len(),
                settings.batch
            )));
        }
        let widths = settings.widths();
        Ok(match settings.precision {
            Precision::F32 => Partial::F32(self.partial_in(settings, &widths, examples, mean_over)),
            Precision::F64 => Partial::F64(self.partial_in(settings, &widths, examples, mean_over)),
        })
    }

    /// The statistics of the experiment with the first `examples` examples of the batch alone
    /// (the experiment with batch `examples`, same seed): a cheap preview of [`GradientProbe::run`].
    pub fn preview(
        &mut self,
        settings: &GradSettings,
        examples: usize,
    ) -> Result<GradientReport, Error> {
        settings.validate()?;
        let b = examples.clamp(1, settings.batch.max(1));
        let widths = settings.widths();
        // The whole run's path on the first b columns: no partial matrices to keep.
        Ok(match settings.precision {
            Precision::F32 => self.run_examples::<f32>(&widths, settings, 0..b),
            Precision::F64 => self.run_examples::<f64>(&widths, settings, 0..b),
        })
    }

    fn partial_in<T: Real>(
        &mut self,
        s: &GradSettings,
        widths: &[usize],
        examples: Range<usize>,
        mean_over: usize,
    ) -> PartialSums<T> {
        let (x, draws) = self
            .cache_mut()
            .get(s.seed, widths, s.batch, s.init.family());
        let net = build_network::<T>(s.activation, s.init, s.sigma, widths, &draws);
        let x = T::matrix_from_f64(x);
        let x = x.columns(examples.start, examples.len()).into_owned();
        let fwd = net.forward_with(&x, |z| ScaledSums::of(z, true));
        let depth = net.depth();
        let mut grads = vec![T::zero(); grad_len(widths)];
        let offsets: Vec<usize> = std::iter::once(0)
            .chain(widths.windows(2).scan(0, |acc, w| {
                *acc += w[0] * w[1];
                Some(*acc)
            }))
            .collect();
        let mut backward = vec![None; depth];
        net.backward_from(&fwd.forward, mean_over, |l, d_w, d_h| {
            grads[offsets[l - 1]..offsets[l]].copy_from_slice(d_w.as_slice());
            backward[l - 1] = Some(ScaledSums::of(d_h.as_slice(), false));
        });
        let layers = fwd
            .extra
            .into_iter()
            .zip(backward)
            .map(|(preact, b)| LayerSums {
                preact,
                backward: b.expect("the backward pass visits every layer"),
            })
            .collect();
        let out = fwd.forward.hidden.last().expect("h⁰ is always present");
        PartialSums {
            widths: widths.to_vec(),
            examples,
            mean_over,
            output_sum: out.iter().map(|v| v.as_f64()).sum(),
            grads,
            layers,
        }
    }
}

/// Merges the sums of disjoint slices that together hold the `mean_over` examples the loss
/// averages over into the experiment's report: the partial gradient matrices are added (in the
/// run's precision, as the whole batch's product sums them) before their norms are taken.
pub fn combine(parts: &[Partial]) -> Result<GradientReport, Error> {
    let f32s: Vec<&PartialSums<f32>> = parts.iter().filter_map(Partial::as_f32).collect();
    let f64s: Vec<&PartialSums<f64>> = parts.iter().filter_map(Partial::as_f64).collect();
    match (f32s.is_empty(), f64s.is_empty()) {
        (false, true) => combine_in(&f32s),
        (true, false) => combine_in(&f64s),
        (true, true) => Err(invalid("no slice to combine".into())),
        (false, false) => Err(invalid("the slices differ in precision".into())),
    }
}

/// [`combine`] for slices of one precision.
pub fn combine_in<T: Real>(parts: &[&PartialSums<T>]) -> Result<GradientReport, Error> {
    let first = parts
        .first()
        .ok_or_else(|| invalid("no slice to combine".into()))?;
    combine_into((*first).clone(), &parts[1..])
}

/// [`combine`] for slices of one precision, adding `rest` into `first`'s matrices in place (a
/// Worker keeps its own slice's sums and merges the others' into them: no copy of its own).
pub fn combine_into<T: Real>(
    mut first: PartialSums<T>,
    rest: &[&PartialSums<T>],
) -> Result<GradientReport, Error> {
    let mut sum = std::mem::take(&mut first.grads);
    let parts: Vec<&PartialSums<T>> = std::iter::once(&first)
        .chain(rest.iter().copied())
        .collect();
    let widths = &first.widths;
    let depth = widths.len().saturating_sub(1);
    let n = first.mean_over;
    let mut ranges: Vec<&Range<usize>> = parts.iter().map(|p| &p.examples).collect();
    ranges.sort_by_key(|r| r.start);
    let disjoint = ranges.windows(2).all(|w| w[0].end <= w[1].start);
    let covered: usize = ranges.iter().map(|r| r.len()).sum();
    for (i, p) in parts.iter().enumerate() {
        let len = if i == 0 { sum.len() } else { p.grads.len() };
        if &p.widths != widths
            || p.mean_over != n
            || p.layers.len() != depth
            || len != grad_len(widths)
        {
            return Err(invalid("the slices come from different networks".into()));
        }
    }
    if !disjoint || covered != n {
        return Err(invalid(format!(
            "the slices must be disjoint and hold the {n} examples the loss averages over; they hold {covered}"
        )));
    }
    for p in rest {
        for (s, &v) in sum.iter_mut().zip(&p.grads) {
            *s += v;
        }
    }
    let sqrt_n = (n as f64).sqrt();
    let mut offset = 0;
    let layers: Vec<LayerStats> = (0..depth)
        .map(|i| {
            let len = widths[i] * widths[i + 1];
            let d_w = &sum[offset..offset + len];
            offset += len;
            let (grad_norm, grad_status) = crate::stats::norm_and_status(d_w);
            let preact: Vec<ScaledSums> = parts.iter().map(|p| p.layers[i].preact).collect();
            let back: Vec<ScaledSums> = parts.iter().map(|p| p.layers[i].backward).collect();
            let b = ScaledSums::joint_norm(&back);
            let backward_status = match ScaledSums::joint_status(&back) {
                NumStatus::Ok if !b.is_finite() => NumStatus::Overflow,
                s => s,
            };
            LayerStats {
                layer: i + 1,
                grad_norm,
                backward_norm: b / sqrt_n,
                preact_std: ScaledSums::joint_std(&preact),
                grad_status,
                backward_status,
                forward_status: ScaledSums::joint_status(&preact),
            }
        })
        .collect();
    let verdict = Verdict::from_layers(&layers);
    Ok(GradientReport {
        precision: T::PRECISION,
        loss: parts.iter().map(|p| p.output_sum).sum::<f64>() / n.max(1) as f64,
        layers,
        verdict,
    })
}
