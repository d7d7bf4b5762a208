//! The chapter's first figure: the sigmoid and its derivative over a range.

use crate::error::check_range;
use crate::{Activation, Error};
use serde::{Deserialize, Serialize};

/// σ(x) = 1/(1 + e⁻ˣ) and σ′(x) = σ(x)(1 − σ(x)) sampled at evenly spaced points.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SigmoidCurve {
    /// xᵢ = lo + i·(hi − lo)/(N − 1), i = 0..N−1.
    pub x: Vec<f64>,
    /// σ(xᵢ).
    pub value: Vec<f64>,
    /// σ′(xᵢ).
    pub derivative: Vec<f64>,
}

/// Largest number of points [`sigmoid_curve`] accepts.
pub const MAX_POINTS: usize = 100_000;

/// σ and σ′ at `points` (2 ..= [`MAX_POINTS`]) evenly spaced x from `lo` to `hi` (finite,
/// lo < hi). The book plots x from −8 to 8.
pub fn sigmoid_curve(lo: f64, hi: f64, points: usize) -> Result<SigmoidCurve, Error> {
    check_range("lo", lo, -1e6, 1e6)?;
    check_range("hi", hi, -1e6, 1e6)?;
    if lo >= hi {
        return Err(Error::Inconsistent {
            field: "hi",
            reason: format!("hi ({hi}) must be greater than lo ({lo})"),
        });
    }
    check_range("points", points, 2, MAX_POINTS)?;
    let step = (hi - lo) / (points - 1) as f64;
    let x: Vec<f64> = (0..points).map(|i| lo + i as f64 * step).collect();
    let value = x.iter().map(|&v| Activation::Sigmoid.apply(v)).collect();
    let derivative = x
        .iter()
        .map(|&v| Activation::Sigmoid.derivative(v))
        .collect();
    Ok(SigmoidCurve {
        x,
        value,
        derivative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curve_has_the_book_shape() {
        let c = sigmoid_curve(-8.0, 8.0, 161).unwrap();
        assert_eq!(c.x.len(), 161);
        assert_eq!((c.x[0], c.x[160]), (-8.0, 8.0));
        for i in 0..161 {
            let s = c.value[i];
            assert!((c.derivative[i] - s * (1.0 - s)).abs() < 1e-15);
        }
        // σ′ peaks at x = 0 with value ¼ and is below 4·10⁻⁴ at |x| = 8.
        assert_eq!(c.derivative[80], 0.25);
        assert!(c.derivative[0] < 4e-4 && c.derivative[160] < 4e-4);
        assert_eq!(sigmoid_curve(1.0, 1.0, 10).unwrap_err().field(), "hi");
        assert_eq!(sigmoid_curve(0.0, 1.0, 1).unwrap_err().field(), "points");
        assert_eq!(sigmoid_curve(f64::NAN, 1.0, 5).unwrap_err().field(), "lo");
    }
}
