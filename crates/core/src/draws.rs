//! Standard random draws, kept per seed and shape so that a change of scale never resamples.

use crate::initializer::Family;
use nalgebra::DMatrix;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The random-number generator for one stream of one seed.
///
/// Stream 0 is the input batch x; stream l (l ≥ 1) is layer l's weights. Each stream is an
/// independent ChaCha8 sequence, so layer l's draws depend only on (seed, l, its shape, family):
/// adding layers or changing the batch leaves every other matrix as it was.
pub fn stream_rng(seed: u64, stream: u64) -> ChaCha8Rng {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    rng
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Key {
    seed: u64,
    family: Family,
    rows: usize,
    cols: usize,
}

#[derive(Debug, Clone)]
struct Entry {
    key: Key,
    draws: DMatrix<f64>,
}

/// A cache of standard draws: the input x ~ N(0, 1) (n₀ × B) and, for each layer l, a matrix
/// Dˡ (n_l × n_{l−1}) of the initializer family's standard draws, so that Wˡ = sˡ·Dˡ.
#[derive(Debug, Default, Clone)]
pub struct DrawCache {
    input: Option<Entry>,
    layers: Vec<Option<Entry>>,
    matrices_drawn: u64,
}

impl DrawCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many matrices have been sampled so far (a test can see that a change of σ samples
    /// nothing).
    pub fn matrices_drawn(&self) -> u64 {
        self.matrices_drawn
    }

    fn fetch(slot: &mut Option<Entry>, key: Key, stream: u64, drawn: &mut u64) {
        if slot.as_ref().is_some_and(|e| e.key == key) {
            return;
        }
        let mut rng = stream_rng(key.seed, stream);
        let draws = key.family.draw_matrix(&mut rng, key.rows, key.cols);
        *drawn += 1;
        *slot = Some(Entry { key, draws });
    }

    /// Makes sure the draws for `seed`, layer widths `widths` (n₀, n₁, …, n_L), batch `batch`
    /// and `family` are present, sampling only the matrices that are missing or stale, and
    /// returns (x, [D¹, …, Dᴸ]).
    pub fn get(
        &mut self,
        seed: u64,
        widths: &[usize],
        batch: usize,
        family: Family,
    ) -> (&DMatrix<f64>, Vec<&DMatrix<f64>>) {
        let depth = widths.len().saturating_sub(1);
        let input_key = Key {
            seed,
            family: Family::Normal,
            rows: widths.first().copied().unwrap_or(0),
            cols: batch,
        };
        Self::fetch(&mut self.input, input_key, 0, &mut self.matrices_drawn);
        if self.layers.len() < depth {
            self.layers.resize(depth, None);
        }
        for l in 1..=depth {
            let key = Key {
                seed,
                family,
                rows: widths[l],
                cols: widths[l - 1],
            };
            Self::fetch(
                &mut self.layers[l - 1],
                key,
                l as u64,
                &mut self.matrices_drawn,
            );
        }
        let input = &self.input.as_ref().expect("filled above").draws;
        let layers = self.layers[..depth]
            .iter()
            .map(|e| &e.as_ref().expect("filled above").draws)
            .collect();
        (input, layers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_missing_or_stale_matrices_are_sampled() {
        let mut cache = DrawCache::new();
        let (x, ws) = cache.get(7, &[4, 4, 4], 3, Family::Normal);
        let (x0, w0) = (x.clone(), ws[0].clone());
        assert_eq!(cache.matrices_drawn(), 3);
        cache.get(7, &[4, 4, 4], 3, Family::Normal);
        assert_eq!(cache.matrices_drawn(), 3, "same key: nothing new");
        let (x, ws) = cache.get(7, &[4, 4, 4, 4], 3, Family::Normal);
        assert_eq!(
            (x, ws[0]),
            (&x0, &w0),
            "a deeper network keeps the first layers"
        );
        assert_eq!(cache.matrices_drawn(), 4);
        let (x, ws) = cache.get(7, &[4, 4, 4, 4], 5, Family::Normal);
        assert_ne!(x.ncols(), x0.ncols());
        assert_eq!(ws[0], &w0, "a new batch keeps the weights");
        assert_eq!(cache.matrices_drawn(), 5);
        cache.get(8, &[4, 4, 4, 4], 5, Family::Normal);
        assert_eq!(cache.matrices_drawn(), 9, "a new seed resamples everything");
    }
}
