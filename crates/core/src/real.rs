//! The two floating-point precisions the engine runs in, and the matrix product it needs.

use gradscope_kernels::thin::Operand;
use gradscope_kernels::Elem;
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
    gradscope_kernels::Elem
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

    /// A matrix of `f64` values in this precision: borrowed for `f64`, rounded copy for `f32`.
    fn matrix_from_f64(m: &DMatrix<f64>) -> Cow<'_, DMatrix<Self>>;

    /// Raw GEMM in this type (see [`GemmRaw`]): matrixmultiply's, except `f64` on wasm with
    /// simd128, which takes [`crate::pair_gemm::dgemm`].
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
    fn matrix_from_f64(m: &DMatrix<f64>) -> Cow<'_, DMatrix<Self>> {
        let mut out = zeros::<f32>(m.nrows(), m.ncols());
        f32::round_from_f64(m.as_slice(), out.as_mut_slice());
        Cow::Owned(out)
    }
    const GEMM_RAW: GemmRaw<Self> = matrixmultiply::sgemm;
}

impl Real for f64 {
    const PRECISION: Precision = Precision::F64;
    fn matrix_from_f64(m: &DMatrix<f64>) -> Cow<'_, DMatrix<Self>> {
        Cow::Borrowed(m)
    }
    // matrixmultiply's f64 kernel on wasm is scalar code: the browser takes the pair GEMM.
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    const GEMM_RAW: GemmRaw<Self> = crate::pair_gemm::dgemm;
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    const GEMM_RAW: GemmRaw<Self> = matrixmultiply::dgemm;
}

/// The nrows × ncols matrix with every entry `value` (its storage filled by the speed-compiled
/// [`Elem::filled`]).
pub fn filled<T: Real>(nrows: usize, ncols: usize, value: T) -> DMatrix<T> {
    DMatrix::from_vec(nrows, ncols, T::filled(nrows * ncols, value))
}

/// The nrows × ncols zero matrix (see [`filled`]).
pub fn zeros<T: Real>(nrows: usize, ncols: usize) -> DMatrix<T> {
    filled(nrows, ncols, T::zero())
}

/// Whether an operand of [`product_into`] is used as it is or transposed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Use `A`.
    N,
    /// Use `Aᵀ`.
    T,
}

/// (m, k, n) of C = op(A)·op(B), checked against `c`'s shape.
///
/// # Panics
/// If the shapes do not fit; callers in this crate build the shapes themselves.
fn dims<T: Real>(
    a: &DMatrix<T>,
    op_a: Op,
    b: &DMatrix<T>,
    op_b: Op,
    c: &DMatrix<T>,
) -> (usize, usize, usize) {
    let (m, k, _, _) = shape_of(a, op_a);
    let (k2, n, _, _) = shape_of(b, op_b);
    assert_eq!(k, k2, "inner dimensions differ");
    assert_eq!(c.shape(), (m, n), "output shape differs");
    (m, k, n)
}

fn shape_of<T: Real>(a: &DMatrix<T>, op: Op) -> (usize, usize, isize, isize) {
    // nalgebra stores column-major: element (i, j) sits at i + j·nrows.
    let (r, c) = a.shape();
    match op {
        Op::N => (r, c, 1, r as isize),
        Op::T => (c, r, r as isize, 1),
    }
}

/// At most this many columns of the product, or this inner dimension: [`product_into`] with
/// `thin` takes the direct loops of [`thin_matmul_into`] instead of the packed GEMM.
pub const THIN: usize = 4;

/// `C ← α·op(A)·op(B)`, overwriting `c`, which must already have the product's shape: by the
/// packed GEMM ([`packed_matmul_into`]), or, when `thin` and the product has at most [`THIN`]
/// columns or inner dimension, by [`thin_matmul_into`]. The packed GEMM copies the whole of `A` into its panels and
/// pads the columns to its kernel's width: for a handful of columns that costs many times the
/// arithmetic (a one-example preview of 200 layers of 128 in f64 took 35–65 ms in the browser's
/// Worker). The two differ in rounding, so a run whose columns must match another run's to the
/// bit (the batch split) keeps `thin` false.
///
/// # Panics
/// If the shapes do not fit; callers in this crate build the shapes themselves.
pub fn product_into<T: Real>(
    thin: bool,
    alpha: T,
    a: &DMatrix<T>,
    op_a: Op,
    b: &DMatrix<T>,
    op_b: Op,
    c: &mut DMatrix<T>,
) {
    let (m, k, n) = dims(a, op_a, b, op_b, c);
    if thin && (n <= THIN || k <= THIN) {
        thin_matmul_into(alpha, (a, op_a), (b, op_b), c, (m, k, n));
    } else {
        packed_matmul_into(alpha, (a, op_a), (b, op_b), c, (m, k, n));
    }
}

/// `C ← α·op(A)·op(B)` by matrixmultiply's packed GEMM ([`Real::GEMM_RAW`]), for
/// [`product_into`], which has checked the shapes `(m, k, n)`.
fn packed_matmul_into<T: Real>(
    alpha: T,
    (a, op_a): (&DMatrix<T>, Op),
    (b, op_b): (&DMatrix<T>, Op),
    c: &mut DMatrix<T>,
    (m, k, n): (usize, usize, usize),
) {
    let (_, _, rsa, csa) = shape_of(a, op_a);
    let (_, _, rsb, csb) = shape_of(b, op_b);
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

/// `C ← α·op(A)·op(B)` by direct loops over `C`'s columns (the speed-compiled
/// [`Elem::thin_product`], see `gradscope_kernels::thin`), for [`product_into`], which has
/// checked the shapes `(m, k, n)`. The result equals [`packed_matmul_into`]'s packed GEMM to
/// rounding (the sums are added in another order).
fn thin_matmul_into<T: Real>(
    alpha: T,
    (a, op_a): (&DMatrix<T>, Op),
    (b, op_b): (&DMatrix<T>, Op),
    c: &mut DMatrix<T>,
    mkn: (usize, usize, usize),
) {
    fn operand<T: Real>(x: &DMatrix<T>, op: Op) -> Operand<'_, T> {
        Operand {
            values: x.as_slice(),
            rows: x.nrows(),
            transposed: op == Op::T,
        }
    }
    T::thin_product(
        alpha,
        operand(a, op_a),
        operand(b, op_b),
        c.as_mut_slice(),
        mkn,
    );
}

/// `op(A)·op(B)` as a new matrix.
pub fn matmul<T: Real>(a: &DMatrix<T>, op_a: Op, b: &DMatrix<T>, op_b: Op) -> DMatrix<T> {
    let m = shape_of(a, op_a).0;
    let n = shape_of(b, op_b).1;
    let mut c = zeros::<T>(m, n);
    product_into(false, T::one(), a, op_a, b, op_b, &mut c);
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

    /// Whether `got` equals op(A)·op(B) = `exact` (computed by nalgebra) within the rounding
    /// bound of a sum of k products, each side: |ĉ − c| ≤ 2·γ_k·(|op(A)|·|op(B)|), γ_k = k·u/(1 − k·u).
    fn within_rounding(
        got: &DMatrix<f64>,
        exact: &DMatrix<f64>,
        abs: &DMatrix<f64>,
        k: usize,
    ) -> bool {
        let u = f64::EPSILON / 2.0;
        let gamma = k as f64 * u / (1.0 - k as f64 * u);
        got.iter()
            .zip(exact.iter())
            .zip(abs.iter())
            .all(|((g, e), s)| (g - e).abs() <= 2.0 * gamma * s)
    }

    #[test]
    fn thin_products_agree_with_nalgebra_within_rounding_for_every_transpose() {
        use rand::{Rng, SeedableRng};
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let mut random =
            |r: usize, c: usize| DMatrix::<f64>::from_fn(r, c, |_, _| rng.random_range(-2.0..2.0));
        // (m, k, n): thin by columns, by inner dimension, both, and one of each with k = 1.
        for (m, k, n) in [
            (37, 128, 1),
            (64, 30, 4),
            (128, 3, 128),
            (5, 1, 9),
            (1, 4, 4),
            (16, 1, 1),
        ] {
            let a = random(m, k);
            let b = random(k, n);
            let exact = &a * &b;
            let abs = a.abs() * b.abs();
            let (at, bt) = (a.transpose(), b.transpose());
            for (aa, op_a, bb, op_b) in [
                (&a, Op::N, &b, Op::N),
                (&at, Op::T, &b, Op::N),
                (&a, Op::N, &bt, Op::T),
                (&at, Op::T, &bt, Op::T),
            ] {
                let mut got = DMatrix::zeros(m, n);
                product_into(true, 1.0, aa, op_a, bb, op_b, &mut got);
                assert!(
                    within_rounding(&got, &exact, &abs, k),
                    "{m}×{k}×{n}, {op_a:?}{op_b:?}"
                );
                // α scales the result (here exactly: a power of two).
                let mut half = DMatrix::zeros(m, n);
                product_into(true, 0.5, aa, op_a, bb, op_b, &mut half);
                assert_eq!(half, got.map(|x| x * 0.5));
            }
            // The check can fail: one entry off by a little more than the bound allows.
            let mut off = exact.clone();
            off[(0, 0)] += 4.0 * (k as f64) * f64::EPSILON * abs[(0, 0)].max(1.0);
            assert!(!within_rounding(&off, &exact, &abs, k));
        }
    }
}
