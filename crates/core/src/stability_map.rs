//! The stability map: over σ (log axis) × depth, how many powers of ten the backward signal
//! gains or loses between the last layer and the first, with the mean-field critical line.
//!
//! # What is measured
//! For a network of depth L, the chapter's product of Jacobians carries ∂ℓ/∂hᴸ⁻¹ down to
//! ∂ℓ/∂h⁰ = J₁ᵀ·J₂ᵀ ⋯ (with Jₗ = diag(φ′(zˡ))·Wˡ, from the top). The map shows
//!
//! > D(σ, L) = log₁₀(‖∂ℓ/∂h⁰‖ / ‖∂ℓ/∂hᴸ⁻¹‖)
//!
//! (0 at L = 1: no Jacobian lies between). One column of the map (one σ) comes from ONE run of
//! the deepest network: the backward signal of layer L of that run has already passed the
//! Jacobians above it, and D(σ, L) is the ratio of its norm at layer 1 to its norm at layer L,
//! i.e. the product of the L − 1 Jacobians J₂ … J_L. Those are the same matrices the depth-L
//! network has (the weights of layer l are drawn from stream l of the seed whatever the depth),
//! applied to a vector that came from further up instead of from the loss; for wide random
//! layers the ratio does not depend on that vector's direction to leading order. So a column
//! costs one forward and backward pass, and a new σ rescales the kept draws (nothing resampled).
//! Weights are N(0, σ²) (σ is the standard deviation), the input is N(0, 1), as in the main
//! widget.
//!
//! # The critical line
//! Mean-field theory (Poole et al. 2016, "Exponential expressivity in deep neural networks
//! through transient chaos"; Schoenholz et al. 2017, "Deep information propagation") follows
//! the pre-activation variance q through the layers, q ← n·σ²·E_{z~N(0,q)}[φ(z)²], to its fixed
//! point q*, where each layer multiplies the backward signal's mean square by
//!
//! > χ(σ) = n·σ²·E_{z~N(0,q*)}[φ′(z)²].
//!
//! χ < 1: the gradient vanishes geometrically; χ > 1: it explodes; χ = 1 is the critical line,
//! σ* = 1/√n for the identity and tanh (q* = 0, φ′(0) = 1), √(2/n) for ReLU (E[φ′²] = ½ at any
//! q). Around it lies the narrow "Goldilocks zone" where |D| ≤ 2 decades: since D ≈ (L − 1)·
//! log₁₀√χ, its width in log σ shrinks like 1/L.

use crate::quadrature::{gaussian_expectation, GaussHermite};
use crate::root::increasing_root;
use crate::settings::GradSettings;
use crate::verdict::STABLE_DECADES;
use crate::{Activation, Error, GradientProbe, Initializer, Precision};
use serde::{Deserialize, Serialize};

/// Gauss–Hermite nodes for the mean-field expectations (smooth integrands at moderate q).
const NODES: usize = 64;
/// Fixed-point iterations of the variance map (convergence is geometric away from the critical
/// line and like 1/l on it, where q* = 0 is approached as q ≈ 1/(2l) for tanh).
const ITERATIONS: usize = 4000;

/// One column of the map: D(σ, L) for L = 1 … depth, measured and predicted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapColumn {
    /// σ, the weights' standard deviation.
    pub sigma: f64,
    /// D(σ, L) = log₁₀(‖∂ℓ/∂h⁰‖/‖∂ℓ/∂hᴸ⁻¹‖) measured, L = 1 first; +∞ where the signal
    /// overflowed or −∞ where it underflowed (in f64).
    pub decades: Vec<f64>,
    /// The same ratio from the theory's variance propagation (`crate::theory`).
    pub theory: Vec<f64>,
}

/// The declared fields of [`MapSettings`]: the main widget's, narrowed where the map needs it
/// (one column is one run of the deepest network, so depth and batch are kept small enough for
/// a column to take a few milliseconds).
pub mod map_fields {
    use crate::schema::Field;
    use crate::settings::fields as grad;

    crate::fields! {
        // tanh by default: its critical line is the chapter's textbook case.
        ACTIVATION = grad::ACTIVATION.choices(crate::Activation::NAMES, "tanh");
        WIDTH = grad::WIDTH;
        DEPTH: "The deepest network on the map (rows L = 1 … depth)."
            = grad::DEPTH.within(2.0, 200.0).default_number(60.0);
        BATCH = grad::BATCH.within(1.0, 64.0).default_number(16.0);
        SEED = grad::SEED;
        COLUMNS: "How many σ values the map computes, log-spaced over the σ slider's span."
            = Field::int("columns", 8, 96, 48).unit("columns");
    }
}

crate::settings! {
    /// The map's settings (the main widget's fields, less those the map spans).
    #[derive(Debug, Clone, PartialEq)]
    pub struct MapSettings by map_fields {
        activation: Activation = ACTIVATION, width: usize = WIDTH, batch: usize = BATCH,
        depth: usize = DEPTH, seed: u64 = SEED,
    }
}

/// `count` σ values, log-spaced over the main widget's σ slider span (both ends included).
pub fn map_sigmas(count: usize) -> Vec<f64> {
    let (lo, hi) = crate::settings::fields::SIGMA
        .slider_range()
        .unwrap_or((1e-3, 10.0));
    let (a, b) = (lo.log10(), hi.log10());
    let n = count.max(2);
    (0..n)
        .map(|i| 10f64.powf(a + (b - a) * i as f64 / (n - 1) as f64))
        .collect()
}

impl MapSettings {
    fn grad_settings(&self, sigma: f64) -> GradSettings {
        GradSettings {
            depth: self.depth,
            width: self.width,
            batch: self.batch,
            activation: self.activation,
            init: Initializer::Normal,
            sigma,
            seed: self.seed,
            precision: Precision::F64,
        }
    }
}

/// Measures one column of the map with `probe` (whose draws are kept, so the next σ samples
/// nothing) and adds the theory's prediction.
pub fn map_column(
    probe: &mut GradientProbe,
    settings: &MapSettings,
    sigma: f64,
) -> Result<MapColumn, Error> {
    let s = settings.grad_settings(sigma);
    let report = probe.run(&s)?;
    let b: Vec<f64> = report.layers.iter().map(|l| l.backward_norm).collect();
    let prediction = crate::predict(&s)?;
    let p: Vec<f64> = prediction.iter().map(|l| l.backward_norm).collect();
    Ok(MapColumn {
        sigma,
        decades: b.iter().map(|&top| decades(b[0], top)).collect(),
        theory: p.iter().map(|&top| decades(p[0], top)).collect(),
    })
}

/// log₁₀(bottom/top), saturating to ±∞ when a norm under- or overflowed: a zero or non-finite
/// bottom means the signal vanished (−∞) or exploded (+∞) on its way down.
fn decades(bottom: f64, top: f64) -> f64 {
    if !(bottom.is_finite() && top.is_finite()) || bottom.is_nan() || top.is_nan() {
        return f64::INFINITY;
    }
    if top == 0.0 {
        // The signal was already gone above: nothing to compare.
        return f64::NEG_INFINITY;
    }
    if bottom == 0.0 {
        return f64::NEG_INFINITY;
    }
    (bottom / top).log10()
}

/// The fixed point q* of the variance map q ← n·v·E_{z~N(0,q)}[φ(z)²] for weights of second
/// moment v (`nv` = n·v), iterated from q = n·v (the first layer's variance for an N(0, 1)
/// input). Where the variance grows without bound (ReLU or the identity above the line) the last
/// finite iterate beyond 10¹⁰⁰ is returned: χ depends on q only through E[φ′(z)²], which for
/// those activations does not depend on q.
pub fn fixed_point_variance(activation: Activation, nv: f64) -> f64 {
    let rule = GaussHermite::new(NODES);
    let mut q = nv;
    for _ in 0..ITERATIONS {
        let s = q.sqrt();
        let next = nv * rule.expect(|x| activation.apply::<f64>(s * x).powi(2));
        if !next.is_finite() || next > 1e100 {
            return q;
        }
        if (next - q).abs() <= 1e-14 * q.max(1e-300) {
            return next;
        }
        q = next;
    }
    q
}

/// The per-layer gain of the backward mean square at the fixed point, χ = n·v·E_{z~N(0,q*)}[φ′(z)²],
/// for weights of second moment v (`nv` = n·v; v = σ² for N(0, σ²)).
pub fn chi(activation: Activation, nv: f64) -> f64 {
    let q = fixed_point_variance(activation, nv);
    let rule = GaussHermite::new(NODES);
    let d2 = |z: f64| activation.derivative::<f64>(z).powi(2);
    // φ′ varies on the scale 1: at a large q the expectation needs the integration in z.
    nv * gaussian_expectation(&rule, q, d2, d2(-50.0), d2(50.0))
}

/// The per-layer gain χ(σ) = n·σ²·E_{z~N(0,q*)}[φ′(z)²] for N(0, σ²) weights (module docs).
pub fn layer_gain(activation: Activation, width: usize, sigma: f64) -> f64 {
    chi(activation, width as f64 * sigma * sigma)
}

/// The main widget's per-layer gain of the backward signal's size, √χ with v the second moment
/// of its initializer (σ·√n·√E[φ′²] for N(0, σ²)); `None` for the constant initializer, whose
/// weights have a mean and so fall outside the mean-field argument.
pub fn setting_gain(settings: &GradSettings) -> Option<f64> {
    if settings.init.family() == crate::Family::Constant {
        return None;
    }
    let n = settings.width;
    let v = settings.init.second_moment(settings.sigma, n, n);
    Some(chi(settings.activation, n as f64 * v).sqrt())
}

/// How closely the critical σ values are found, in log₁₀ σ (a relative 2·10⁻¹⁰ in σ).
const LOG_SIGMA_TOLERANCE: f64 = 1e-10;

/// The critical σ*, where χ(σ*) = 1, as the root of ln χ over log₁₀ σ ∈ [−4, 2]
/// ([`crate::root::increasing_root`]; χ grows with σ for every activation here); `None` if χ
/// does not cross 1 there.
pub fn critical_sigma(activation: Activation, width: usize) -> Option<f64> {
    let f = |log_s: f64| Some(layer_gain(activation, width, 10f64.powf(log_s)).ln());
    increasing_root(f, -4.0, 2.0, LOG_SIGMA_TOLERANCE).map(|x| 10f64.powf(x))
}

/// The theory's critical σ at depth L: where the predicted D(σ, L) (from the variance
/// propagation of `crate::theory`, which follows q layer by layer instead of assuming q = q*)
/// crosses 0, as a root over log₁₀ σ ∈ [−3, 1]. At finite depth the transient of q moves it off
/// the asymptotic [`critical_sigma`] (for tanh, q decays to 0 only like 1/l on the line, so
/// every layer's gain is a little below n·σ² and the crossing sits a few per cent higher).
pub fn theory_crossing(settings: &MapSettings, depth: usize) -> Option<f64> {
    if depth < 2 || depth > settings.depth {
        return None;
    }
    let f = |log_s: f64| {
        let s = settings.grad_settings(10f64.powf(log_s));
        let p = crate::predict(&s).ok()?;
        Some(decades(p[0].backward_norm, p[depth - 1].backward_norm))
    };
    increasing_root(f, -3.0, 1.0, LOG_SIGMA_TOLERANCE).map(|x| 10f64.powf(x))
}

/// Whether a value of D lies in the Goldilocks zone, |D| ≤ [`STABLE_DECADES`] (the verdict's
/// "stable" band).
pub fn is_stable(decades: f64) -> bool {
    decades.abs() <= STABLE_DECADES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn critical_sigma_matches_the_closed_forms() {
        let n = 64;
        // ReLU: E[φ′²] = ½ exactly; q = 2 > 1 takes the Simpson branch, whose O(h) error on the
        // step φ′² (h = 0.01, density ≈ 0.28 at 0) is below 10⁻³ relative.
        let relu = critical_sigma(Activation::Relu, n).unwrap();
        assert!(
            (relu / (2.0 / n as f64).sqrt() - 1.0).abs() < 1e-3,
            "{relu}"
        );
        let id = critical_sigma(Activation::Identity, n).unwrap();
        assert!((id * (n as f64).sqrt() - 1.0).abs() < 1e-6, "{id}");
        // tanh: q* → 0 below the line, so χ → n·σ²·φ′(0)² = n·σ²; the slow (1/l) approach of
        // q* leaves χ a relative 2·q ≈ 1/ITERATIONS short of it.
        let tanh = critical_sigma(Activation::Tanh, n).unwrap();
        assert!((tanh * (n as f64).sqrt() - 1.0).abs() < 2e-3, "{tanh}");
    }

    #[test]
    fn a_column_rescales_kept_draws_and_starts_at_zero() {
        let settings = MapSettings {
            activation: Activation::Tanh,
            width: 16,
            batch: 4,
            depth: 10,
            seed: 3,
        };
        let mut probe = GradientProbe::new();
        let a = map_column(&mut probe, &settings, 0.1).unwrap();
        let drawn = probe.matrices_drawn();
        let b = map_column(&mut probe, &settings, 1.0).unwrap();
        assert_eq!(probe.matrices_drawn(), drawn, "a new σ must sample nothing");
        assert_eq!(a.decades.len(), 10);
        assert_eq!(a.decades[0], 0.0);
        assert_eq!(b.theory[0], 0.0);
        // Small σ: the signal shrinks going down; large σ (for tanh): it does not shrink as fast.
        assert!(a.decades[9] < -2.0, "{:?}", a.decades);
        assert!(b.decades[9] > a.decades[9]);
    }
}
