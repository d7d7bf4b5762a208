//! Sums of many values brought to one scale by a power of two, so that their squares neither
//! overflow nor underflow: the kernels under gradscope-core's `stats` and `batch_split`.
//!
//! For values vᵢ with m = max|vᵢ| = f·2ᵏ (1 ≤ f < 2), every vᵢ is multiplied by 2⁻ᵏ. A
//! multiplication by a power of two is exact in binary floating point (unless the product falls
//! below the smallest normal number, where it only loses what a sum next to m² could never hold),
//! so ‖v‖ = 2ᵏ·√(Σ (vᵢ·2⁻ᵏ)²) carries no rounding from the scaling, where a division by m rounds
//! every term. It is also several times cheaper than a division: these sums run over every
//! layer's ∂ℓ/∂Wˡ, and were most of a one-example preview's time.
//!
//! Each sum runs in [`LANES`] interleaved partial sums, added at the end: the compiler can then
//! use the machine's vector instructions (wasm's simd128 too), which a single running sum,
//! whose order it must keep, forbids. The order is fixed, so a result is the same on every run.

use crate::Elem;

/// How many partial sums (and maxima) a scan keeps: four `f64`, two 128-bit vectors.
pub const LANES: usize = 4;

/// What one pass over values in precision `T` finds: m = max|vᵢ| (NaN if some vᵢ is NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Magnitude {
    /// m = max|vᵢ| in `f64`: +∞ if some vᵢ is ±∞ (and none is NaN), NaN if one is NaN, 0 for
    /// no values.
    pub max: f64,
}

impl Magnitude {
    /// The largest magnitude of `values`, in one pass.
    pub fn of<T: Elem>(values: &[T]) -> Self {
        T::magnitude(values)
    }

    /// [`Magnitude::of`] in precision `T` (instantiated for `f32` and `f64` in this crate).
    pub(crate) fn of_in<T: Elem>(values: &[T]) -> Self {
        let mut max = [0.0f64; LANES];
        let mut nan = false;
        let mut chunks = values.chunks_exact(LANES);
        for c in &mut chunks {
            for j in 0..LANES {
                let a = c[j].as_f64().abs();
                nan |= a.is_nan();
                max[j] = if a > max[j] { a } else { max[j] };
            }
        }
        for &v in chunks.remainder() {
            let a = v.as_f64().abs();
            nan |= a.is_nan();
            max[0] = if a > max[0] { a } else { max[0] };
        }
        let max = if nan {
            f64::NAN
        } else {
            max.iter().fold(0.0f64, |m, &a| m.max(a))
        };
        Self { max }
    }

    /// The power-of-two scale 2⁻ᵏ that brings m into [1, 2), or `None` when m is 0, ±∞ or NaN
    /// (nothing to scale: the sums are then 0, and the norm is m itself).
    pub fn scale(self) -> Option<PowerOfTwo> {
        (self.max > 0.0 && self.max.is_finite()).then(|| PowerOfTwo::down_to_one(self.max))
    }
}

/// A factor 2ᵉ, applied as the product of two normal powers of two so that every e of an `f64`
/// (subnormal m included, whose 2⁻ᵏ exceeds the largest `f64`) is reachable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PowerOfTwo {
    a: f64,
    b: f64,
}

impl PowerOfTwo {
    /// 2ᵉ for an integer e with |e| ≤ 2·1022.
    fn exp2(e: i32) -> Self {
        let half = e / 2;
        Self {
            a: pow2(half),
            b: pow2(e - half),
        }
    }

    /// The factor 2⁻ᵏ with m = f·2ᵏ, 1 ≤ f < 2, for a finite m > 0.
    fn down_to_one(m: f64) -> Self {
        Self::exp2(-exponent(m))
    }

    /// The inverse factor 2ᵏ.
    pub fn inverse(self) -> Self {
        Self {
            a: 1.0 / self.a,
            b: 1.0 / self.b,
        }
    }

    /// x·2ᵉ (exact unless the result is subnormal, or beyond the largest `f64`: then ∞).
    #[inline(always)]
    pub fn apply(self, x: f64) -> f64 {
        x * self.a * self.b
    }
}

/// 2ᵉ for −1022 ≤ e ≤ 1023, built from its bits.
fn pow2(e: i32) -> f64 {
    debug_assert!((-1022..=1023).contains(&e), "2^{e} is not a normal f64");
    f64::from_bits(((e + 1023) as u64) << 52)
}

/// k with x = f·2ᵏ, 1 ≤ f < 2, for a finite x > 0 (subnormal x included).
fn exponent(x: f64) -> i32 {
    let biased = ((x.to_bits() >> 52) & 0x7ff) as i32;
    if biased == 0 {
        // Subnormal: x = mantissa·2⁻¹⁰⁷⁴, and the mantissa's top bit gives k.
        let mantissa = x.to_bits() & ((1u64 << 52) - 1);
        (63 - mantissa.leading_zeros() as i32) - 1074
    } else {
        biased - 1023
    }
}

/// Σ vᵢ·s over `values`, in [`LANES`] partial sums.
pub fn sum<T: Elem>(values: &[T], s: PowerOfTwo) -> f64 {
    T::scaled_sum(values, s)
}

/// Σ (vᵢ·s − c)² over `values`, in [`LANES`] partial sums.
pub fn sum_of_squares<T: Elem>(values: &[T], s: PowerOfTwo, c: f64) -> f64 {
    T::scaled_sum_of_squares(values, s, c)
}

/// [`sum`] in precision `T` (instantiated for `f32` and `f64` in this crate).
pub(crate) fn sum_in<T: Elem>(values: &[T], s: PowerOfTwo) -> f64 {
    lanes(values, |v| s.apply(v))
}

/// [`sum_of_squares`] in precision `T` (instantiated for `f32` and `f64` in this crate).
pub(crate) fn sum_of_squares_in<T: Elem>(values: &[T], s: PowerOfTwo, c: f64) -> f64 {
    lanes(values, |v| {
        let d = s.apply(v) - c;
        d * d
    })
}

/// Σ f(vᵢ) in [`LANES`] partial sums, lane j taking the values j, j + LANES, … and the
/// remainder going to lane 0; the lanes are added in order at the end.
#[inline(always)]
fn lanes<T: Elem>(values: &[T], f: impl Fn(f64) -> f64) -> f64 {
    let mut acc = [0.0f64; LANES];
    let mut chunks = values.chunks_exact(LANES);
    for c in &mut chunks {
        for j in 0..LANES {
            acc[j] += f(c[j].as_f64());
        }
    }
    for &v in chunks.remainder() {
        acc[0] += f(v.as_f64());
    }
    acc.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_the_power_of_two_that_brings_the_maximum_into_one_to_two() {
        for m in [
            1.0,
            1.5,
            3.0,
            1e-300,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            3e-310,
        ] {
            let s = Magnitude { max: m }.scale().unwrap();
            let scaled = s.apply(m);
            assert!((1.0..2.0).contains(&scaled), "{m} → {scaled}");
            // Exact: scaling back gives m again.
            assert_eq!(s.inverse().apply(scaled), m, "{m}");
        }
        assert_eq!(Magnitude { max: 0.0 }.scale(), None);
        assert_eq!(Magnitude { max: f64::INFINITY }.scale(), None);
        assert_eq!(Magnitude { max: f64::NAN }.scale(), None);
    }

    #[test]
    fn the_maximum_sees_every_lane_and_the_remainder_and_nan_wins() {
        for len in 0..11 {
            for at in 0..len {
                let mut v = vec![1.0f64; len];
                v[at] = -7.0;
                assert_eq!(Magnitude::of(&v).max, 7.0, "len {len}, at {at}");
                v[at] = f64::NAN;
                assert!(Magnitude::of(&v).max.is_nan(), "len {len}, at {at}");
                v[at] = f64::NEG_INFINITY;
                assert_eq!(Magnitude::of(&v).max, f64::INFINITY);
            }
        }
        assert_eq!(Magnitude::of::<f32>(&[]).max, 0.0);
    }

    #[test]
    fn sums_count_every_value_once() {
        // Integers: every sum is exact, whatever its order.
        for len in 0..11usize {
            let v: Vec<f64> = (1..=len).map(|i| i as f64).collect();
            let one = PowerOfTwo::exp2(0);
            let n = len as f64;
            assert_eq!(sum(&v, one), n * (n + 1.0) / 2.0);
            assert_eq!(
                sum_of_squares(&v, one, 0.0),
                n * (n + 1.0) * (2.0 * n + 1.0) / 6.0
            );
            assert_eq!(
                sum_of_squares(&v, one, 1.0),
                (n - 1.0) * n * (2.0 * n - 1.0) / 6.0
            );
        }
    }
}
