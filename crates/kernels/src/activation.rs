//! Activation functions φ and their derivatives φ′.

use crate::Elem;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An element-wise activation function φ.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Activation {
    /// σ(z) = 1 / (1 + e⁻ᶻ), with σ′(z) = σ(z)·(1 − σ(z)) = e^{−|z|} / (1 + e^{−|z|})².
    Sigmoid,
    /// tanh(z), with tanh′(z) = 1 − tanh²(z) = 4e^{−2|z|} / (1 + e^{−2|z|})².
    Tanh,
    /// ReLU(z) = max(0, z), with ReLU′(z) = 1 for z > 0 and 0 otherwise (0 at z = 0, as in
    /// PyTorch). NaN stays NaN in both.
    Relu,
    /// The identity φ(z) = z, with φ′(z) = 1: a deep linear network.
    Identity,
}

impl Activation {
    /// Every activation, in the order the page lists them.
    pub const ALL: [Activation; 4] = [
        Activation::Sigmoid,
        Activation::Tanh,
        Activation::Relu,
        Activation::Identity,
    ];
    /// The names accepted by [`Activation::parse`].
    pub const NAMES: &'static [&'static str] = &["sigmoid", "tanh", "relu", "identity"];

    /// Parses one of [`Activation::NAMES`].
    pub fn parse(name: &str) -> Result<Self, UnknownActivation> {
        Self::ALL
            .into_iter()
            .find(|a| a.name() == name)
            .ok_or_else(|| UnknownActivation(name.to_string()))
    }

    /// The lower-case name, as in [`Activation::NAMES`].
    pub fn name(self) -> &'static str {
        match self {
            Activation::Sigmoid => "sigmoid",
            Activation::Tanh => "tanh",
            Activation::Relu => "relu",
            Activation::Identity => "identity",
        }
    }

    /// φ(z).
    #[inline]
    pub fn apply<T: Elem>(self, z: T) -> T {
        match self {
            Activation::Sigmoid => {
                // Two branches so that e^x never overflows: for z < 0, σ(z) = eᶻ / (1 + eᶻ).
                if z >= T::zero() {
                    T::one() / (T::one() + (-z).exp())
                } else {
                    let e = z.exp();
                    e / (T::one() + e)
                }
            }
            Activation::Tanh => z.tanh(),
            // Written so that NaN passes through (NaN <= 0 is false), as in PyTorch.
            Activation::Relu => {
                if z <= T::zero() {
                    T::zero()
                } else {
                    z
                }
            }
            Activation::Identity => z,
        }
    }

    /// φ′(z), in forms that stay accurate where φ saturates (they reach 0 only when e^{−|z|}
    /// itself underflows, not when 1 − σ(z) rounds to 0).
    #[inline]
    pub fn derivative<T: Elem>(self, z: T) -> T {
        match self {
            Activation::Sigmoid => {
                let e = (-z.abs()).exp();
                let d = T::one() + e;
                e / (d * d)
            }
            Activation::Tanh => {
                let e = (-(z.abs() + z.abs())).exp();
                let d = T::one() + e;
                let four = T::from_f64(4.0);
                four * e / (d * d)
            }
            Activation::Relu => {
                if z > T::zero() {
                    T::one()
                } else if z <= T::zero() {
                    T::zero()
                } else {
                    z // NaN stays NaN, so an overflow is never silently turned into a 0.
                }
            }
            Activation::Identity => T::one(),
        }
    }
}

impl Activation {
    /// (φ(z), φ′(z)) in `f64` from one exponential, for the theory's expectations, which need
    /// both at the same points:
    /// - sigmoid: with e = e^{−|z|}, σ(z) = 1/(1 + e) for z ≥ 0 and e/(1 + e) below, and
    ///   σ′(z) = e/(1 + e)², the forms of [`Activation::apply`] and [`Activation::derivative`];
    /// - tanh: with e = e^{−2|z|}, tanh|z| = (1 − e)/(1 + e) and tanh′(z) = 4e/(1 + e)². For
    ///   |z| < ½ the difference 1 − e is taken as −expm1(−2|z|), which keeps tanh's relative
    ///   accuracy near 0; beyond, e^{−2|z|} keeps φ′'s relative accuracy where tanh saturates.
    #[inline(never)]
    pub fn value_and_derivative(self, z: f64) -> (f64, f64) {
        match self {
            Activation::Sigmoid => {
                let e = (-z.abs()).exp();
                let d = 1.0 + e;
                let value = if z >= 0.0 { 1.0 / d } else { e / d };
                (value, e / (d * d))
            }
            Activation::Tanh => {
                let a = z.abs();
                let (one_minus_e, e) = if a < 0.5 {
                    let m = (-2.0 * a).exp_m1();
                    (-m, 1.0 + m)
                } else {
                    let e = (-2.0 * a).exp();
                    (1.0 - e, e)
                };
                let d = 1.0 + e;
                // tanh is odd; NaN stays NaN (its sign is then irrelevant).
                let t = one_minus_e / d;
                (if z < 0.0 { -t } else { t }, 4.0 * e / (d * d))
            }
            Activation::Relu | Activation::Identity => (self.apply(z), self.derivative(z)),
        }
    }
}

/// A name that is none of [`Activation::NAMES`] (the engine's error says which field it was).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownActivation(pub String);

impl fmt::Display for UnknownActivation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown activation \"{}\"", self.0)
    }
}

/// For every entry of a layer's pre-activations: sᵢ = φ′(zᵢ), then zᵢ ← φ(zᵢ) (the forward
/// pass's step from zˡ to hˡ, keeping the slopes for the backward pass).
pub(crate) fn activate_in<T: Elem>(phi: Activation, z: &mut [T], slopes: &mut [T]) {
    for (v, s) in z.iter_mut().zip(slopes.iter_mut()) {
        *s = phi.derivative(*v);
        *v = phi.apply(*v);
    }
}

/// gᵢ ← gᵢ·φ′(zᵢ) for every entry.
pub(crate) fn times_derivative_in<T: Elem>(phi: Activation, g: &mut [T], z: &[T]) {
    for (d, &v) in g.iter_mut().zip(z) {
        *d = *d * phi.derivative(v);
    }
}

/// zᵢ ← φ(zᵢ) for every entry.
pub(crate) fn apply_in<T: Elem>(phi: Activation, z: &mut [T]) {
    for v in z.iter_mut() {
        *v = phi.apply(*v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derivative_matches_central_difference() {
        for act in Activation::ALL {
            for &z in &[-6.0, -1.3, -0.2, 0.4, 1.0, 2.5, 7.0] {
                let h = 1e-6;
                let fd = (act.apply(z + h) - act.apply(z - h)) / (2.0 * h);
                let d: f64 = act.derivative(z);
                assert!(
                    (fd - d).abs() <= 1e-8 * (1.0 + d.abs()),
                    "{act:?} at {z}: {fd} vs {d}"
                );
            }
        }
    }

    #[test]
    fn saturated_derivatives_stay_positive_in_f32() {
        // 1 − σ(20) rounds to 0 in f32, but σ′(20) ≈ 2·10⁻⁹ is representable.
        let d: f32 = Activation::Sigmoid.derivative(20.0f32);
        assert!(d > 0.0 && (d as f64 - (-20.0f64).exp()).abs() < 1e-10);
        let s: f32 = Activation::Sigmoid.apply(-100.0f32);
        assert!(s >= 0.0 && s.is_finite());
    }

    #[test]
    fn value_and_derivative_agree_with_the_separate_forms() {
        // Relative agreement from |z| = 10⁻³⁰⁰ (tanh z ≈ z, where 1 − e^{−2|z|} would cancel
        // to 0 without expm1) to saturation (φ′ ≈ 4e^{−2|z|} at |z| = 300, which 1 − tanh²
        // would round to 0), on both sides of the branch at |z| = ½.
        let mut zs = vec![
            0.0, 1e-300, 1e-12, 1e-6, 0.3, 0.499_999, 0.5, 0.500_001, 0.9, 3.0, 17.0, 40.0, 300.0,
        ];
        zs.extend(zs.clone().iter().map(|z| -z));
        for act in Activation::ALL {
            for &z in &zs {
                let (v, d) = act.value_and_derivative(z);
                let (v0, d0): (f64, f64) = (act.apply(z), act.derivative(z));
                for (got, want, what) in [(v, v0, "φ"), (d, d0, "φ′")] {
                    assert!(
                        (got - want).abs() <= 4.0 * f64::EPSILON * want.abs(),
                        "{act:?} {what}({z}): {got} vs {want}"
                    );
                }
            }
            let (v, d) = act.value_and_derivative(f64::NAN);
            assert!(
                v.is_nan() || act == Activation::Relu,
                "{act:?}: φ(NaN) = {v}"
            );
            assert!(
                d.is_nan() || act == Activation::Identity,
                "{act:?}: φ′(NaN) = {d}"
            );
        }
    }

    #[test]
    fn names_round_trip_and_unknown_is_an_error() {
        for act in Activation::ALL {
            assert_eq!(Activation::parse(act.name()), Ok(act));
        }
        assert_eq!(
            Activation::parse("gelu"),
            Err(UnknownActivation("gelu".to_string()))
        );
    }
}
