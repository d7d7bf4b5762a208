//! [`Elem`]: a precision (`f32` or `f64`) with the engine's loops over many values.
//!
//! The loops are written once, generic over the precision, and instantiated for `f32` and `f64`
//! here, in this crate: the browser's build optimizes this crate for speed and the rest of the
//! engine for size (Cargo.toml, `profile.wasm`), and a generic function is compiled with the
//! settings of the crate that names its type. Each instantiation is `#[inline(never)]`, so that
//! link-time optimization does not copy it into a caller compiled for size (where it would lose
//! its vector instructions).

use crate::activation::{self, Activation};
use crate::scaled::{self, Magnitude, PowerOfTwo};
use crate::thin::{self, Operand};
use std::fmt::{Debug, Display};

/// A floating-point precision of the engine, with its loops over slices.
pub trait Elem: num_traits::Float + Default + Debug + Display + Send + Sync + 'static {
    /// Rounds an `f64` to this type (overflowing to ±∞ and underflowing to 0 as IEEE 754 does).
    fn from_f64(x: f64) -> Self;

    /// Widens this value to `f64` exactly.
    fn as_f64(self) -> f64;

    /// m = max|vᵢ| (see [`Magnitude::of`]).
    fn magnitude(values: &[Self]) -> Magnitude;

    /// Σ vᵢ·s (see [`scaled::sum`]).
    fn scaled_sum(values: &[Self], s: PowerOfTwo) -> f64;

    /// Σ (vᵢ·s − c)² (see [`scaled::sum_of_squares`]).
    fn scaled_sum_of_squares(values: &[Self], s: PowerOfTwo, c: f64) -> f64;

    /// sᵢ = φ′(zᵢ), then zᵢ ← φ(zᵢ), for every entry (`slopes` as long as `z`).
    fn activate(phi: Activation, z: &mut [Self], slopes: &mut [Self]);

    /// zᵢ ← φ(zᵢ) for every entry.
    fn apply_activation(phi: Activation, z: &mut [Self]);

    /// gᵢ ← gᵢ·φ′(zᵢ) for every entry (`z` as long as `g`): a gradient through φ.
    fn times_derivative(phi: Activation, g: &mut [Self], z: &[Self]);

    /// aᵢ ← aᵢ·bᵢ for every entry (the Hadamard product a ⊙ b; `b` as long as `a`).
    fn hadamard(a: &mut [Self], b: &[Self]);

    /// dstᵢ = s·srcᵢ for every entry (`dst` as long as `src`).
    fn scale_into(s: Self, src: &[Self], dst: &mut [Self]);

    /// `C ← α·op(A)·op(B)` by direct loops (see [`thin`]), C m × n, the inner dimension k.
    fn thin_product(
        alpha: Self,
        a: Operand<'_, Self>,
        b: Operand<'_, Self>,
        c: &mut [Self],
        mkn: (usize, usize, usize),
    );

    /// n copies of `value` (zeros take freshly zeroed memory).
    fn filled(n: usize, value: Self) -> Vec<Self>;

    /// dstᵢ = srcᵢ rounded to this precision, for every entry (`dst` as long as `src`).
    fn round_from_f64(src: &[f64], dst: &mut [Self]);
}

/// aᵢ ← aᵢ·bᵢ.
fn hadamard_in<T: Elem>(a: &mut [T], b: &[T]) {
    for (x, &y) in a.iter_mut().zip(b) {
        *x = *x * y;
    }
}

/// dstᵢ = s·srcᵢ.
fn scale_into_in<T: Elem>(s: T, src: &[T], dst: &mut [T]) {
    for (d, &x) in dst.iter_mut().zip(src) {
        *d = s * x;
    }
}

/// [`Elem`] for `$t`, whose `from_f64` is `$from` and `as_f64` is `$as`.
macro_rules! elem {
    ($t:ty, $from:expr, $as:expr) => {
        impl Elem for $t {
            #[inline(always)]
            fn from_f64(x: f64) -> Self {
                $from(x)
            }
            #[inline(always)]
            fn as_f64(self) -> f64 {
                $as(self)
            }
            #[inline(never)]
            fn magnitude(values: &[Self]) -> Magnitude {
                Magnitude::of_in(values)
            }
            #[inline(never)]
            fn scaled_sum(values: &[Self], s: PowerOfTwo) -> f64 {
                scaled::sum_in(values, s)
            }
            #[inline(never)]
            fn scaled_sum_of_squares(values: &[Self], s: PowerOfTwo, c: f64) -> f64 {
                scaled::sum_of_squares_in(values, s, c)
            }
            #[inline(never)]
            fn activate(phi: Activation, z: &mut [Self], slopes: &mut [Self]) {
                activation::activate_in(phi, z, slopes)
            }
            #[inline(never)]
            fn apply_activation(phi: Activation, z: &mut [Self]) {
                activation::apply_in(phi, z)
            }
            #[inline(never)]
            fn times_derivative(phi: Activation, g: &mut [Self], z: &[Self]) {
                activation::times_derivative_in(phi, g, z)
            }
            #[inline(never)]
            fn hadamard(a: &mut [Self], b: &[Self]) {
                hadamard_in(a, b)
            }
            #[inline(never)]
            fn scale_into(s: Self, src: &[Self], dst: &mut [Self]) {
                scale_into_in(s, src, dst)
            }
            #[inline(never)]
            fn thin_product(
                alpha: Self,
                a: Operand<'_, Self>,
                b: Operand<'_, Self>,
                c: &mut [Self],
                mkn: (usize, usize, usize),
            ) {
                thin::thin_product_in(alpha, a, b, c, mkn)
            }
            #[inline(never)]
            fn filled(n: usize, value: Self) -> Vec<Self> {
                vec![value; n]
            }
            #[inline(never)]
            fn round_from_f64(src: &[f64], dst: &mut [Self]) {
                for (d, &x) in dst.iter_mut().zip(src) {
                    *d = $from(x);
                }
            }
        }
    };
}
elem!(f32, |x: f64| x as f32, |x: f32| x as f64);
elem!(f64, |x: f64| x, |x: f64| x);
