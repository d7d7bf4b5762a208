//! The two floating-point precisions the engine runs in, and the matrix product it needs.

use nalgebra::DMatrix;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::fmt::{Debug, Display};

/// The floating-point format a computation runs in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// IEEE 754 binary32: 24-bit mantissa, largest finite value ≈ 3.4·10³⁸, smallest normal
    /// ≈ 1.2·10⁻³⁸ (subnormals down to ≈ 1.4·10⁻⁴⁵).
    F32,
    /// IEEE 754 binary64: 53-bit mantissa, largest finite value ≈ 1.8·10³⁰⁸, smallest normal
    /// ≈ 2.2·10⁻³⁰⁸ (subnormals down to ≈ 4.9·10⁻³²⁴).
    F64,
}

impl Precision {
    /// The names accepted by [`Precision::parse`].
    pub const NAMES: &'static [&'static str] = &["f32", "f64"];

    /// Parses `"f32"` or `"f64"`.
    pub fn parse(name: &str) -> Result<Self, crate::Error> {
        match name {
            "f32" => Ok(Precision::F32),
            "f64" => Ok(Precision::F64),
            _ => Err(crate::Error::UnknownChoice {
                field: "precision",
                value: name.to_string(),
                choices: Self::NAMES,
            }),
        }
    }

    /// The name, `"f32"` or `"f64"`.
    pub fn name(self) -> &'static str {
        match self {
            Precision::F32 => "f32",
            Precision::F64 => "f64",
        }
    }
}

/// A floating-point scalar the engine can compute in: `f32` or `f64`.
///
/// Besides the arithmetic of [`num_traits::Float`], it provides the dense product
/// `C ← α·op(A)·op(B) + β·C` through `matrixmultiply`, with `op` the identity or the transpose
/// (a transpose is a swap of strides, so nothing is copied).
pub trait Real:
    num_traits::Float
    + nalgebra::Scalar
    + nalgebra::ClosedMulAssign
    + nalgebra::ClosedAddAssign
    + std::iter::Sum
    + Default
    + Debug
    + Display
    + Send
    + Sync
    + 'static
{
    /// The precision this type stands for.
    const PRECISION: Precision;

    /// Rounds an `f64` to this type (overflowing to ±∞ and underflowing to 0 as IEEE 754 does).
    fn from_f64(x: f64) -> Self;

    /// Widens this value to `f64` exactly.
    fn as_f64(self) -> f64;

    /// A matrix of `f64` values in this precision: borrowed for `f64`, rounded copy for `f32`.
    fn matrix_from_f64(m: &DMatrix<f64>) -> Cow<'_, DMatrix<Self>>;

    /// Raw GEMM in this type: matrixmultiply's kernel (see [`GemmRaw`]).
    const GEMM_RAW: GemmRaw<Self>;
}

/// Raw GEMM: `C[m×n] ← α·A[m×k]·B[k×n] + β·C`, called with
/// `(m, k, n, α, a, rsa, csa, b, rsb, csb, β, c, rsc, csc)`: the row and column strides follow
/// each operand's pointer.
///
/// # Safety
/// The pointers with their strides must address valid, non-overlapping (for `c`) storage of
/// the stated shapes.
pub type GemmRaw<T> = unsafe fn(
    usize,
    usize,
    usize,
    T,
    *const T,
    isize,
    isize,
    *const T,
    isize,
    isize,
    T,
    *mut T,
    isize,
    isize,
);

impl Real for f32 {
    const PRECISION: Precision = Precision::F32;
    fn from_f64(x: f64) -> Self {
        x as f32
    }
    fn as_f64(self) -> f64 {
        self as f64
    }
    fn matrix_from_f64(m: &DMatrix<f64>) -> Cow<'_, DMatrix<Self>> {
        Cow::Owned(m.map(|x| x as f32))
    }
    const GEMM_RAW: GemmRaw<Self> = matrixmultiply::sgemm;
}

impl Real for f64 {
    const PRECISION: Precision = Precision::F64;
    fn from_f64(x: f64) -> Self {
        x
    }
    fn as_f64(self) -> f64 {
        self
    }
    fn matrix_from_f64(m: &DMatrix<f64>) -> Cow<'_, DMatrix<Self>> {
        Cow::Borrowed(m)
    }
    const GEMM_RAW: GemmRaw<Self> = matrixmultiply::dgemm;
}

/// Whether an operand of [`matmul_into`] is used as it is or transposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Use `A`.
    N,
    /// Use `Aᵀ`.
    T,
}

fn shape_of<T: Real>(a: &DMatrix<T>, op: Op) -> (usize, usize, isize, isize) {
    // nalgebra stores column-major: element (i, j) sits at i + j·nrows.
    let (r, c) = a.shape();
    match op {
        Op::N => (r, c, 1, r as isize),
        Op::T => (c, r, r as isize, 1),
    }
}

/// `C ← α·op(A)·op(B)`, overwriting `c`, which must already have the product's shape.
///
/// # Panics
/// If the shapes do not fit; callers in this crate build the shapes themselves.
pub fn matmul_into<T: Real>(
    alpha: T,
    a: &DMatrix<T>,
    op_a: Op,
    b: &DMatrix<T>,
    op_b: Op,
    c: &mut DMatrix<T>,
) {
    let (m, k, rsa, csa) = shape_of(a, op_a);
    let (k2, n, rsb, csb) = shape_of(b, op_b);
    assert_eq!(k, k2, "inner dimensions differ");
    assert_eq!(c.shape(), (m, n), "output shape differs");
    if m == 0 || n == 0 {
        return;
    }
    let rsc = 1isize;
    let csc = m as isize;
    // SAFETY: the shapes were checked above; nalgebra's dense storage is contiguous and
    // column-major, and `c` is borrowed mutably, so it does not alias `a` or `b`.
    unsafe {
        (T::GEMM_RAW)(
            m,
            k,
            n,
            alpha,
            a.as_ptr(),
            rsa,
            csa,
            b.as_ptr(),
            rsb,
            csb,
            T::zero(),
            c.as_mut_ptr(),
            rsc,
            csc,
        );
    }
}

/// `op(A)·op(B)` as a new matrix.
pub fn matmul<T: Real>(a: &DMatrix<T>, op_a: Op, b: &DMatrix<T>, op_b: Op) -> DMatrix<T> {
    let m = shape_of(a, op_a).0;
    let n = shape_of(b, op_b).1;
    let mut c = DMatrix::<T>::zeros(m, n);
    matmul_into(T::one(), a, op_a, b, op_b, &mut c);
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matmul_agrees_with_nalgebra_for_every_transpose() {
        let a = DMatrix::<f64>::from_fn(3, 4, |i, j| (i * 7 + j * 3) as f64 - 5.0);
        let b = DMatrix::<f64>::from_fn(4, 2, |i, j| (i as f64) * 0.5 - j as f64);
        let expected = &a * &b;
        assert_eq!(matmul(&a, Op::N, &b, Op::N), expected);
        let at = a.transpose();
        let bt = b.transpose();
        assert_eq!(matmul(&at, Op::T, &b, Op::N), expected);
        assert_eq!(matmul(&a, Op::N, &bt, Op::T), expected);
        assert_eq!(matmul(&at, Op::T, &bt, Op::T), expected);
        let a32 = a.map(|x| x as f32);
        let b32 = b.map(|x| x as f32);
        assert_eq!(matmul(&a32, Op::N, &b32, Op::N), expected.map(|x| x as f32));
    }
}
