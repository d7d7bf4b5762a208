//! The product of a matrix with a handful of columns by direct loops: gradscope-core's
//! `product_into` takes it for a preview on a few examples, where the packed GEMM would copy a
//! whole weight matrix into its panels for a few columns of arithmetic.

use crate::Elem;

/// One operand of [`thin_product_in`]: a column-major matrix's entries, its row count, and
/// whether the product uses it transposed.
#[derive(Debug, Clone, Copy)]
pub struct Operand<'a, T> {
    /// The entries, column-major.
    pub values: &'a [T],
    /// The stored matrix's number of rows.
    pub rows: usize,
    /// Whether the product takes its transpose.
    pub transposed: bool,
}

/// `C ← α·op(A)·op(B)` for C m × n (column-major, `c` holding m·n entries), op(A) m × k and
/// op(B) k × n, by direct loops over C's columns. With `op(A) = A`, column j of C is
/// Σ_p B(p, j)·A[:, p], a sum of scaled columns of A (each a contiguous `axpy`, which the
/// compiler vectorizes); with `op(A) = Aᵀ`, C(i, j) is the dot product of column i of A with
/// column j of op(B). Sums run over p in increasing order, so the result equals a GEMM's to
/// rounding (a packed GEMM adds in another order).
pub(crate) fn thin_product_in<T: Elem>(
    alpha: T,
    a: Operand<'_, T>,
    b: Operand<'_, T>,
    c: &mut [T],
    (m, k, n): (usize, usize, usize),
) {
    let (a_rows, av) = (a.rows, a.values);
    // op(B)(p, j): B is column-major with `b.rows` rows.
    let b_at = |p: usize, j: usize| {
        if b.transposed {
            b.values[j + p * b.rows]
        } else {
            b.values[p + j * b.rows]
        }
    };
    for (j, col) in c.chunks_exact_mut(m.max(1)).enumerate().take(n) {
        if a.transposed {
            for (i, ci) in col.iter_mut().enumerate() {
                let a_col = &av[i * a_rows..i * a_rows + k];
                let mut dot = T::zero();
                for (p, &ap) in a_col.iter().enumerate() {
                    dot = dot + ap * b_at(p, j);
                }
                *ci = alpha * dot;
            }
        } else {
            col.fill(T::zero());
            for p in 0..k {
                let s = alpha * b_at(p, j);
                for (ci, &ai) in col.iter_mut().zip(&av[p * a_rows..p * a_rows + m]) {
                    *ci = *ci + s * ai;
                }
            }
        }
    }
}
