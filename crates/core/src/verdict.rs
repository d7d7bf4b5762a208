//! The one-sentence diagnosis: vanishing, stable or exploding.

use crate::stats::{LayerStats, NumStatus};
use serde::{Deserialize, Serialize};

/// Within this many powers of ten between the ends of the network, a signal counts as stable.
///
/// 2 decades means a factor of 100 in total over the whole depth. A smaller threshold would call
/// the random drift of a well-initialized deep, narrow network (He init, ReLU, depth 200, width
/// 32) "exploding"; a larger one would call a clear decay of 10⁻³ "stable".
pub const STABLE_DECADES: f64 = 2.0;

/// The three outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum VerdictKind {
    /// The gradient reaching the first layers is much smaller than at the last ones.
    Vanishing,
    /// The backward signal stays within [`STABLE_DECADES`] across the depth.
    Stable,
    /// The gradient reaching the first layers is much larger than at the last ones.
    Exploding,
}

/// The diagnosis of one run, with the numbers it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    /// Vanishing, stable or exploding.
    pub kind: VerdictKind,
    /// log₁₀(‖∂ℓ/∂W¹‖ / ‖∂ℓ/∂Wᴸ‖): how many powers of ten layer 1's weight gradient is above
    /// (positive) or below (negative) layer L's. NaN when either is 0, ∞ or NaN.
    pub weight_decades: f64,
    /// log₁₀(b₁ / b_L) for the backward signal bˡ = ‖∂ℓ/∂hˡ⁻¹‖/√B. NaN when not finite.
    pub backward_decades: f64,
    /// log₁₀(s_L / s₁) for the pre-activation standard deviations sˡ. NaN when not finite.
    pub forward_decades: f64,
    /// The first layer, counting from the output down, whose values overflowed (∞ or NaN).
    pub first_overflow: Option<usize>,
    /// The first layer, counting from the output down, whose gradient underflowed to 0.
    pub first_underflow: Option<usize>,
}

fn decades(num: f64, den: f64) -> f64 {
    if num > 0.0 && den > 0.0 && num.is_finite() && den.is_finite() {
        (num / den).log10()
    } else if num > 0.0 && den > 0.0 {
        f64::NAN
    } else {
        // A zero on either side: compare logs, letting ±∞ stand for "off the scale".
        num.log10() - den.log10()
    }
}

impl Verdict {
    /// The rule, applied in this order:
    /// 1. If any layer overflowed (∞ or NaN in zˡ, ∂ℓ/∂hˡ⁻¹ or ∂ℓ/∂Wˡ): **exploding**.
    /// 2. If any layer's weight gradient or backward signal underflowed to 0: **vanishing**.
    /// 3. Otherwise, with d = log₁₀(b₁/b_L) for the backward signal (the product of Jacobians the
    ///    chapter studies): d < −[`STABLE_DECADES`] is **vanishing**, d > +[`STABLE_DECADES`] is
    ///    **exploding**, anything between is **stable**.
    ///
    /// The weight gradients alone are not used: ∂ℓ/∂Wˡ = δˡ(hˡ⁻¹)ᵀ multiplies a backward factor by
    /// a forward one, and when both grow (ReLU with N(0, 1) weights) the product can be flat
    /// across layers while every factor explodes.
    pub fn from_layers(layers: &[LayerStats]) -> Verdict {
        let (first, last) = match (layers.first(), layers.last()) {
            (Some(f), Some(l)) => (f, l),
            _ => {
                return Verdict {
                    kind: VerdictKind::Stable,
                    weight_decades: 0.0,
                    backward_decades: 0.0,
                    forward_decades: 0.0,
                    first_overflow: None,
                    first_underflow: None,
                }
            }
        };
        let overflowed = |s: &LayerStats| {
            [s.grad_status, s.backward_status, s.forward_status].contains(&NumStatus::Overflow)
        };
        let underflowed = |s: &LayerStats| {
            s.grad_status == NumStatus::Underflow || s.backward_status == NumStatus::Underflow
        };
        let first_overflow = layers.iter().rev().find(|s| overflowed(s)).map(|s| s.layer);
        let first_underflow = layers
            .iter()
            .rev()
            .find(|s| underflowed(s))
            .map(|s| s.layer);
        let weight_decades = decades(first.grad_norm, last.grad_norm);
        let backward_decades = decades(first.backward_norm, last.backward_norm);
        let forward_decades = decades(last.preact_std, first.preact_std);
        let kind = if first_overflow.is_some() || backward_decades > STABLE_DECADES {
            VerdictKind::Exploding
        } else if first_underflow.is_some() || backward_decades < -STABLE_DECADES {
            VerdictKind::Vanishing
        } else {
            VerdictKind::Stable
        };
        Verdict {
            kind,
            weight_decades,
            backward_decades,
            forward_decades,
            first_overflow,
            first_underflow,
        }
    }
}
