//! The root of an increasing function on a bracket: the Illinois variant of regula falsi, with
//! bisection as its safeguard.

/// Evaluations allowed before giving up on `tol` (bisection alone reaches 2⁻⁶⁰ of the bracket).
const MAX_EVALUATIONS: usize = 60;

/// The x in [lo, hi] where an increasing `f` crosses 0, to within `tol` in x, given
/// f(lo) < 0 < f(hi); `None` if the ends do not bracket a crossing or `f` returns `None`.
///
/// Each step takes the secant through the bracket's ends (a, f(a)) and (b, f(b)),
/// x = b − f(b)·(b − a)/(f(b) − f(a)), and keeps the part of the bracket where f changes sign.
/// Plain regula falsi can keep one end for ever, shrinking the bracket only from the other side;
/// the Illinois rule halves the stored value of an end kept twice in a row, which pulls the next
/// secant across the root (order of convergence ≈ 1.44). A step that gains less than bisection
/// would over two steps is followed by a bisection, so the bracket halves at least every other
/// step. The answer is the final bracket's midpoint, within `tol`/2 of the crossing.
pub fn increasing_root(
    mut f: impl FnMut(f64) -> Option<f64>,
    lo: f64,
    hi: f64,
    tol: f64,
) -> Option<f64> {
    let (mut a, mut fa) = (lo, f(lo)?);
    let (mut b, mut fb) = (hi, f(hi)?);
    if !(fa < 0.0 && fb > 0.0) {
        return None;
    }
    // Which end the last step replaced (-1: a, 1: b), and the bracket's width two steps ago.
    let mut last = 0;
    let mut widths = [b - a, b - a];
    for step in 0..MAX_EVALUATIONS {
        if b - a <= tol {
            break;
        }
        let secant = b - fb * (b - a) / (fb - fa);
        let slow = step >= 2 && (b - a) > 0.5 * widths[0];
        let x = if slow || !(secant > a && secant < b) {
            0.5 * (a + b)
        } else {
            secant
        };
        let fx = f(x)?;
        widths = [widths[1], b - a];
        if fx == 0.0 {
            return Some(x);
        }
        if fx < 0.0 {
            if last == -1 {
                fb *= 0.5;
            }
            (a, fa, last) = (x, fx, -1);
        } else {
            if last == 1 {
                fa *= 0.5;
            }
            (b, fb, last) = (x, fx, 1);
        }
    }
    Some(0.5 * (a + b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// The root and the number of evaluations it took.
    fn solve(f: impl Fn(f64) -> f64, lo: f64, hi: f64, tol: f64) -> (f64, usize) {
        let calls = Cell::new(0);
        let root = increasing_root(
            |x| {
                calls.set(calls.get() + 1);
                Some(f(x))
            },
            lo,
            hi,
            tol,
        )
        .unwrap();
        (root, calls.get())
    }

    #[test]
    fn finds_known_roots_within_the_tolerance_in_fewer_steps_than_bisection() {
        let tol = 1e-10;
        // Bisection over a bracket of width 6 needs log₂(6/tol) ≈ 36 halvings (+2 ends).
        let bisection = (6.0f64 / tol).log2().ceil() as usize + 2;
        let cases: [(&dyn Fn(f64) -> f64, f64); 4] = [
            (&|x| x * x * x - 2.0, 2f64.cbrt()),
            (&|x| x.exp() - 5.0, 5f64.ln()),
            // Steep and then flat: plain regula falsi keeps one end for hundreds of steps here.
            (&|x| (50.0 * (x - 0.3)).tanh(), 0.3),
            // Convex on one side: the Illinois halving is what moves the far end.
            (&|x| (x - 1.0).powi(9) + 1e-3 * (x - 1.0), 1.0),
        ];
        for (i, (f, want)) in cases.iter().enumerate() {
            let (got, calls) = solve(f, -2.0, 4.0, tol);
            assert!((got - want).abs() <= tol, "case {i}: {got} vs {want}");
            assert!(
                calls < bisection,
                "case {i}: {calls} evaluations (bisection: {bisection})"
            );
        }
        // A smooth crossing, as the stability map's are, takes a handful.
        let (_, calls) = solve(|x| x.exp() - 5.0, -2.0, 4.0, tol);
        assert!(calls <= 12, "{calls}");
    }

    #[test]
    fn no_crossing_or_no_value_is_none() {
        assert_eq!(increasing_root(|x| Some(x + 10.0), 0.0, 1.0, 1e-9), None);
        assert_eq!(increasing_root(|x| Some(x - 10.0), 0.0, 1.0, 1e-9), None);
        // Decreasing: f(lo) > 0 > f(hi) is not the bracket asked for.
        assert_eq!(increasing_root(|x| Some(0.5 - x), 0.0, 1.0, 1e-9), None);
        assert_eq!(
            increasing_root(
                |x| if x > 0.7 { None } else { Some(x - 0.5) },
                0.0,
                1.0,
                1e-9
            ),
            None
        );
        let nan = increasing_root(
            |x| Some(if x == 0.0 { f64::NAN } else { x }),
            0.0,
            1.0,
            1e-9,
        );
        assert_eq!(nan, None);
    }
}
