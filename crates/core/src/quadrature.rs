//! Expectations under a Gaussian, computed numerically: Gauss–Hermite quadrature for smooth
//! integrands at moderate variance, and a composite Simpson rule in the original variable when
//! the variance is large.

use std::ops::{Add, Mul};

/// A Gauss–Hermite rule for the standard normal weight: E[f(Z)] ≈ Σᵢ wᵢ·f(xᵢ), Z ~ N(0, 1).
///
/// The rule with m nodes is exact for polynomials of degree ≤ 2m − 1. Its nodes are the roots of
/// the probabilists' Hermite polynomial He_m, found by Newton's method on the orthonormal ones,
/// which stay within floating point for every m the engine uses (no factorials):
/// p₀ = 1, p_{k+1}(x) = (x·p_k(x) − √k·p_{k−1}(x)) / √(k+1), with p_m′ = √m·p_{m−1}.
/// By the Christoffel–Darboux formula the weight of node xᵢ is wᵢ = 1 / (m·p_{m−1}(xᵢ)²)
/// (the weight's total mass is 1). The starting points are the classic asymptotic guesses for
/// the largest roots (Numerical Recipes' `gauher`, in the physicists' scale x/√2), each next
/// root extrapolated from the two before; the rule is symmetric, so only x ≥ 0 is searched.
#[derive(Debug, Clone)]
pub struct GaussHermite {
    /// The nodes xᵢ, in increasing order.
    pub nodes: Vec<f64>,
    /// The weights wᵢ, summing to 1.
    pub weights: Vec<f64>,
}

/// (p_m(x), p_{m−1}(x)) for the orthonormal probabilists' Hermite polynomials.
fn hermite_pair(m: usize, x: f64) -> (f64, f64) {
    let (mut prev, mut p) = (0.0, 1.0);
    for k in 0..m {
        let next = (x * p - (k as f64).sqrt() * prev) / ((k + 1) as f64).sqrt();
        prev = p;
        p = next;
    }
    (p, prev)
}

impl GaussHermite {
    /// The rule with `m` ≥ 1 nodes.
    pub fn new(m: usize) -> Self {
        let m = m.max(1);
        let mf = m as f64;
        // The roots x ≥ 0, largest first, in the physicists' scale z = x/√2 for the guesses.
        let half = m.div_ceil(2);
        let mut z: Vec<f64> = Vec::with_capacity(half);
        let mut weights_half = Vec::with_capacity(half);
        for i in 0..half {
            let guess = match i {
                0 => (2.0 * mf + 1.0).sqrt() - 1.85575 * (2.0 * mf + 1.0).powf(-1.0 / 6.0),
                1 => z[0] - 1.14 * mf.powf(0.426) / z[0],
                2 => 1.86 * z[1] - 0.86 * z[0],
                3 => 1.91 * z[2] - 0.91 * z[1],
                _ => 2.0 * z[i - 1] - z[i - 2],
            };
            let mut x = guess * std::f64::consts::SQRT_2;
            for _ in 0..100 {
                let (p, prev) = hermite_pair(m, x);
                let step = p / (mf.sqrt() * prev);
                x -= step;
                // Converged (or NaN, which no further step mends).
                if step.abs() <= 1e-15 * x.abs().max(1.0) || step.is_nan() {
                    break;
                }
            }
            let (_, prev) = hermite_pair(m, x);
            z.push(x / std::f64::consts::SQRT_2);
            weights_half.push(1.0 / (mf * prev * prev));
        }
        // Mirror: nodes −x (largest first reversed gives increasing order), then +x.
        let mut nodes = Vec::with_capacity(m);
        let mut weights = Vec::with_capacity(m);
        for (zi, wi) in z.iter().zip(&weights_half) {
            nodes.push(-zi * std::f64::consts::SQRT_2);
            weights.push(*wi);
        }
        let odd_middle = m % 2 == 1;
        for (k, (zi, wi)) in z.iter().zip(&weights_half).enumerate().rev() {
            if odd_middle && k == half - 1 {
                // The middle root of an odd rule is 0, found once.
                continue;
            }
            nodes.push(zi * std::f64::consts::SQRT_2);
            weights.push(*wi);
        }
        if odd_middle {
            nodes[half - 1] = 0.0;
        }
        let total: f64 = weights.iter().sum();
        for w in &mut weights {
            *w /= total;
        }
        GaussHermite { nodes, weights }
    }

    /// E[f(Z)] ≈ Σᵢ wᵢ·f(xᵢ) for Z ~ N(0, 1) (for a [`Pair`], both expectations at once).
    pub fn expect<V: Integrand>(&self, f: impl Fn(f64) -> V) -> V {
        self.nodes
            .iter()
            .zip(&self.weights)
            .fold(V::default(), |acc, (&x, &w)| acc + f(x) * w)
    }

    /// E[g(U)·g(V)] (component by component for a [`Pair`]) for a standard bivariate normal pair
    /// with correlation ρ, by the product rule on U = A, V = ρ·A + √(1 − ρ²)·B with A, B
    /// independent N(0, 1): Σᵢ wᵢ·g(xᵢ)·Σⱼ wⱼ·g(ρ·xᵢ + √(1 − ρ²)·xⱼ), with g evaluated m² + m
    /// times for an m-node rule.
    pub fn expect2_product<V: Integrand>(&self, rho: f64, g: impl Fn(f64) -> V) -> V {
        let rho = rho.clamp(-1.0, 1.0);
        let s = (1.0 - rho * rho).max(0.0).sqrt();
        let mut total = V::default();
        for (&a, &wa) in self.nodes.iter().zip(&self.weights) {
            let inner = self.expect(|b| g(rho * a + s * b));
            total = total + g(a) * inner * wa;
        }
        total
    }
}

/// A value whose expectation the rules take: `f64`, or a [`Pair`] of them computed in one
/// pass (sums, scaling by a weight, and the component-wise product of
/// [`GaussHermite::expect2_product`]); `default()` is zero.
pub trait Integrand:
    Copy + Default + Add<Output = Self> + Mul<Output = Self> + Mul<f64, Output = Self>
{
}

impl Integrand for f64 {}

/// Two integrands evaluated together, E[(g₁, g₂)] = (E[g₁], E[g₂]): the theory needs E[φ²]
/// and E[φ′²] (and their two-point forms) at the same points, where φ and φ′ share one
/// exponential.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pair(pub f64, pub f64);

impl Add for Pair {
    type Output = Pair;
    // Inlined even where this crate is compiled for size: a call per term would cost more
    // than the term.
    #[inline(always)]
    fn add(self, o: Pair) -> Pair {
        Pair(self.0 + o.0, self.1 + o.1)
    }
}

impl Mul for Pair {
    type Output = Pair;
    #[inline(always)]
    fn mul(self, o: Pair) -> Pair {
        Pair(self.0 * o.0, self.1 * o.1)
    }
}

impl Mul<f64> for Pair {
    type Output = Pair;
    #[inline(always)]
    fn mul(self, w: f64) -> Pair {
        Pair(self.0 * w, self.1 * w)
    }
}

impl Integrand for Pair {}

/// Beyond this many units of |z| the engine's activations have reached their limits to within
/// e⁻⁴⁰ ≈ 4·10⁻¹⁸ (σ(z) = 1/(1 + e⁻ᶻ), tanh, and their derivatives, which decay like e^{−|z|}).
const SATURATION: f64 = 40.0;

/// E[g(z)] for z ~ N(0, q), for a g that is smooth on the scale of 1 and constant (equal to
/// `g(±∞)`, passed as `at_minus_inf`, `at_plus_inf`) beyond |z| = 40.
///
/// - When √q ≤ 1, Gauss–Hermite in the standardized variable: E[g(√q·Z)] ≈ Σ wᵢ·g(√q·xᵢ).
///   (The spacing of an 80-node rule near 0 is about 0.25, i.e. 0.25·√q in z: fine for a g
///   varying on the scale 1 only while √q is about 1 or less.)
/// - Otherwise g varies on a scale of 1 while the density varies on the scale √q > 1, so a
///   standardized rule would miss g's features. The integral is split into
///   ∫_{−40}^{40} g(z)·p(z) dz (composite Simpson with step 0.01, error O(h⁴)) plus
///   g(−∞)·P(z < −40) + g(+∞)·P(z > 40), with p the N(0, q) density and the tail masses
///   ½ − ∫₀^{40} p computed with the same rule.
pub fn gaussian_expectation<V: Integrand>(
    rule: &GaussHermite,
    q: f64,
    g: impl Fn(f64) -> V,
    at_minus_inf: V,
    at_plus_inf: V,
) -> V {
    if q.is_nan() || q <= 0.0 {
        return g(0.0);
    }
    let s = q.sqrt();
    if s <= 1.0 {
        return rule.expect(|x| g(s * x));
    }
    simpson_expectation(q, g, at_minus_inf, at_plus_inf)
}

/// The composite Simpson branch of [`gaussian_expectation`].
fn simpson_expectation<V: Integrand>(
    q: f64,
    g: impl Fn(f64) -> V,
    at_minus_inf: V,
    at_plus_inf: V,
) -> V {
    let h = 0.01;
    let steps = (2.0 * SATURATION / h).round() as usize; // even
    let norm = 1.0 / (2.0 * std::f64::consts::PI * q).sqrt();
    let p = |z: f64| norm * (-z * z / (2.0 * q)).exp();
    let mut body = V::default();
    let mut mass = 0.0;
    for k in 0..=steps {
        let z = -SATURATION + k as f64 * h;
        let c = if k == 0 || k == steps {
            1.0
        } else if k % 2 == 1 {
            4.0
        } else {
            2.0
        };
        let pz = p(z);
        body = body + g(z) * (c * pz);
        mass += c * pz;
    }
    mass *= h / 3.0;
    let tail = ((1.0 - mass) / 2.0).max(0.0);
    body * (h / 3.0) + (at_minus_inf + at_plus_inf) * tail
}

#[cfg(test)]
mod tests {
    use super::*;
    use nalgebra::{DMatrix, SymmetricEigen};

    /// The rule by another method, Golub–Welsch: the nodes are the eigenvalues of the symmetric
    /// tridiagonal Jacobi matrix of the orthonormal polynomials (zero diagonal, off-diagonal
    /// J_{k,k+1} = √k), the weights the squared first components of its unit eigenvectors.
    fn golub_welsch(m: usize) -> (Vec<f64>, Vec<f64>) {
        let j = DMatrix::<f64>::from_fn(m, m, |r, c| {
            if r + 1 == c || c + 1 == r {
                (r.max(c) as f64).sqrt()
            } else {
                0.0
            }
        });
        let eig = SymmetricEigen::new(j);
        let mut pairs: Vec<(f64, f64)> = (0..m)
            .map(|i| (eig.eigenvalues[i], eig.eigenvectors[(0, i)].powi(2)))
            .collect();
        pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
        pairs.into_iter().unzip()
    }

    #[test]
    fn newton_nodes_and_weights_match_golub_welsch() {
        for m in [1, 2, 3, 4, 5, 6, 7, 10, 11, 20, 33, 64, 80, 101, 160] {
            let rule = GaussHermite::new(m);
            let (nodes, weights) = golub_welsch(m);
            assert_eq!(rule.nodes.len(), m);
            for i in 0..m {
                // The eigen-solver's own error grows with m (its tolerance is relative to the
                // largest node, about √(4m)); the weights of the outermost nodes are tiny.
                let scale = (4.0 * m as f64).sqrt();
                assert!(
                    (rule.nodes[i] - nodes[i]).abs() <= 1e-12 * scale,
                    "m = {m}, node {i}: {} vs {}",
                    rule.nodes[i],
                    nodes[i]
                );
                assert!(
                    (rule.weights[i] - weights[i]).abs() <= 1e-12 * weights[i].max(1e-300) + 1e-15,
                    "m = {m}, weight {i}: {} vs {}",
                    rule.weights[i],
                    weights[i]
                );
            }
            assert!(
                rule.nodes.windows(2).all(|w| w[0] < w[1]),
                "m = {m}: nodes not increasing"
            );
        }
    }

    #[test]
    fn rule_is_exact_on_moments_of_the_normal() {
        let rule = GaussHermite::new(20);
        // E[Z^{2k}] = (2k − 1)!!: 1, 1, 3, 15, 105; odd moments 0.
        let expected = [1.0, 0.0, 1.0, 0.0, 3.0, 0.0, 15.0, 0.0, 105.0];
        for (k, &e) in expected.iter().enumerate() {
            let m = rule.expect(|x| x.powi(k as i32));
            assert!(
                (m - e).abs() <= 1e-11 * (1.0 + e),
                "E[Z^{k}] = {m}, expected {e}"
            );
        }
        // E[UV] = ρ for the bivariate rule.
        let uv = rule.expect2_product(0.3, |u| u);
        assert!((uv - 0.3).abs() < 1e-13);
        // And for a pair, each component as if taken alone: E[U·V] = ρ, E[U²V²] = 1 + 2ρ².
        let both = rule.expect2_product(0.3, |u| Pair(u, u * u));
        assert!(
            (both.0 - 0.3).abs() < 1e-13 && (both.1 - 1.18).abs() < 1e-12,
            "{both:?}"
        );
    }

    #[test]
    fn both_branches_agree_where_both_apply() {
        let rule = GaussHermite::new(80);
        let g = |z: f64| {
            let t = z.tanh();
            t * t
        };
        // At √q = 1 and 0.8 both rules resolve g and the density; they must agree to far
        // better than the page can show (their own errors are O(h⁴) and spectrally small).
        for q in [1.0f64, 0.64] {
            let a = rule.expect(|x| g(q.sqrt() * x));
            let b = simpson_expectation(q, g, 1.0, 1.0);
            assert!((a - b).abs() < 1e-9, "q = {q}: {a} vs {b}");
        }
        // Far out the sigmoid² tends to P(z > 0) = ½.
        let sig2 = |z: f64| crate::Activation::Sigmoid.apply::<f64>(z).powi(2);
        let far = gaussian_expectation(&rule, 1e12, sig2, 0.0, 1.0);
        assert!((far - 0.5).abs() < 1e-5, "{far}");
    }
}
