//! A log₁₀ axis that never breaks: ranges from finite positive values only, ticks at whole powers
//! of ten, labels written as 10ᵏ; and the 1-2-5 tick rule every axis uses.

use super::frame::Tick;

/// Where a value lands on a log₁₀ axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Placement {
    /// A finite positive value, at log₁₀(v).
    At(f64),
    /// Exactly 0 (or negative, which a norm never is): below every power of ten, so it is drawn
    /// as a marker on the bottom edge ("underflow to 0").
    Zero,
    /// +∞ or NaN: drawn as a marker on the top edge ("overflow").
    Overflow,
}

/// Classifies `v` for a log₁₀ axis.
pub fn place(v: f64) -> Placement {
    if v.is_nan() || v == f64::INFINITY {
        Placement::Overflow
    } else if v > 0.0 {
        Placement::At(v.log10())
    } else {
        Placement::Zero
    }
}

/// A range in decades (log₁₀ units) `[lo, hi]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DecadeRange {
    /// The bottom, in decades.
    pub lo: f64,
    /// The top, in decades.
    pub hi: f64,
}

impl DecadeRange {
    /// The smallest range of whole decades holding every finite positive value, widened to at
    /// least 2 decades; [10⁻¹, 10¹] when there is no such value.
    pub fn covering(values: impl IntoIterator<Item = f64>) -> DecadeRange {
        let mut lo = f64::INFINITY;
        let mut hi = f64::NEG_INFINITY;
        for v in values {
            if let Placement::At(d) = place(v) {
                lo = lo.min(d);
                hi = hi.max(d);
            }
        }
        if !lo.is_finite() {
            return DecadeRange { lo: -1.0, hi: 1.0 };
        }
        let (mut lo, mut hi) = (lo.floor(), hi.ceil());
        if hi - lo < 2.0 {
            let mid = ((lo + hi) / 2.0).round();
            lo = mid - 1.0;
            hi = mid + 1.0;
        }
        DecadeRange { lo, hi }
    }

    /// The tick positions: whole decades, every 1, 2, 5, 10, 20, 50, … so that there are at most
    /// `max_ticks` of them (see [`nice_ticks`]).
    pub fn ticks(&self, max_ticks: usize) -> Vec<f64> {
        nice_ticks(self.lo, self.hi, max_ticks, 1.0)
    }
}

/// Ticks from `lo` to `hi` at the multiples of the smallest step of 1, 2 or 5 × 10ᵏ, no smaller
/// than `min_step` (1 for whole numbers, 0 for any), that leaves at most `max_ticks` of them
/// (at least 1); none when the range is not finite or `lo` > `hi`.
pub fn nice_ticks(lo: f64, hi: f64, max_ticks: usize, min_step: f64) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite()) || lo > hi {
        return Vec::new();
    }
    let max_ticks = max_ticks.max(1) as f64;
    let count = |step: f64| (hi / step).floor() - (lo / step).ceil() + 1.0;
    // The first candidate is a power of ten below the span per tick: counting upwards from
    // there, the loop ends within a few steps.
    // A range of a single value gets a span of a billionth of it.
    let span = (hi - lo).max(lo.abs().max(hi.abs()) * 1e-9).max(1e-300);
    let mut decade = 10f64.powf((span / max_ticks).log10().floor() - 1.0);
    loop {
        for m in [1.0, 2.0, 5.0] {
            let step = m * decade;
            if step >= min_step && count(step) <= max_ticks {
                let first = (lo / step).ceil() as i64;
                let last = (hi / step).floor() as i64;
                return (first..=last).map(|i| i as f64 * step).collect();
            }
        }
        decade *= 10.0;
    }
}

/// A tick label for a whole-number axis (layers, steps): the number when `x` is whole, nothing
/// otherwise, so that a short range never shows "0 0 1 1".
pub fn whole_number(x: f64) -> String {
    if (x - x.round()).abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        String::new()
    }
}

/// "10" followed by the exponent in superscript digits: 10⁻¹², 10⁰, 10²³.
pub fn power_of_ten(decade: f64) -> String {
    const SUP: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let k = decade.round() as i64;
    let mut s = String::from("10");
    if k < 0 {
        s.push('⁻');
    }
    for c in k.unsigned_abs().to_string().chars() {
        s.push(SUP[c.to_digit(10).unwrap_or(0) as usize]);
    }
    s
}

/// Ticks on whole numbers from `lo` to `hi` (at most `max` of them), labelled with the number.
pub fn whole_number_ticks(lo: f64, hi: f64, max: usize) -> Vec<Tick> {
    (nice_ticks(lo, hi, max, 1.0).into_iter())
        .map(|x| (x, whole_number(x)))
        .collect()
}

/// Ticks on the whole decades of `range` (at most `max` of them), labelled 10ᵏ.
pub fn decade_ticks(range: &DecadeRange, max: usize) -> Vec<Tick> {
    (range.ticks(max).into_iter())
        .map(|y| (y, power_of_ten(y)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_ignores_zero_infinity_and_nan() {
        let r = DecadeRange::covering([0.0, 1e-12, 3e5, f64::INFINITY, f64::NAN]);
        assert_eq!(r, DecadeRange { lo: -12.0, hi: 6.0 });
        assert_eq!(
            DecadeRange::covering([0.0, f64::NAN]),
            DecadeRange { lo: -1.0, hi: 1.0 }
        );
        let r = DecadeRange::covering([5.0]);
        assert!(r.hi - r.lo >= 2.0 && r.lo <= 5f64.log10() && r.hi >= 5f64.log10());
    }

    #[test]
    fn ticks_are_whole_decades_and_few() {
        let r = DecadeRange {
            lo: -300.0,
            hi: 300.0,
        };
        let t = r.ticks(8);
        assert!(t.len() <= 8 && t.len() >= 2, "{t:?}");
        assert!(t.iter().all(|x| x.fract() == 0.0));
        assert_eq!(
            DecadeRange { lo: -1.0, hi: 1.0 }.ticks(8),
            vec![-1.0, 0.0, 1.0]
        );
    }

    #[test]
    fn nice_ticks_step_by_one_two_five() {
        assert_eq!(
            nice_ticks(0.5, 30.5, 11, 1.0),
            vec![5.0, 10.0, 15.0, 20.0, 25.0, 30.0]
        );
        assert_eq!(nice_ticks(0.5, 4.5, 5, 1.0), vec![1.0, 2.0, 3.0, 4.0]);
        assert_eq!(nice_ticks(-0.5, 10_000.5, 11, 1.0).len(), 11);
        // Whole numbers only, however few there are.
        assert_eq!(nice_ticks(0.5, 1.6, 8, 1.0), vec![1.0]);
        let evens: Vec<f64> = (-4..=4).map(|i| 2.0 * i as f64).collect();
        assert_eq!(nice_ticks(-8.0, 8.0, 9, 0.0), evens);
        let t = nice_ticks(0.0, 0.07, 4, 0.0);
        assert_eq!(t.len(), 4, "{t:?}"); // 0, 0.02, 0.04, 0.06
        assert!((t[1] - 0.02).abs() < 1e-12);
        assert!(nice_ticks(f64::NAN, 1.0, 5, 0.0).is_empty());
        assert_eq!(nice_ticks(3.0, 3.0, 5, 0.0).len(), 1);
    }

    #[test]
    fn labels_use_superscripts() {
        assert_eq!(power_of_ten(-12.0), "10⁻¹²");
        assert_eq!(power_of_ten(0.0), "10⁰");
        assert_eq!(power_of_ten(23.0), "10²³");
    }
}
