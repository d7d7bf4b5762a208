//! The model: an L-layer network without biases, its forward pass and its backward pass.
//!
//! h⁰ = x, zˡ = Wˡhˡ⁻¹, hˡ = φ(zˡ) for l = 1..L, with Wˡ of shape n_l × n_{l−1} and inputs as the
//! columns of x (n₀ × B). The loss is ℓ = (1/B)·Σ_b Σ_i hᴸ_{i,b}, the sum of the outputs averaged
//! over the batch. Backward, with δˡ = ∂ℓ/∂zˡ:
//!
//! - ∂ℓ/∂hᴸ = 1/B in every entry;
//! - δˡ = ∂ℓ/∂hˡ ⊙ φ′(zˡ);
//! - ∂ℓ/∂Wˡ = δˡ (hˡ⁻¹)ᵀ;
//! - ∂ℓ/∂hˡ⁻¹ = (Wˡ)ᵀ δˡ.
//!
//! So ∂ℓ/∂hˡ⁻¹ is the product of the layers' Jacobians diag(φ′(zᵏ))·Wᵏ for k = L..l applied to
//! ∂ℓ/∂hᴸ: the product that vanishes or explodes.

use crate::real::{filled, product_into, zeros, Op};
use crate::stats::{std_dev_and_status, NumStatus};
use crate::{Activation, Real};
use nalgebra::DMatrix;
use std::borrow::Cow;

/// One layer's weights, kept as Wˡ = scale · draws, so that the draws can be shared with a
/// cache and a new scale costs nothing.
#[derive(Debug, Clone)]
pub struct Layer<'a, T: Real> {
    /// The standard draws Dˡ (n_l × n_{l−1}), or the weights themselves when `scale` is 1.
    pub draws: Cow<'a, DMatrix<T>>,
    /// The scale s with Wˡ = s·Dˡ.
    pub scale: T,
}

impl<T: Real> Layer<'_, T> {
    /// The weight matrix Wˡ = s·Dˡ.
    pub fn weights(&self) -> DMatrix<T> {
        let mut w = zeros::<T>(self.draws.nrows(), self.draws.ncols());
        T::scale_into(self.scale, self.draws.as_slice(), w.as_mut_slice());
        w
    }

    /// This layer's step of the forward pass `fwd`, whose last hidden value is hˡ⁻¹:
    /// zˡ = Wˡhˡ⁻¹, the standard deviation and status of zˡ, φ′(zˡ) and hˡ = φ(zˡ) are added to
    /// `fwd`; returns `record(zˡ)`. `thin`: as [`Network::thin_products`].
    pub fn forward<E>(
        &self,
        activation: Activation,
        thin: bool,
        fwd: &mut Forward<T>,
        record: impl FnOnce(&[T]) -> E,
    ) -> E {
        let h = fwd.hidden.last().expect("h⁰ is always present");
        let mut z = zeros::<T>(self.draws.nrows(), h.ncols());
        product_into(thin, self.scale, &self.draws, Op::N, h, Op::N, &mut z);
        let (std, status) = std_dev_and_status(z.as_slice());
        fwd.preact_std.push(std);
        fwd.preact_status.push(status);
        let extra = record(z.as_slice());
        let mut slope = zeros::<T>(z.nrows(), z.ncols());
        T::activate(activation, z.as_mut_slice(), slope.as_mut_slice());
        fwd.slopes.push(slope);
        fwd.hidden.push(z);
        extra
    }

    /// The first half of this layer's backward step: turns `g` = ∂ℓ/∂hˡ into
    /// δˡ = ∂ℓ/∂hˡ ⊙ φ′(zˡ) in place (`slope` = φ′(zˡ)).
    pub fn delta(slope: &DMatrix<T>, g: &mut DMatrix<T>) {
        T::hadamard(g.as_mut_slice(), slope.as_slice());
    }

    /// ∂ℓ/∂hˡ⁻¹ = (Wˡ)ᵀδˡ, from this layer's δˡ ([`Layer::delta`]).
    pub fn input_gradient(&self, thin: bool, delta: &DMatrix<T>) -> DMatrix<T> {
        let mut g_prev = zeros::<T>(self.draws.ncols(), delta.ncols());
        product_into(
            thin,
            self.scale,
            &self.draws,
            Op::T,
            delta,
            Op::N,
            &mut g_prev,
        );
        g_prev
    }

    /// ∂ℓ/∂Wˡ = δˡ(hˡ⁻¹)ᵀ, from this layer's δˡ ([`Layer::delta`]) and its input hˡ⁻¹.
    pub fn weight_gradient(
        &self,
        thin: bool,
        delta: &DMatrix<T>,
        h_prev: &DMatrix<T>,
    ) -> DMatrix<T> {
        let mut d_w = zeros::<T>(self.draws.nrows(), self.draws.ncols());
        product_into(thin, T::one(), delta, Op::N, h_prev, Op::T, &mut d_w);
        d_w
    }
}

/// An L-layer network hˡ = φ(Wˡhˡ⁻¹) without biases.
#[derive(Debug, Clone)]
pub struct Network<'a, T: Real> {
    /// The activation φ, the same for every layer (the output layer included).
    pub activation: Activation,
    /// Layers 1..L, nearest the input first.
    pub layers: Vec<Layer<'a, T>>,
    /// Whether products with few columns take direct loops ([`crate::real::product_into`]):
    /// faster for a preview on a few examples, but not column for column the same rounding as a
    /// larger batch's product.
    pub thin_products: bool,
}

/// What the forward pass keeps for the backward pass, and the forward statistics.
#[derive(Debug, Clone)]
pub struct Forward<T: Real> {
    /// h⁰ = x, h¹, …, hᴸ.
    pub hidden: Vec<DMatrix<T>>,
    /// φ′(zˡ) for l = 1..L (index l − 1).
    pub slopes: Vec<DMatrix<T>>,
    /// The standard deviation of zˡ (index l − 1), see [`std_dev`].
    pub preact_std: Vec<f64>,
    /// What happened to zˡ (index l − 1).
    pub preact_status: Vec<NumStatus>,
}

impl<T: Real> Forward<T> {
    /// The forward pass before its first layer: h⁰ = x, room kept for `depth` layers.
    pub fn start(x: DMatrix<T>, depth: usize) -> Self {
        let mut hidden = Vec::with_capacity(depth + 1);
        hidden.push(x);
        Forward {
            hidden,
            slopes: Vec::with_capacity(depth),
            preact_std: Vec::with_capacity(depth),
            preact_status: Vec::with_capacity(depth),
        }
    }

    /// ∂ℓ/∂hᴸ = 1/`mean_over` in every entry, for a loss that averages over `mean_over`
    /// examples (of which this pass saw some): where the backward pass starts.
    pub fn loss_gradient(&self, mean_over: usize) -> DMatrix<T> {
        let out = self.hidden.last().expect("h⁰ is always present");
        let inv_b = T::one() / T::from_f64(mean_over.max(1) as f64);
        filled::<T>(out.nrows(), out.ncols(), inv_b)
    }

    /// The loss ℓ = (1/B)·Σ hᴸ, summed in `f64`.
    pub fn loss(&self) -> f64 {
        let out = self.hidden.last().expect("h⁰ is always present");
        let b = out.ncols().max(1) as f64;
        out.iter().map(|v| v.as_f64()).sum::<f64>() / b
    }
}

/// A forward pass and what [`Network::forward_with`] recorded of each layer.
#[derive(Debug, Clone)]
pub struct Recorded<T: Real, E> {
    /// The forward pass.
    pub forward: Forward<T>,
    /// One record per layer, layer 1 first.
    pub extra: Vec<E>,
}

/// All the gradients of ℓ, as [`Network::gradients`] returns them.
#[derive(Debug, Clone)]
pub struct Gradients<T: Real> {
    /// ∂ℓ/∂Wˡ for l = 1..L (index l − 1).
    pub weights: Vec<DMatrix<T>>,
    /// ∂ℓ/∂hˡ for l = 0..L (index l); ∂ℓ/∂hᴸ is 1/B everywhere.
    pub hidden: Vec<DMatrix<T>>,
}

impl<'a, T: Real> Network<'a, T> {
    /// A network from explicit weight matrices W¹..Wᴸ (scale 1).
    pub fn from_weights(activation: Activation, weights: Vec<DMatrix<T>>) -> Network<'static, T> {
        Network {
            activation,
            layers: weights
                .into_iter()
                .map(|w| Layer {
                    draws: Cow::Owned(w),
                    scale: T::one(),
                })
                .collect(),
            thin_products: false,
        }
    }

    /// The depth L.
    pub fn depth(&self) -> usize {
        self.layers.len()
    }

    /// The forward pass on a batch x (n₀ × B, one example per column).
    pub fn forward(&self, x: &DMatrix<T>) -> Forward<T> {
        self.forward_with(x, |_| ()).forward
    }

    /// The forward pass, also keeping `record(zˡ)` of every layer's pre-activations (as a
    /// column-major slice), layer 1 first.
    pub fn forward_with<E>(
        &self,
        x: &DMatrix<T>,
        mut record: impl FnMut(&[T]) -> E,
    ) -> Recorded<T, E> {
        let mut forward = Forward::start(x.clone(), self.depth());
        let extra = self
            .layers
            .iter()
            .map(|layer| {
                layer.forward(
                    self.activation,
                    self.thin_products,
                    &mut forward,
                    &mut record,
                )
            })
            .collect();
        Recorded { forward, extra }
    }

    /// The backward pass. For l = L down to 1 it calls `visit(l, ∂ℓ/∂Wˡ, ∂ℓ/∂hˡ⁻¹)`.
    pub fn backward(&self, fwd: &Forward<T>, visit: impl FnMut(usize, &DMatrix<T>, &DMatrix<T>)) {
        let batch = fwd.hidden.last().expect("non-empty").ncols();
        self.backward_from(fwd, batch, visit);
    }

    /// [`Network::backward`] for a loss that averages over `mean_over` examples, of which the
    /// forward pass `fwd` saw some (a slice of a larger batch): it starts from
    /// ∂ℓ/∂hᴸ = 1/`mean_over`.
    pub fn backward_from(
        &self,
        fwd: &Forward<T>,
        mean_over: usize,
        mut visit: impl FnMut(usize, &DMatrix<T>, &DMatrix<T>),
    ) {
        let thin = self.thin_products;
        let mut g = fwd.loss_gradient(mean_over);
        for l in (1..=self.depth()).rev() {
            let layer = &self.layers[l - 1];
            Layer::delta(&fwd.slopes[l - 1], &mut g);
            let d_w = layer.weight_gradient(thin, &g, &fwd.hidden[l - 1]);
            let g_prev = layer.input_gradient(thin, &g);
            visit(l, &d_w, &g_prev);
            g = g_prev;
        }
    }

    /// Every gradient of ℓ at input x (for checks against finite differences).
    pub fn gradients(&self, x: &DMatrix<T>) -> Gradients<T> {
        let fwd = self.forward(x);
        let depth = self.depth();
        let out = fwd.hidden.last().expect("non-empty");
        let inv_b = T::one() / T::from_f64(out.ncols().max(1) as f64);
        let mut weights = vec![zeros::<T>(0, 0); depth];
        let mut hidden = vec![zeros::<T>(0, 0); depth + 1];
        hidden[depth] = DMatrix::from_element(out.nrows(), out.ncols(), inv_b);
        self.backward(&fwd, |l, d_w, d_h| {
            weights[l - 1] = d_w.clone();
            hidden[l - 1] = d_h.clone();
        });
        Gradients { weights, hidden }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_linear_layer_has_the_closed_form_gradient() {
        // ℓ = (1/B) Σ_b Σ_i (W x_b)_i, so ∂ℓ/∂W_ij = (1/B) Σ_b x_jb and ∂ℓ/∂x = Wᵀ·1/B.
        let w: DMatrix<f64> = DMatrix::from_row_slice(2, 3, &[1.0, -2.0, 0.5, 3.0, 0.0, -1.0]);
        let x: DMatrix<f64> = DMatrix::from_row_slice(3, 2, &[1.0, 2.0, -1.0, 0.0, 4.0, 1.0]);
        let net = Network::from_weights(Activation::Identity, vec![w.clone()]);
        let g = net.gradients(&x);
        for i in 0..2 {
            for j in 0..3 {
                let expected = (x[(j, 0)] + x[(j, 1)]) / 2.0;
                assert!((g.weights[0][(i, j)] - expected).abs() < 1e-15);
            }
        }
        for j in 0..3 {
            let expected = (w[(0, j)] + w[(1, j)]) / 2.0;
            assert!((g.hidden[0][(j, 0)] - expected).abs() < 1e-15);
        }
        let loss = net.forward(&x).loss();
        let direct: f64 = (&w * &x).sum() / 2.0;
        assert!((loss - direct).abs() < 1e-12);
    }
}
