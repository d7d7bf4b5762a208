//! The rescaling symmetry of ReLU networks: scale one layer's weights by α and the next layer's by
//! 1/α, and the function does not change, but the gradients do.
//!
//! The network is the engine's [`Network`] (hˡ = φ(Wˡhˡ⁻¹), no biases, ℓ = (1/B)·Σ hᴸ) with
//! [`DEPTH`] layers of width n, He-normal weights Wˡ = √(2/n)·Dˡ and a batch of [`BATCH`] inputs
//! x ~ N(0, 1). The rescaled network has W′ˡ = α·Wˡ and W′ˡ⁺¹ = Wˡ⁺¹/α for one layer l < L
//! (with biases, bˡ would be scaled by α too); every other layer is shared.
//!
//! If φ(αz) = α·φ(z) for every z (ReLU and α > 0; the identity and any α ≠ 0; tanh and α = −1,
//! since tanh is odd; any φ and α = 1), then h′ˡ = αhˡ and z′ˡ⁺¹ = (Wˡ⁺¹/α)(αhˡ) = zˡ⁺¹: every
//! later layer, the output and the loss are unchanged. The gradients are not. With δˡ = ∂ℓ/∂zˡ,
//! φ′(αz) = φ′(z)·sign(α) for such φ, so
//!
//! - δ′ˡ = φ′(αzˡ) ⊙ (W′ˡ⁺¹)ᵀδˡ⁺¹ = δˡ/α, hence ∂ℓ/∂W′ˡ = δ′ˡ(hˡ⁻¹)ᵀ = (1/α)·∂ℓ/∂Wˡ;
//! - ∂ℓ/∂W′ˡ⁺¹ = δˡ⁺¹(h′ˡ)ᵀ = α·∂ℓ/∂Wˡ⁺¹;
//! - every other layer's gradient is unchanged.
//!
//! So ‖∂ℓ/∂W′ˡ‖ = ‖∂ℓ/∂Wˡ‖/|α| and ‖∂ℓ/∂W′ˡ⁺¹‖ = |α|·‖∂ℓ/∂Wˡ⁺¹‖ while ‖W′ˡ‖ = |α|·‖Wˡ‖: two
//! parametrizations of one function, whose gradient steps differ. One plain SGD step of the same
//! size η from each gives two different functions ([`RescalingReport::step_difference`]): SGD and
//! any argument about weight norms are not invariant under this symmetry.
//!
//! For φ that is not homogeneous (sigmoid, tanh with α ≠ ±1) or ReLU with α < 0, the output
//! changes and the ratios no longer follow 1/α and α.

use crate::draws::stream_rng;
use crate::initializer::Family;
use crate::network::{Layer, Network};
use crate::schema::{FromValues, Values};
use crate::stats::norm;
use crate::{Activation, Error};
use nalgebra::DMatrix;
use rand::Rng;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Layers L of the network (so layers 1 ..= L − 1 can be scaled).
pub const DEPTH: usize = 4;
/// Inputs B in the batch.
pub const BATCH: usize = 16;
/// The step size η of the one SGD step taken from both parametrizations.
pub const STEP_SIZE: f64 = 0.1;

/// The declared fields of [`RescalingSettings`].
pub mod rescaling_fields {
    use crate::schema::Field;
    use crate::Activation;

    crate::fields! {
        ACTIVATION: "The activation φ of every layer."
            = Field::choice("activation", Activation::NAMES, "relu").key("act");
        // The sign of α is the field NEGATIVE.
        ALPHA: "The size of α: layer l's weights are multiplied by α, layer l + 1's by 1/α."
            = Field::float("alpha", 0.001, 1000.0, 10.0).log_slider(0.01, 100.0);
        NEGATIVE: "Whether α is negative (−|α|)." = Field::bool("negative", false).key("neg");
        LAYER: "The layer l whose weights are multiplied by α."
            = Field::int("layer", 1, super::DEPTH as i64 - 1, 2);
        WIDTH: "Units per layer n." = Field::int("width", 1, 64, 16).unit("units");
        // The seed of the weights and the inputs.
        SEED = crate::settings::fields::SEED;
    }
}

/// The settings of the rescaling experiment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RescalingSettings {
    /// The activation φ.
    pub activation: Activation,
    /// |α|.
    pub alpha: f64,
    /// Whether α = −|α|.
    pub negative: bool,
    /// The layer l scaled by α, 1 ..= L − 1.
    pub layer: usize,
    /// Width n.
    pub width: usize,
    /// The seed.
    pub seed: u64,
}

impl Default for RescalingSettings {
    /// Every field at its declared default: ReLU, α = 10 on layer 2, width 16.
    fn default() -> Self {
        crate::schema::defaults()
    }
}

impl FromValues for RescalingSettings {
    fn from_values(v: &Values) -> Result<Self, Error> {
        use rescaling_fields::*;
        let s = RescalingSettings {
            activation: Activation::parse(v.choice(&ACTIVATION)?)?,
            alpha: v.float(&ALPHA)?,
            negative: v.bool(&NEGATIVE)?,
            layer: v.count(&LAYER)?,
            width: v.count(&WIDTH)?,
            seed: v.int(&SEED)? as u64,
        };
        s.validate()?;
        Ok(s)
    }
}

impl RescalingSettings {
    /// Checks each field against its declaration in [`rescaling_fields`].
    pub fn validate(&self) -> Result<(), Error> {
        use rescaling_fields::*;
        ALPHA.check_float(self.alpha)?;
        LAYER.check_int(self.layer as u64)?;
        WIDTH.check_int(self.width as u64)?;
        SEED.check_int(self.seed)?;
        Ok(())
    }

    /// α with its sign.
    pub fn signed_alpha(&self) -> f64 {
        if self.negative {
            -self.alpha
        } else {
            self.alpha
        }
    }
}

/// Whether φ(αz) = α·φ(z) for every z, which is what makes the rescaling leave the function
/// unchanged: ReLU for α > 0, the identity for every α ≠ 0, tanh for α = ±1 (it is odd), and
/// every φ for α = 1.
pub fn commutes(activation: Activation, alpha: f64) -> bool {
    alpha == 1.0
        || match activation {
            Activation::Identity => alpha != 0.0,
            Activation::Relu => alpha > 0.0,
            Activation::Tanh => alpha == -1.0,
            Activation::Sigmoid => false,
        }
}

/// One layer's numbers, before and after the rescaling.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RescaledLayer {
    /// The layer, 1 ..= L.
    pub layer: usize,
    /// ‖Wˡ‖_F.
    pub weight_norm: f64,
    /// ‖W′ˡ‖_F.
    pub weight_norm_scaled: f64,
    /// ‖∂ℓ/∂Wˡ‖_F.
    pub grad_norm: f64,
    /// ‖∂ℓ/∂W′ˡ‖_F.
    pub grad_norm_scaled: f64,
    /// grad_norm_scaled / grad_norm.
    pub ratio: f64,
    /// The ratio the symmetry predicts: 1/|α| for layer l, |α| for layer l + 1, 1 otherwise
    /// (it holds when [`commutes`] does).
    pub predicted: f64,
}

/// The experiment's result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RescalingReport {
    /// The settings it ran with.
    pub settings: RescalingSettings,
    /// α with its sign.
    pub alpha: f64,
    /// [`commutes`] for this φ and α: whether the function should be unchanged.
    pub commutes: bool,
    /// max over outputs of |h′ᴸ − hᴸ|.
    pub output_difference: f64,
    /// max over outputs of |hᴸ|.
    pub output_scale: f64,
    /// The rounding bound [`rounding_bound`] on `output_difference` (meaningful when the
    /// rescaling commutes with φ).
    pub rounding_bound: f64,
    /// ℓ of the original network.
    pub loss: f64,
    /// ℓ of the rescaled network.
    pub loss_scaled: f64,
    /// Layers 1 ..= L.
    pub layers: Vec<RescaledLayer>,
    /// After one SGD step of size [`STEP_SIZE`] from each parametrization: max |Δ output|
    /// between the two stepped networks.
    pub step_difference: f64,
    /// The same step's change of the original network's output, max |Δ output|, for scale.
    pub step_change: f64,
    /// η of that step.
    pub step_size: f64,
}

/// The standard draws: x (n × B, stream 0) and D¹..Dᴸ (n × n, streams 1..=L), all N(0, 1).
fn draws<R: Rng>(rng: &mut [R], width: usize) -> (DMatrix<f64>, Vec<DMatrix<f64>>) {
    let (first, rest) = rng.split_first_mut().expect("one stream per matrix");
    let x = Family::Normal.draw_matrix(first, width, BATCH);
    let d = rest
        .iter_mut()
        .map(|r| Family::Normal.draw_matrix(r, width, width))
        .collect();
    (x, d)
}

fn network<'a>(
    activation: Activation,
    draws: &'a [DMatrix<f64>],
    scales: &[f64],
) -> Network<'a, f64> {
    Network {
        activation,
        layers: draws
            .iter()
            .zip(scales)
            .map(|(d, &scale)| Layer {
                draws: Cow::Borrowed(d),
                scale,
            })
            .collect(),
        thin_products: false,
    }
}

fn max_abs_difference(a: &DMatrix<f64>, b: &DMatrix<f64>) -> f64 {
    a.iter()
        .zip(b.iter())
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}

/// γ_k = k·u/(1 − k·u) with u = 2⁻⁵³ the unit roundoff of f64: the relative error bound of a
/// sum or dot product of k terms (Higham, *Accuracy and Stability of Numerical Algorithms*, §3.1).
pub fn gamma(k: usize) -> f64 {
    let ku = k as f64 * f64::EPSILON / 2.0;
    ku / (1.0 - ku)
}

/// A bound on max |h′ᴸ − hᴸ| that rounding alone can cause when the rescaling commutes with a
/// 1-Lipschitz φ (ReLU, identity, tanh), derived by a running error analysis.
///
/// Both networks compute each zᵏ = sᵏ·(Dᵏhᵏ⁻¹) with error at most γ_{n+3}·|Wᵏ||hᵏ⁻¹| (a dot
/// product of n terms, the scale, and the rounding of sᵏα or sᵏ/α); φ adds at most 2u·|hᵏ| per
/// evaluation (4u for two). Measured in the original network's units (the scaled layer's error
/// divided by |α|), the gap uᵏ between the two networks' hᵏ is 0 below layer l and
///
/// - uˡ = 2γ_{n+3}·|Wˡ||hˡ⁻¹| + 4u·|hˡ|,
/// - uᵏ = (1 + γ_{n+3})·|Wᵏ|uᵏ⁻¹ + 2γ_{n+3}·|Wᵏ||hᵏ⁻¹| + 4u·|hᵏ| for k > l,
///
/// since φ is 1-Lipschitz. The bound is max uᴸ.
pub fn rounding_bound(net: &Network<'_, f64>, hidden: &[DMatrix<f64>], layer: usize) -> f64 {
    let n = net.layers.first().map_or(0, |l| l.draws.ncols());
    let g = gamma(n + 3);
    let u = f64::EPSILON / 2.0;
    let mut gap: Option<DMatrix<f64>> = None;
    for k in layer..=net.depth() {
        let w = net.layers[k - 1].weights().abs();
        let fresh = &w * hidden[k - 1].abs() * (2.0 * g) + hidden[k].abs() * (4.0 * u);
        gap = Some(match gap {
            None => fresh,
            Some(prev) => &w * prev * (1.0 + g) + fresh,
        });
    }
    gap.map_or(0.0, |m| m.max())
}

/// Runs the experiment with draws from `streams` (one generator for x, then one per layer:
/// [`DEPTH`] + 1 in all).
pub fn rescale_with<R: Rng>(
    settings: &RescalingSettings,
    streams: &mut [R],
) -> Result<RescalingReport, Error> {
    settings.validate()?;
    if streams.len() != DEPTH + 1 {
        return Err(Error::Inconsistent {
            field: "seed",
            reason: format!("expected {} random streams", DEPTH + 1),
        });
    }
    let s = settings;
    let alpha = s.signed_alpha();
    let (x, d) = draws(streams, s.width);
    let he = (2.0 / s.width as f64).sqrt();
    let scales = vec![he; DEPTH];
    let mut scaled = scales.clone();
    scaled[s.layer - 1] *= alpha;
    scaled[s.layer] /= alpha;
    let net = network(s.activation, &d, &scales);
    let net_scaled = network(s.activation, &d, &scaled);
    let fwd = net.forward(&x);
    let fwd_scaled = net_scaled.forward(&x);
    let out = fwd.hidden.last().expect("h⁰ is kept");
    let out_scaled = fwd_scaled.hidden.last().expect("h⁰ is kept");
    let grads = net.gradients(&x).weights;
    let grads_scaled = net_scaled.gradients(&x).weights;
    let layers = (1..=DEPTH)
        .map(|l| {
            let grad_norm = norm(grads[l - 1].as_slice());
            let grad_norm_scaled = norm(grads_scaled[l - 1].as_slice());
            let predicted = if l == s.layer {
                1.0 / alpha.abs()
            } else if l == s.layer + 1 {
                alpha.abs()
            } else {
                1.0
            };
            RescaledLayer {
                layer: l,
                weight_norm: norm(net.layers[l - 1].weights().as_slice()),
                weight_norm_scaled: norm(net_scaled.layers[l - 1].weights().as_slice()),
                grad_norm,
                grad_norm_scaled,
                ratio: grad_norm_scaled / grad_norm,
                predicted,
            }
        })
        .collect();
    let step = |n: &Network<'_, f64>, g: &[DMatrix<f64>]| {
        let weights = n
            .layers
            .iter()
            .zip(g)
            .map(|(layer, g)| layer.weights() - g * STEP_SIZE)
            .collect();
        let stepped = Network::from_weights(s.activation, weights).forward(&x);
        stepped.hidden.last().expect("h⁰ is kept").clone()
    };
    let stepped = step(&net, &grads);
    let stepped_scaled = step(&net_scaled, &grads_scaled);
    Ok(RescalingReport {
        settings: s.clone(),
        alpha,
        commutes: commutes(s.activation, alpha),
        output_difference: max_abs_difference(out, out_scaled),
        output_scale: out.amax(),
        rounding_bound: rounding_bound(&net, &fwd.hidden, s.layer),
        loss: fwd.loss(),
        loss_scaled: fwd_scaled.loss(),
        layers,
        step_difference: max_abs_difference(&stepped, &stepped_scaled),
        step_change: max_abs_difference(&stepped, out),
        step_size: STEP_SIZE,
    })
}

/// Runs the experiment with the draws of `settings.seed` (x from stream 0, Dˡ from stream l).
pub fn rescale(settings: &RescalingSettings) -> Result<RescalingReport, Error> {
    let mut streams: Vec<_> = (0..=DEPTH as u64)
        .map(|k| stream_rng(settings.seed, k))
        .collect();
    rescale_with(settings, &mut streams)
}
