//! The gradient experiment's run cut into steps of a few layers, so that the Worker computing
//! it can answer between steps and stop when a newer setting has arrived (a run, once sent,
//! cannot be interrupted: at the largest setting it takes some 200 ms, and while σ moves every
//! such run is outdated before it ends).
//!
//! A run is 2L layer steps: the forward pass, layer 1 to L (zˡ = Wˡhˡ⁻¹, its statistics,
//! hˡ = φ(zˡ)), then the backward pass, layer L down to 1 (δˡ = ∂ℓ/∂hˡ ⊙ φ′(zˡ),
//! ∂ℓ/∂Wˡ = δˡ(hˡ⁻¹)ᵀ, ∂ℓ/∂hˡ⁻¹ = (Wˡ)ᵀδˡ and their norms). [`GradientProbe::run`] takes all of
//! them in one call; [`GradientProbe::run_steps`] takes a few per call and keeps where it stands
//! in a [`SteppedRun`]. Both do the same operations in the same order, so they give the same
//! report, bit for bit.

use crate::network::{Forward, Layer};
use crate::probe::{layer_of, GradientProbe, GradientReport};
use crate::settings::GradSettings;
use crate::stats::{norm_and_status, LayerStats, NumStatus};
use crate::verdict::Verdict;
use crate::{Error, Precision, Real};
use nalgebra::DMatrix;

/// Where a run of the experiment stands between two calls of [`GradientProbe::run_steps`].
#[derive(Debug, Clone)]
pub struct SteppedRun {
    settings: GradSettings,
    state: State,
}

#[derive(Debug, Clone)]
enum State {
    F32(Steps<f32>),
    F64(Steps<f64>),
}

impl SteppedRun {
    /// The settings of this run.
    pub fn settings(&self) -> &GradSettings {
        &self.settings
    }

    /// The layer steps done so far, out of 2L.
    pub fn done(&self) -> usize {
        match &self.state {
            State::F32(s) => s.done,
            State::F64(s) => s.done,
        }
    }
}

/// A run in precision `T` between its steps: the forward pass so far; once it is complete,
/// ∂ℓ/∂hˡ of the next backward step and the per-layer rows.
#[derive(Debug, Clone)]
pub(crate) struct Steps<T: Real> {
    fwd: Forward<T>,
    /// ∂ℓ/∂hˡ for the next backward step (none before the backward pass).
    g: Option<DMatrix<T>>,
    /// One row per layer, filled by the backward pass (empty before it).
    rows: Vec<LayerStats>,
    depth: usize,
    /// Products with few columns by direct loops (a preview's run), as
    /// [`crate::Network::thin_products`].
    thin: bool,
    /// Layer steps done, out of 2·depth.
    done: usize,
}

impl<T: Real> Steps<T> {
    /// A run on the batch x (one example per column) through `depth` layers, no step done.
    pub(crate) fn start(x: DMatrix<T>, depth: usize, thin: bool) -> Self {
        Steps {
            fwd: Forward::start(x, depth),
            g: None,
            rows: Vec::new(),
            depth,
            thin,
            done: 0,
        }
    }

    /// Takes up to `n` more layer steps of the network of `s` (layer widths `widths`,
    /// standard draws `draws`, each layer's weights built when its first step in this call
    /// comes); returns whether the run is complete.
    pub(crate) fn advance(
        &mut self,
        s: &GradSettings,
        widths: &[usize],
        draws: &[&DMatrix<f64>],
        n: usize,
    ) -> bool {
        let end = self.done.saturating_add(n).min(2 * self.depth);
        let mut built: Vec<Option<Layer<'_, T>>> = (0..self.depth).map(|_| None).collect();
        while self.done < end {
            let forward = self.done < self.depth;
            let l = if forward {
                self.done + 1
            } else {
                2 * self.depth - self.done
            };
            let layer =
                built[l - 1].get_or_insert_with(|| layer_of(s.init, s.sigma, widths, draws, l));
            if forward {
                layer.forward(s.activation, self.thin, &mut self.fwd, |_| ());
            } else {
                self.backward_step(layer, l);
            }
            self.done += 1;
        }
        self.done == 2 * self.depth
    }

    /// Layer l's backward step; the first also starts the backward pass.
    fn backward_step(&mut self, layer: &Layer<'_, T>, l: usize) {
        let fwd = &self.fwd;
        if self.g.is_none() {
            self.g = Some(fwd.loss_gradient(fwd.hidden[0].ncols()));
            self.rows = (1..=self.depth)
                .map(|k| LayerStats {
                    layer: k,
                    grad_norm: 0.0,
                    backward_norm: 0.0,
                    preact_std: fwd.preact_std[k - 1],
                    grad_status: NumStatus::Ok,
                    backward_status: NumStatus::Ok,
                    forward_status: fwd.preact_status[k - 1],
                })
                .collect();
        }
        let g = self.g.as_mut().expect("set above");
        Layer::delta(&fwd.slopes[l - 1], g);
        let d_w = layer.weight_gradient(self.thin, g, &fwd.hidden[l - 1]);
        let g_prev = layer.input_gradient(self.thin, g);
        let row = &mut self.rows[l - 1];
        (row.grad_norm, row.grad_status) = norm_and_status(d_w.as_slice());
        let (b, b_status) = norm_and_status(g_prev.as_slice());
        row.backward_norm = b / (fwd.hidden[0].ncols() as f64).sqrt();
        row.backward_status = b_status;
        self.g = Some(g_prev);
    }

    /// The report of a complete run.
    pub(crate) fn report(self) -> GradientReport {
        let verdict = Verdict::from_layers(&self.rows);
        GradientReport {
            precision: T::PRECISION,
            loss: self.fwd.loss(),
            layers: self.rows,
            verdict,
        }
    }
}

impl GradientProbe {
    /// [`GradientProbe::run`] a few layers at a time: takes up to `steps` more layer steps (at
    /// least one; a run has 2L) of the run in `run` if it is one of `settings`, else of a new
    /// run, which replaces it. Once the last step is done, returns the report, the same as
    /// [`GradientProbe::run`]'s bit for bit, and empties `run`; until then `None`.
    pub fn run_steps(
        &mut self,
        run: &mut Option<SteppedRun>,
        settings: &GradSettings,
        steps: usize,
    ) -> Result<Option<GradientReport>, Error> {
        settings.validate()?;
        let widths = settings.widths();
        let (x, draws) = self.cache_mut().get(
            settings.seed,
            &widths,
            settings.batch,
            settings.init.family(),
        );
        let mut current = match run.take() {
            Some(r) if r.settings == *settings => r,
            _ => SteppedRun {
                settings: settings.clone(),
                state: match settings.precision {
                    Precision::F32 => State::F32(Steps::start(
                        f32::matrix_from_f64(x).into_owned(),
                        settings.depth,
                        false,
                    )),
                    Precision::F64 => State::F64(Steps::start(x.clone(), settings.depth, false)),
                },
            },
        };
        let n = steps.max(1);
        let complete = match &mut current.state {
            State::F32(s) => s.advance(settings, &widths, &draws, n),
            State::F64(s) => s.advance(settings, &widths, &draws, n),
        };
        if !complete {
            *run = Some(current);
            return Ok(None);
        }
        Ok(Some(match current.state {
            State::F32(s) => s.report(),
            State::F64(s) => s.report(),
        }))
    }
}
