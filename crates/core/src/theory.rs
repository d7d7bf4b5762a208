//! The chapter's variance-propagation argument, turned into a per-layer prediction that the page
//! draws over the measured curves.
//!
//! # Model
//! h⁰ = x with i.i.d. N(0, 1) entries (so E[x²] = 1), zˡ = Wˡhˡ⁻¹, hˡ = φ(zˡ), Wˡ of shape
//! n_l × n_{l−1} with i.i.d. entries of mean 0 and second moment vˡ = E[(W^l_{ij})²]
//! ([`Initializer::second_moment`]). The loss is ℓ = (1/B)·Σ_b Σ_i hᴸ_{i,b}.
//!
//! # Forward
//! zᵢ = Σⱼ Wᵢⱼhⱼ is a sum of n_{l−1} independent zero-mean terms, so E[zᵢ] = 0 and
//!
//! > qˡ = Var[zˡ] = n_{l−1}·vˡ·E[(hˡ⁻¹)²],  with E[(h⁰)²] = 1 and E[(hˡ)²] = E_{z~N(0,qˡ)}[φ(z)²].
//!
//! The *mean-field* assumption is that zˡ is Gaussian (a central limit over n_{l−1} terms). For
//! the identity E[φ(z)²] = q, for ReLU q/2 (half the mass is cut off); for the sigmoid and
//! tanh the expectation is computed numerically at the current qˡ
//! ([`gaussian_expectation`]). The predicted `preact_std` is √qˡ.
//!
//! Two examples b ≠ b′ are correlated through the shared weights: with kˡ = Cov[z_b, z_{b′}],
//! kˡ = n_{l−1}·vˡ·E[h_b h_{b′}], E[h_b h_{b′}] = E[φ(u)φ(u′)] for (u, u′) centred Gaussian with
//! variances qˡ and covariance kˡ (k¹ = 0: the inputs are independent). For odd φ (identity,
//! tanh) k stays 0; for ReLU and the sigmoid, whose outputs have a mean, it does not. It matters
//! only for ∂ℓ/∂W below. For ReLU the arc-cosine kernel gives it in closed form:
//! E[φ(u)φ(u′)] = q/(2π)·(√(1−ρ²) + (π − arccos ρ)·ρ), E[φ′(u)φ′(u′)] = (π − arccos ρ)/(2π)
//! with ρ = k/q.
//!
//! # Backward
//! With gˡ = ∂ℓ/∂hˡ and δˡ = gˡ ⊙ φ′(zˡ): gᴸ = 1/B in every entry, gˡ⁻¹ = (Wˡ)ᵀδˡ.
//!
//! The chapter's argument (and the mean-field *gradient independence* assumption) treats Wˡ in
//! the backward pass as independent of the forward values. Then, with rˡ = E[(gˡ_{i,b})²],
//!
//! > E[(δˡ)²] = rˡ·E[φ′(zˡ)²],  rˡ⁻¹ = n_l·vˡ·rˡ·E[φ′(zˡ)²],  rᴸ = 1/B²:
//!
//! each layer multiplies the backward signal's mean square by n_l·vˡ·E[φ′(z)²].
//!
//! That is exact for odd φ but not for ReLU with this loss, and the tests at width 256 see the
//! difference (about 0.7 decades over 30 layers). The loss ℓ = (1/B)·Σ hᴸ reads the output
//! with the fixed all-ones vector, not with random weights, so the backward signal keeps a part
//! that is aligned with the forward one. (For ReLU, Euler's theorem for the positively
//! homogeneous ℓ(hˡ) says gˡ·hˡ = ℓ exactly for each example.) Gaussian integration by parts
//! (Stein's lemma, E[wᵢⱼ·F(zᵢ)] = vˡ·hⱼ·E[F′(zᵢ)] for zᵢ = wᵢ·h) gives this part: write
//! gˡ_j = cˡ·φ(zˡ_j) + ξˡ_j, with ξ independent of the forward values (mean μ = 1/B at the output
//! and 0 below, mean square Iˡ) and ψ = φ·φ′. Then
//!
//! > E[(δˡ)²] = (cˡ)²·E[ψ²] + Iˡ·E[φ′²],
//! > Iˡ⁻¹ = n_l·vˡ·E[(δˡ)²],
//! > cˡ⁻¹ = n_l·vˡ·(cˡ·E[ψ′] + μˡ·E[φ″]),
//! > rˡ⁻¹ = Iˡ⁻¹ + (cˡ⁻¹)²·E[(hˡ⁻¹)²],
//!
//! from Iᴸ = 1/B², cᴸ = 0. The coherent part passes the ReLU mask whole (ψ = ReLU, E[ψ′] = ½,
//! E[ψ²] = q/2, against E[φ′²] = ½ for the incoherent part), and feeds the incoherent part at
//! each layer, which adds a factor growing linearly with the distance from the output. For the
//! identity, tanh and the sigmoid, E[φ″] = E[z·φ′(z)]/q = 0 (φ′ even or constant), so c = 0 and
//! the chapter's recursion is recovered exactly.
//!
//! The reported backward_norm is ‖gˡ⁻¹‖_F/√B, and ‖gˡ⁻¹‖²_F ≈ n_{l−1}·B·rˡ⁻¹, so the prediction
//! is √(n_{l−1}·rˡ⁻¹).
//!
//! # Weight gradient
//! ∂ℓ/∂W_{ij} = Σ_b δ_{i,b}·h_{j,b}. Its mean square has B diagonal terms and B(B−1) cross terms:
//!
//! > E[(∂ℓ/∂W_{ij})²] = B·E[δ²]·E[h²] + B(B−1)·E[δ_bδ_{b′}]·E[h_bh_{b′}],
//!
//! with E[δ_bδ_{b′}] = (cˡ)²·E[ψ(u)ψ(u′)] + I×ˡ·E[φ′(u)φ′(u′)] and I×ˡ propagated like Iˡ
//! (I×ᴸ = 1/B²). For the sigmoid and tanh the two-example expectations use a product
//! Gauss–Hermite rule in the standardized variables, which resolves φ only while √q is about 1
//! or less: at larger q the grad_norm cross term is approximate (the forward and backward
//! predictions are not affected). Summed over
//! the n_l·n_{l−1} entries, grad_norm = √(n_l·n_{l−1}·E[(∂ℓ/∂W_{ij})²]).
//!
//! # Constant initialization
//! With every weight equal to c the mean-field argument does not apply: the weights are not
//! independent, and every unit of a layer computes the same value. Then the prediction is
//! exact instead: all of x's randomness enters through one number per example, u = Σⱼxⱼ/√n₀ ~
//! N(0, 1), and z¹ = c·√n₀·u, zˡ⁺¹ = c·n_l·φ(zˡ), gᴸ = 1/B, δˡ = gˡ·φ′(zˡ),
//! gˡ⁻¹ = c·n_l·δˡ are all functions of u. The predictions are preact_std = √Var_u[zˡ(u)],
//! backward_norm = √(n_{l−1}·E_u[gˡ⁻¹(u)²]) and
//! grad_norm = √(n_l·n_{l−1}·(B·E_u[(δh)²] + B(B−1)·E_u[δh]²)), with the expectations over u
//! by Gauss–Hermite quadrature.

use crate::initializer::Family;
use crate::quadrature::{gaussian_expectation, GaussHermite, Pair};
use crate::{Activation, Error, GradSettings, Initializer};
use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// The predicted statistics of one layer, normalized as in [`crate::LayerStats`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LayerPrediction {
    /// The layer l, from 1 (nearest the input) to L.
    pub layer: usize,
    /// √qˡ, the predicted standard deviation of zˡ.
    pub preact_std: f64,
    /// The predicted ‖∂ℓ/∂hˡ⁻¹‖_F/√B = √(n_{l−1}·rˡ⁻¹).
    pub backward_norm: f64,
    /// The predicted ‖∂ℓ/∂Wˡ‖_F.
    pub grad_norm: f64,
}

/// Nodes of the quadrature rules used below: enough for the sigmoid and tanh at √q ≤ 4.
const NODES: usize = 80;

/// E[φ(z)²] and E[φ′(z)²] for z ~ N(0, q).
fn diag_moments(rule: &GaussHermite, act: Activation, q: f64) -> (f64, f64) {
    match act {
        Activation::Identity => (q, 1.0),
        Activation::Relu => (q / 2.0, 0.5),
        Activation::Sigmoid | Activation::Tanh => {
            // φ(±∞): σ → (0, 1), tanh → (∓1)² = 1; φ′ → 0 at both ends.
            let (lo, hi) = if act == Activation::Sigmoid {
                (0.0, 1.0)
            } else {
                (1.0, 1.0)
            };
            let squares = |z: f64| {
                let (f, d) = act.value_and_derivative(z);
                Pair(f * f, d * d)
            };
            let Pair(f2, d2) = gaussian_expectation(rule, q, squares, Pair(lo, 0.0), Pair(hi, 0.0));
            (f2, d2)
        }
    }
}

/// E[φ(u)φ(u′)] and E[φ′(u)φ′(u′)] for (u, u′) centred Gaussian, variances q, covariance k.
fn cross_moments(rule: &GaussHermite, act: Activation, q: f64, k: f64) -> (f64, f64) {
    if q.is_nan() || q <= 0.0 || q.is_infinite() {
        let d = act.derivative::<f64>(0.0);
        let f = act.apply::<f64>(0.0);
        return (f * f, d * d);
    }
    let rho = (k / q).clamp(-1.0, 1.0);
    match act {
        Activation::Identity => (k, 1.0),
        Activation::Relu => {
            let theta = rho.acos();
            (
                q / (2.0 * PI) * ((1.0 - rho * rho).max(0.0).sqrt() + (PI - theta) * rho),
                (PI - theta) / (2.0 * PI),
            )
        }
        Activation::Sigmoid | Activation::Tanh => {
            let s = q.sqrt();
            let Pair(f, d) = rule.expect2_product(rho, |x| {
                let (f, d) = act.value_and_derivative(s * x);
                Pair(f, d)
            });
            (f, d)
        }
    }
}

/// The prediction for the network of `settings` (every layer `width` wide).
pub fn predict(settings: &GradSettings) -> Result<Vec<LayerPrediction>, Error> {
    settings.validate()?;
    Ok(predict_widths(
        settings.activation,
        settings.init,
        settings.sigma,
        &settings.widths(),
        settings.batch,
    ))
}

/// The prediction for layer widths (n₀, n₁, …, n_L) and batch B, as derived in the module
/// documentation; one [`LayerPrediction`] per layer, layer 1 first (empty if fewer than two
/// widths are given). Widths need not be equal, nor within the page's limits.
pub fn predict_widths(
    activation: Activation,
    init: Initializer,
    sigma: f64,
    widths: &[usize],
    batch: usize,
) -> Vec<LayerPrediction> {
    if widths.len() < 2 {
        return Vec::new();
    }
    let batch = batch.max(1) as f64;
    if init.family() == Family::Constant {
        return predict_constant(activation, init.scale(sigma, 1, 1), widths, batch);
    }
    let rule = GaussHermite::new(NODES);
    let depth = widths.len() - 1;
    let n = |l: usize| widths[l] as f64;
    let v = |l: usize| init.second_moment(sigma, widths[l - 1], widths[l]);

    // Forward: (qˡ, kˡ), and E[(hˡ⁻¹)²], E[h_b h_b′] of the layer's input, for l = 1..L.
    let mut q = vec![0.0; depth + 1];
    let mut k = vec![0.0; depth + 1];
    let mut h2_in = vec![0.0; depth + 1];
    let mut hh_in = vec![0.0; depth + 1];
    let mut d2 = vec![0.0; depth + 1];
    let mut dd = vec![0.0; depth + 1];
    let (mut h2, mut hh) = (1.0, 0.0);
    for l in 1..=depth {
        h2_in[l] = h2;
        hh_in[l] = hh;
        q[l] = n(l - 1) * v(l) * h2;
        k[l] = n(l - 1) * v(l) * hh;
        let (f2, g2) = diag_moments(&rule, activation, q[l]);
        let (fx, gx) = cross_moments(&rule, activation, q[l], k[l]);
        h2 = f2;
        hh = fx;
        d2[l] = g2;
        dd[l] = gx;
    }

    // Backward: the incoherent parts Iˡ, I×ˡ and the coherent coefficient cˡ (module docs).
    let mut out = vec![
        LayerPrediction {
            layer: 0,
            preact_std: 0.0,
            backward_norm: 0.0,
            grad_norm: 0.0,
        };
        depth
    ];
    let inv_b2 = 1.0 / (batch * batch);
    let (mut i_diag, mut i_cross, mut c, mut mu) = (inv_b2, inv_b2, 0.0, 1.0 / batch);
    for l in (1..=depth).rev() {
        let co = coherent_moments(activation, q[l], k[l]);
        let delta2 = times(c * c, co.psi2) + times(i_diag, d2[l]);
        let deltax = times(c * c, co.psi_cross) + times(i_cross, dd[l]);
        let w2 = batch * times(delta2, h2_in[l]) + batch * (batch - 1.0) * times(deltax, hh_in[l]);
        let gain = n(l) * v(l);
        i_diag = gain * delta2;
        i_cross = gain * deltax;
        c = gain * (times(c, co.z_psi) + times(mu, co.z_slope));
        mu = 0.0;
        let r = i_diag + times(c * c, h2_in[l]);
        out[l - 1] = LayerPrediction {
            layer: l,
            preact_std: q[l].sqrt(),
            backward_norm: (n(l - 1) * r).sqrt(),
            grad_norm: (n(l) * n(l - 1) * w2.max(0.0)).sqrt(),
        };
    }
    out
}

/// a·b with 0·∞ = 0: a term that is absent (a factor exactly 0) stays absent even when the
/// other factor has overflowed in a predicted explosion.
fn times(a: f64, b: f64) -> f64 {
    if a == 0.0 || b == 0.0 {
        0.0
    } else {
        a * b
    }
}

/// The moments the coherent part of the backward signal needs, at z ~ N(0, q) (with ψ = φ·φ′).
struct Coherent {
    /// E[ψ(z)²].
    psi2: f64,
    /// E[ψ(u)ψ(u′)] for two examples (covariance k).
    psi_cross: f64,
    /// E[z·ψ(z)]/q = E[ψ′(z)] (Stein's lemma).
    z_psi: f64,
    /// E[z·φ′(z)]/q = E[φ″(z)] (Stein's lemma).
    z_slope: f64,
}

/// Only ReLU has a coherent part: φ′ is even for the sigmoid and tanh and constant for the
/// identity, so E[z·φ′(z)] = 0 and, starting from c = 0 at the output, c stays 0; their other
/// moments are then multiplied by 0 and are not needed. For ReLU, ψ = φ·φ′ = ReLU itself, so
/// E[ψ²] = q/2, E[ψ′] = ½, E[ψψ′] is the arc-cosine kernel and E[φ″] = 1/√(2πq), the density
/// of z at 0.
fn coherent_moments(act: Activation, q: f64, k: f64) -> Coherent {
    match act {
        Activation::Relu if q > 0.0 => {
            let rho = (k / q).clamp(-1.0, 1.0);
            Coherent {
                psi2: q / 2.0,
                psi_cross: q / (2.0 * PI)
                    * ((1.0 - rho * rho).max(0.0).sqrt() + (PI - rho.acos()) * rho),
                z_psi: 0.5,
                z_slope: 1.0 / (2.0 * PI * q).sqrt(),
            }
        }
        _ => Coherent {
            psi2: 0.0,
            psi_cross: 0.0,
            z_psi: 0.0,
            z_slope: 0.0,
        },
    }
}

/// The exact prediction for constant weights c (see the module documentation).
fn predict_constant(act: Activation, c: f64, widths: &[usize], batch: f64) -> Vec<LayerPrediction> {
    let rule = GaussHermite::new(2 * NODES);
    let depth = widths.len() - 1;
    let n = |l: usize| widths[l] as f64;
    // zˡ(u) and φ′(zˡ(u)) at every node u, for l = 1..L; h⁰-side values per layer.
    let m = rule.nodes.len();
    let mut z = vec![vec![0.0; m]; depth + 1];
    let mut h_in = vec![vec![0.0; m]; depth + 1];
    for (i, &u) in rule.nodes.iter().enumerate() {
        let mut zi = c * n(0).sqrt() * u;
        // h⁰ per unit: its value for the gradient's E[δh] is x_j itself, whose mean over the
        // batch is 0 and whose mean square is 1 whatever u is; recorded as NaN and special-cased.
        h_in[1][i] = f64::NAN;
        for l in 1..=depth {
            z[l][i] = zi;
            let h = act.apply::<f64>(zi);
            if l < depth {
                h_in[l + 1][i] = h;
                zi = c * n(l) * h;
            }
        }
    }
    let expect = |f: &dyn Fn(usize) -> f64| -> f64 {
        rule.weights
            .iter()
            .enumerate()
            .map(|(i, &w)| w * f(i))
            .sum()
    };
    let mut out = Vec::with_capacity(depth);
    let mut g = vec![1.0 / batch; m]; // gᴸ(u)
    for l in (1..=depth).rev() {
        let delta: Vec<f64> = (0..m)
            .map(|i| g[i] * act.derivative::<f64>(z[l][i]))
            .collect();
        let g_prev: Vec<f64> = delta.iter().map(|d| c * n(l) * d).collect();
        let mean_z = expect(&|i| z[l][i]);
        let var_z = expect(&|i| (z[l][i] - mean_z).powi(2)).max(0.0);
        let back2 = expect(&|i| g_prev[i].powi(2));
        let (dh2, dh) = if l == 1 {
            // ∂ℓ/∂W¹_{ij} = Σ_b δ_b·x_{j,b} with δ_b a function of u_b = Σⱼ x_{j,b}/√n₀:
            // E[x_j | u] = u/√n₀ and E[x_j² | u] = 1 − 1/n₀ + u²/n₀.
            let s = n(0).sqrt();
            (
                expect(&|i| delta[i].powi(2) * (1.0 - 1.0 / n(0) + rule.nodes[i].powi(2) / n(0))),
                expect(&|i| delta[i] * rule.nodes[i] / s),
            )
        } else {
            (
                expect(&|i| (delta[i] * h_in[l][i]).powi(2)),
                expect(&|i| delta[i] * h_in[l][i]),
            )
        };
        let w2 = batch * dh2 + batch * (batch - 1.0) * dh * dh;
        out.push(LayerPrediction {
            layer: l,
            preact_std: var_z.sqrt(),
            backward_norm: (n(l - 1) * back2).sqrt(),
            grad_norm: (n(l) * n(l - 1) * w2.max(0.0)).sqrt(),
        });
        g = g_prev;
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linear_network_has_closed_form_scales() {
        // Identity, N(0, σ²): qˡ = (nσ²)ˡ, backward_norm at layer l = √n·(nσ²)^{(L−l+1)/2}/B.
        let (n, b, sigma) = (16usize, 4usize, 0.3);
        let p = predict_widths(Activation::Identity, Initializer::Normal, sigma, &[n; 6], b);
        let a = n as f64 * sigma * sigma;
        for pl in &p {
            let l = pl.layer as i32;
            let q = a.powi(l);
            assert!((pl.preact_std - q.sqrt()).abs() <= 1e-12 * q.sqrt());
            let back = (n as f64).sqrt() * a.powf((5 - l + 1) as f64 / 2.0) / b as f64;
            assert!((pl.backward_norm - back).abs() <= 1e-12 * back);
        }
    }

    #[test]
    fn he_init_keeps_relu_scale() {
        let p = predict_widths(Activation::Relu, Initializer::HeNormal, 1.0, &[64; 11], 8);
        for pl in &p[1..] {
            assert!((pl.preact_std / p[0].preact_std - 1.0).abs() < 1e-12);
        }
        // The chapter's factor n·v·E[φ′²] is 1 here, but the coherent part of the backward
        // signal adds energy at each layer: the backward norm grows toward the input, by less
        // than the factor √(1 + 2·(L−1)/π) of the linear-growth argument plus the output share.
        for w in p.windows(2) {
            assert!(w[0].backward_norm > w[1].backward_norm);
        }
        let growth = p[0].backward_norm / p[9].backward_norm;
        assert!(
            growth > 1.0 && growth < (1.0 + 2.0 * 10.0 / PI).sqrt(),
            "{growth}"
        );
    }

    #[test]
    fn constant_identity_scales_by_cn_per_layer() {
        let c = 0.05;
        let p = predict_widths(Activation::Identity, Initializer::Constant, c, &[8; 5], 3);
        for w in p.windows(2) {
            let ratio = w[1].preact_std / w[0].preact_std;
            assert!((ratio - c * 8.0).abs() < 1e-12, "{ratio}");
        }
    }
}
