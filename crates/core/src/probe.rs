//! The gradient experiment: settings in, per-layer statistics out.

use crate::draws::DrawCache;
use crate::network::{Layer, Network};
use crate::settings::{fields, GradSettings};
use crate::stats::LayerStats;
use crate::stepped_run::Steps;
use crate::verdict::Verdict;
use crate::{Activation, Error, Initializer, Precision, Real};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The result of one run: a row of statistics per layer and the verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradientReport {
    /// The precision the run used.
    pub precision: Precision,
    /// The loss ℓ = (1/B)·Σ hᴸ.
    pub loss: f64,
    /// Layers 1..L, nearest the input first.
    pub layers: Vec<LayerStats>,
    /// Vanishing, stable or exploding, and why.
    pub verdict: Verdict,
}

/// Runs the gradient experiment, keeping the standard draws between runs so that a new σ, a
/// new activation, a new initializer of the same family or a new precision samples nothing.
#[derive(Debug, Default, Clone)]
pub struct GradientProbe {
    cache: DrawCache,
}

impl GradientProbe {
    /// A probe with an empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many random matrices the probe has sampled so far.
    pub fn matrices_drawn(&self) -> u64 {
        self.cache.matrices_drawn()
    }

    /// The cache of standard draws (the split runs of `batch_split` share it).
    pub(crate) fn cache_mut(&mut self) -> &mut DrawCache {
        &mut self.cache
    }

    /// Runs the network of `settings` (every layer `width` wide).
    pub fn run(&mut self, settings: &GradSettings) -> Result<GradientReport, Error> {
        settings.validate()?;
        self.run_widths(&settings.widths(), settings)
    }

    /// Runs a network whose layer widths are `widths` = (n₀, n₁, …, n_L), ignoring
    /// `settings.depth` and `settings.width` (each width must be within the width limits).
    pub fn run_widths(
        &mut self,
        widths: &[usize],
        settings: &GradSettings,
    ) -> Result<GradientReport, Error> {
        let depth = widths.len().saturating_sub(1);
        fields::DEPTH.check_int(depth as u64)?;
        for &w in widths {
            fields::WIDTH.check_int(w as u64)?;
        }
        let checked = GradSettings {
            depth,
            width: widths[0],
            ..settings.clone()
        };
        checked.validate()?;
        Ok(match settings.precision {
            Precision::F32 => self.run_in::<f32>(widths, settings),
            Precision::F64 => self.run_in::<f64>(widths, settings),
        })
    }

    fn run_in<T: Real>(&mut self, widths: &[usize], s: &GradSettings) -> GradientReport {
        self.run_examples::<T>(widths, s, 0..s.batch)
    }

    /// The experiment on the examples `examples` of the batch alone (column indices, not
    /// empty, within the batch): the loss averages over them, B is their count.
    pub(crate) fn run_examples<T: Real>(
        &mut self,
        widths: &[usize],
        s: &GradSettings,
        examples: std::ops::Range<usize>,
    ) -> GradientReport {
        let (x, draws) = self.cache.get(s.seed, widths, s.batch, s.init.family());
        let x = T::matrix_from_f64(x);
        let x = x.columns(examples.start, examples.len()).into_owned();
        // A preview on a few of the batch's examples: nothing else must match it to the bit.
        let thin = examples.len() < s.batch;
        let mut steps = Steps::<T>::start(x, widths.len() - 1, thin);
        steps.advance(s, widths, &draws, usize::MAX);
        steps.report()
    }
}

/// Layer l's Wˡ = sˡ·Dˡ with sˡ = `init.scale(σ, n_{l−1}, n_l)` and Dˡ = `draws[l − 1]`, in
/// precision `T` (borrowed in f64, converted in f32).
pub fn layer_of<'a, T: Real>(
    init: Initializer,
    sigma: f64,
    widths: &[usize],
    draws: &[&'a nalgebra::DMatrix<f64>],
    l: usize,
) -> Layer<'a, T> {
    Layer {
        draws: match T::matrix_from_f64(draws[l - 1]) {
            Cow::Borrowed(b) => Cow::Borrowed(b),
            Cow::Owned(o) => Cow::Owned(o),
        },
        scale: T::from_f64(init.scale(sigma, widths[l - 1], widths[l])),
    }
}

/// Wˡ = sˡ·Dˡ for every layer ([`layer_of`]), in precision `T`.
pub fn build_network<'a, T: Real>(
    activation: Activation,
    init: Initializer,
    sigma: f64,
    widths: &[usize],
    draws: &[&'a nalgebra::DMatrix<f64>],
) -> Network<'a, T> {
    let layers = (1..=draws.len())
        .map(|l| layer_of(init, sigma, widths, draws, l))
        .collect();
    Network {
        activation,
        layers,
        thin_products: false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::VerdictKind;

    #[test]
    fn changing_sigma_activation_or_precision_samples_nothing() {
        let mut probe = GradientProbe::new();
        let mut s = GradSettings {
            depth: 5,
            width: 8,
            batch: 4,
            ..GradSettings::default()
        };
        probe.run(&s).unwrap();
        let drawn = probe.matrices_drawn();
        s.sigma = 2.0;
        s.activation = Activation::Relu;
        s.precision = Precision::F32;
        s.init = Initializer::HeNormal; // same family as Normal
        probe.run(&s).unwrap();
        assert_eq!(probe.matrices_drawn(), drawn);
        s.init = Initializer::Uniform;
        probe.run(&s).unwrap();
        assert!(probe.matrices_drawn() > drawn);
    }

    #[test]
    fn same_seed_same_numbers_and_invalid_settings_are_errors() {
        let s = GradSettings::default();
        let a = GradientProbe::new().run(&s).unwrap();
        let b = GradientProbe::new().run(&s).unwrap();
        assert_eq!(a, b);
        let bad = GradSettings {
            depth: 0,
            ..s.clone()
        };
        assert_eq!(GradientProbe::new().run(&bad).unwrap_err().field(), "depth");
        let bad = GradSettings {
            sigma: f64::NAN,
            ..s
        };
        assert_eq!(GradientProbe::new().run(&bad).unwrap_err().field(), "sigma");
    }

    #[test]
    fn default_setting_shows_vanishing() {
        let r = GradientProbe::new().run(&GradSettings::default()).unwrap();
        assert_eq!(r.verdict.kind, VerdictKind::Vanishing, "{:?}", r.verdict);
    }
}
