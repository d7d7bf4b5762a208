//! The one rule for numbers that JSON and CSV cannot write: ∞ and NaN become the words "inf",
//! "-inf" and "nan" (JSON has no literal for them, and serde_json alone would write `null`).

/// The word for a non-finite number ("inf", "-inf" or "nan"); `None` for a finite one.
pub fn non_finite(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("nan")
    } else if x == f64::INFINITY {
        Some("inf")
    } else if x == f64::NEG_INFINITY {
        Some("-inf")
    } else {
        None
    }
}

/// A number as a CSV cell: Rust's shortest round-trip form in scientific notation, or the
/// word of [`non_finite`].
pub fn cell(x: f64) -> String {
    match non_finite(x) {
        Some(word) => word.to_string(),
        None => format!("{x:e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_round_trip_and_name_the_non_finite() {
        for x in [
            0.0,
            -1.5,
            1e-300,
            6.02e23,
            f64::MAX,
            f64::MIN_POSITIVE / 4.0,
        ] {
            assert_eq!(cell(x).parse::<f64>().unwrap(), x, "{x}");
        }
        assert_eq!(cell(f64::INFINITY), "inf");
        assert_eq!(cell(f64::NEG_INFINITY), "-inf");
        assert_eq!(cell(f64::NAN), "nan");
        assert_eq!(non_finite(1.0), None);
    }
}
