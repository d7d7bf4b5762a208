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
