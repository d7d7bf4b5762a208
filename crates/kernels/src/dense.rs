//! Dense `f64` matrix products in nalgebra's own arithmetic, for the experiments that train a
//! small network (gradscope-core's `deep_training`, `softmax_regression`): the same products as
//! nalgebra's `*`, compiled here for speed (see [`crate::elem`] for why a crate of its own).

use nalgebra::DMatrix;

/// A·B.
#[inline(never)]
pub fn product(a: &DMatrix<f64>, b: &DMatrix<f64>) -> DMatrix<f64> {
    a * b
}

/// A·Bᵀ.
#[inline(never)]
pub fn product_bt(a: &DMatrix<f64>, b: &DMatrix<f64>) -> DMatrix<f64> {
    a * b.transpose()
}

/// Aᵀ·B.
#[inline(never)]
pub fn product_at(a: &DMatrix<f64>, b: &DMatrix<f64>) -> DMatrix<f64> {
    a.transpose() * b
}

/// The softmax cross-entropy of `logits` (n × K, one example per row) against `labels` (n class
/// indices below K): returns (Σᵢ ℓᵢ, how many rows have their class as their only largest
/// logit, P − Y), with ℓᵢ = −log pᵢ,yᵢ and pᵢ,c = e^{oᵢ,c − topᵢ} / Σ_c′ e^{oᵢ,c′ − topᵢ}, topᵢ
/// the row's largest logit, so that no exponential overflows and each is taken once. A tie for
/// the largest logit counts as wrong (equal logits score 0, not 1/K by luck of the order).
#[inline(never)]
pub fn softmax_cross_entropy(
    logits: &DMatrix<f64>,
    labels: &[usize],
) -> (f64, usize, DMatrix<f64>) {
    let (n, k) = logits.shape();
    let mut residual = DMatrix::<f64>::zeros(n, k);
    let mut loss = 0.0;
    let mut correct = 0usize;
    let mut e = vec![0.0; k];
    for (i, &y) in labels.iter().enumerate().take(n) {
        let row = logits.row(i);
        let top = row.max();
        let mut sum = 0.0;
        for (c, ec) in e.iter_mut().enumerate() {
            *ec = (row[c] - top).exp();
            sum += *ec;
        }
        loss -= row[y] - top - sum.ln();
        let best = row.iter().filter(|&&o| o == top).count() == 1 && row[y] == top;
        correct += usize::from(best);
        for (c, ec) in e.iter().enumerate() {
            residual[(i, c)] = ec / sum - f64::from(u8::from(c == y));
        }
    }
    (loss, correct, residual)
}
