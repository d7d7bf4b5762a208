//! Per-layer statistics: norms and standard deviations that survive 0, ∞ and NaN.

use crate::scaled::{self, Magnitude};
use crate::Real;
use serde::{Deserialize, Serialize};

/// What happened to a quantity in the working precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NumStatus {
    /// At least one entry is a normal, finite number and none is ∞ or NaN.
    Ok,
    /// Every entry is 0 or subnormal (|x| < the smallest normal number): the quantity has
    /// underflowed to 0 (or lost almost all its precision on the way there).
    Underflow,
    /// Some entry is ±∞ or NaN, or the reported norm itself is beyond the largest `f64` (every
    /// entry finite, but √(Σ vᵢ²) > 1.8·10³⁰⁸): the quantity has overflowed.
    Overflow,
}

impl NumStatus {
    /// True for [`NumStatus::Ok`].
    pub fn is_ok(self) -> bool {
        self == NumStatus::Ok
    }
}

/// The status of a set of values in precision `T` (see [`NumStatus`]).
pub fn status_of<T: Real>(values: &[T]) -> NumStatus {
    status_from::<T>(Magnitude::of(values), values.is_empty())
}

/// The status of values in precision `T` whose largest magnitude is `m` (see [`NumStatus`]):
/// overflow if m is ∞ or NaN; underflow if m is below `T`'s smallest normal number (every value
/// 0 or subnormal), unless there are no values (`empty`); else ok.
pub(crate) fn status_from<T: Real>(m: Magnitude, empty: bool) -> NumStatus {
    if !m.max.is_finite() {
        NumStatus::Overflow
    } else if m.max >= T::min_positive_value().as_f64() || empty {
        NumStatus::Ok
    } else {
        NumStatus::Underflow
    }
}

/// The Euclidean (Frobenius, for a matrix) norm ‖v‖ = √(Σ vᵢ²), computed in `f64` on the values
/// scaled by 2⁻ᵏ, 2ᵏ being the power of two at or just below m = max|vᵢ| (2ᵏ ≤ m < 2ᵏ⁺¹), so
/// that neither the squares overflow nor the small ones underflow: ‖v‖ = 2ᵏ·√(Σ (vᵢ·2⁻ᵏ)²) (see
/// [`crate::scaled`]). Returns +∞ if an entry is ±∞ and NaN if one is NaN.
pub fn norm<T: Real>(values: &[T]) -> f64 {
    norm_with(values, Magnitude::of(values))
}

/// [`norm`] of `values` whose [`Magnitude`] is `m`.
fn norm_with<T: Real>(values: &[T], m: Magnitude) -> f64 {
    match m.scale() {
        Some(s) => s
            .inverse()
            .apply(scaled::sum_of_squares(values, s, 0.0).sqrt()),
        None => m.max,
    }
}

/// [`norm`] and [`status_of`] together, in two passes over the values; the status is also
/// [`NumStatus::Overflow`] when every entry is finite but the norm itself is not.
pub fn norm_and_status<T: Real>(values: &[T]) -> (f64, NumStatus) {
    let m = Magnitude::of(values);
    let n = norm_with(values, m);
    let status = match status_from::<T>(m, values.is_empty()) {
        NumStatus::Ok if !n.is_finite() => NumStatus::Overflow,
        s => s,
    };
    (n, status)
}

/// The population standard deviation √((1/N)·Σ (vᵢ − v̄)²), computed in `f64` on the values
/// scaled as in [`norm`]: with uᵢ = vᵢ·2⁻ᵏ and ū their mean, 2ᵏ·√((1/N)·Σ (uᵢ − ū)²). Returns
/// NaN if an entry is not finite, 0 for no values.
pub fn std_dev<T: Real>(values: &[T]) -> f64 {
    std_dev_with(values, Magnitude::of(values))
}

/// [`std_dev`] of `values` whose [`Magnitude`] is `m`.
fn std_dev_with<T: Real>(values: &[T], m: Magnitude) -> f64 {
    if !m.max.is_finite() {
        return f64::NAN;
    }
    let Some(s) = m.scale() else {
        return 0.0;
    };
    let n = values.len() as f64;
    let mean = scaled::sum(values, s) / n;
    let var = scaled::sum_of_squares(values, s, mean) / n;
    s.inverse().apply(var.sqrt())
}

/// [`std_dev`] and [`status_of`] together, in three passes over the values.
pub fn std_dev_and_status<T: Real>(values: &[T]) -> (f64, NumStatus) {
    let m = Magnitude::of(values);
    (
        std_dev_with(values, m),
        status_from::<T>(m, values.is_empty()),
    )
}

/// The numbers reported for one layer l of the network (layer 1 is nearest the input).
///
/// Serialized, a row also carries `status`, the layer's [`LayerStats::worst_status`], so that
/// every reader (the page, the CLI's JSON) shows the same word without restating the rule; the
/// field is ignored when a row is read back.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(into = "SerializedLayer")]
pub struct LayerStats {
    /// The layer's index l, from 1 (nearest the input) to L.
    pub layer: usize,
    /// ‖∂ℓ/∂Wˡ‖_F, the Frobenius norm of the loss's gradient with respect to the layer's weights.
    pub grad_norm: f64,
    /// ‖∂ℓ/∂hˡ⁻¹‖_F / √B: the backward signal the layer passes down, per example.
    pub backward_norm: f64,
    /// The standard deviation of the pre-activations zˡ = Wˡhˡ⁻¹ over all units and examples.
    pub preact_std: f64,
    /// What happened to ∂ℓ/∂Wˡ in the working precision.
    pub grad_status: NumStatus,
    /// What happened to ∂ℓ/∂hˡ⁻¹.
    pub backward_status: NumStatus,
    /// What happened to zˡ.
    pub forward_status: NumStatus,
}

impl LayerStats {
    /// The layer's three statuses: of ∂ℓ/∂Wˡ, of ∂ℓ/∂hˡ⁻¹ and of zˡ.
    pub fn statuses(&self) -> [NumStatus; 3] {
        [self.grad_status, self.backward_status, self.forward_status]
    }

    /// The one status a layer is shown with: overflow if any of its three quantities (gradient,
    /// backward signal, forward signal) overflowed, else underflow if any underflowed, else ok.
    /// Overflow beats underflow because a layer with an ∞ or NaN has lost every number, while an
    /// underflowed one has only lost their size.
    pub fn worst_status(&self) -> NumStatus {
        let all = self.statuses();
        if all.contains(&NumStatus::Overflow) {
            NumStatus::Overflow
        } else if all.contains(&NumStatus::Underflow) {
            NumStatus::Underflow
        } else {
            NumStatus::Ok
        }
    }
}

/// [`LayerStats`] as it is written: its fields and its worst status.
#[derive(Serialize)]
struct SerializedLayer {
    layer: usize,
    grad_norm: f64,
    backward_norm: f64,
    preact_std: f64,
    grad_status: NumStatus,
    backward_status: NumStatus,
    forward_status: NumStatus,
    status: NumStatus,
}

impl From<LayerStats> for SerializedLayer {
    fn from(l: LayerStats) -> Self {
        SerializedLayer {
            layer: l.layer,
            grad_norm: l.grad_norm,
            backward_norm: l.backward_norm,
            preact_std: l.preact_std,
            grad_status: l.grad_status,
            backward_status: l.backward_status,
            forward_status: l.forward_status,
            status: l.worst_status(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm_survives_extremes() {
        assert_eq!(norm::<f64>(&[3.0, 4.0]), 5.0);
        assert_eq!(norm::<f64>(&[0.0, 0.0]), 0.0);
        assert_eq!(norm::<f64>(&[1.0, f64::INFINITY]), f64::INFINITY);
        assert!(norm::<f64>(&[1.0, f64::NAN]).is_nan());
        // Squares of 1e200 overflow in f64; the scaled sum does not.
        let big = norm::<f64>(&[3e200, 4e200]);
        assert!((big / 5e200 - 1.0).abs() < 1e-15);
        let small = norm::<f32>(&[3e-40, 4e-40]);
        assert!((small / 5e-40 - 1.0).abs() < 1e-3, "{small}");
    }

    #[test]
    fn status_tells_underflow_and_overflow() {
        assert_eq!(status_of::<f32>(&[0.0, 1e-39]), NumStatus::Underflow);
        assert_eq!(status_of::<f32>(&[0.0, 1e-30]), NumStatus::Ok);
        assert_eq!(status_of::<f32>(&[1.0, f32::INFINITY]), NumStatus::Overflow);
        assert_eq!(status_of::<f64>(&[f64::NAN]), NumStatus::Overflow);
    }

    #[test]
    fn a_norm_beyond_f64_is_an_overflow_even_with_finite_entries() {
        let big = [1.5e308f64, 1.5e308];
        assert_eq!(status_of(&big), NumStatus::Ok);
        assert_eq!(norm_and_status(&big), (f64::INFINITY, NumStatus::Overflow));
        assert_eq!(norm_and_status(&[3.0f64, 4.0]), (5.0, NumStatus::Ok));
        assert_eq!(norm_and_status(&[0.0f32, 1e-40]).1, NumStatus::Underflow);
    }

    #[test]
    fn overflow_beats_underflow_beats_ok() {
        use NumStatus::{Ok as O, Overflow as V, Underflow as U};
        let layer = |[g, b, f]: [NumStatus; 3]| LayerStats {
            layer: 1,
            grad_norm: 1.0,
            backward_norm: 1.0,
            preact_std: 1.0,
            grad_status: g,
            backward_status: b,
            forward_status: f,
        };
        let cases = [
            ([O, O, O], O),
            ([U, O, O], U),
            ([O, U, O], U),
            ([O, O, U], U),
            ([V, O, O], V),
            ([O, V, O], V),
            ([O, O, V], V),
            ([U, U, V], V),
            ([V, U, U], V),
            ([U, U, U], U),
        ];
        for (statuses, want) in cases {
            assert_eq!(layer(statuses).worst_status(), want, "{statuses:?}");
        }
    }

    #[test]
    fn a_serialized_row_carries_its_worst_status_and_reads_back() {
        let l = LayerStats {
            layer: 3,
            grad_norm: 0.0,
            backward_norm: 2.0,
            preact_std: 1.0,
            grad_status: NumStatus::Underflow,
            backward_status: NumStatus::Ok,
            forward_status: NumStatus::Ok,
        };
        let v = serde_json::to_value(l).unwrap();
        assert_eq!(v["status"], "underflow");
        assert_eq!(v["grad_status"], "underflow");
        assert_eq!(v["layer"], 3);
        let back: LayerStats = serde_json::from_value(v).unwrap();
        assert_eq!(back, l);
    }

    #[test]
    fn std_dev_is_the_population_formula() {
        let v = [1.0f64, 2.0, 3.0, 4.0];
        let expected = (1.25f64).sqrt();
        assert!((std_dev(&v) - expected).abs() < 1e-15);
        assert!((std_dev(&[1e300f64, -1e300]) / 1e300 - 1.0).abs() < 1e-15);
    }
}
