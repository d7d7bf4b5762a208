//! The `f64` GEMM `C ← α·A·B + β·C` on pairs of doubles: the browser's (wasm simd128) dense
//! product in double precision.
//!
//! matrixmultiply has no wasm kernel for `f64`: its portable fallback ran as scalar code
//! (`f64.mul`, one double at a time), about half of what the machine's 128-bit vectors allow.
//! This one packs A into panels of [`MR`] rows and B into panels of [`NR`] columns, each laid out
//! step by step along the inner dimension, and computes every MR × NR tile of C in registers:
//! at each step p, two pairs of A's column (A(i..i+4, p)) times the four B(p, j) of the
//! panel, each broadcast to a pair, added into 8 pairs of accumulators.
//!
//! Each entry is C(i, j) = α·(Σ_p A(i, p)·B(p, j)) + β·C(i, j), the sum taken in increasing p
//! from 0 and rounded after every product and every addition (wasm has no fused multiply-add):
//! exactly what the three plain loops give, which the tests check to the bit. A column of C
//! therefore depends on the same column of B alone, as the batch split needs.
//!
//! [`Pair`] is the two-lane arithmetic: wasm's `f64x2` in the browser, two plain `f64` elsewhere
//! (the native tests run the same driver and tile code through it).

/// Rows of a tile (two pairs).
pub const MR: usize = 4;
/// Columns of a tile.
pub const NR: usize = 4;

/// Two doubles, added and multiplied lane by lane.
pub trait Pair: Copy {
    /// (0, 0).
    fn zero() -> Self;
    /// (x, x).
    fn splat(x: f64) -> Self;
    /// (p[0], p[1]).
    ///
    /// # Safety
    /// `p` must address two readable doubles.
    unsafe fn load(p: *const f64) -> Self;
    /// Writes the lanes to p[0], p[1].
    ///
    /// # Safety
    /// `p` must address two writable doubles.
    unsafe fn store(self, p: *mut f64);
    /// self + a·b, lane by lane, the product rounded before the sum.
    fn add_product(self, a: Self, b: Self) -> Self;
    /// The two lanes.
    fn lanes(self) -> [f64; 2];
}

/// Two plain doubles: the same arithmetic without vector instructions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scalars([f64; 2]);

impl Pair for Scalars {
    #[inline(always)]
    fn zero() -> Self {
        Scalars([0.0; 2])
    }
    #[inline(always)]
    fn splat(x: f64) -> Self {
        Scalars([x; 2])
    }
    #[inline(always)]
    unsafe fn load(p: *const f64) -> Self {
        Scalars([*p, *p.add(1)])
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f64) {
        *p = self.0[0];
        *p.add(1) = self.0[1];
    }
    #[inline(always)]
    fn add_product(self, a: Self, b: Self) -> Self {
        Scalars([self.0[0] + a.0[0] * b.0[0], self.0[1] + a.0[1] * b.0[1]])
    }
    #[inline(always)]
    fn lanes(self) -> [f64; 2] {
        self.0
    }
}

/// wasm simd128's `f64x2`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
#[derive(Debug, Clone, Copy)]
pub struct Simd(core::arch::wasm32::v128);

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
impl Pair for Simd {
    #[inline(always)]
    fn zero() -> Self {
        Simd(core::arch::wasm32::f64x2_splat(0.0))
    }
    #[inline(always)]
    fn splat(x: f64) -> Self {
        Simd(core::arch::wasm32::f64x2_splat(x))
    }
    #[inline(always)]
    unsafe fn load(p: *const f64) -> Self {
        Simd(core::arch::wasm32::v128_load(
            p as *const core::arch::wasm32::v128,
        ))
    }
    #[inline(always)]
    unsafe fn store(self, p: *mut f64) {
        core::arch::wasm32::v128_store(p as *mut core::arch::wasm32::v128, self.0)
    }
    #[inline(always)]
    fn add_product(self, a: Self, b: Self) -> Self {
        use core::arch::wasm32::{f64x2_add, f64x2_mul};
        Simd(f64x2_add(self.0, f64x2_mul(a.0, b.0)))
    }
    #[inline(always)]
    fn lanes(self) -> [f64; 2] {
        use core::arch::wasm32::f64x2_extract_lane;
        [
            f64x2_extract_lane::<0>(self.0),
            f64x2_extract_lane::<1>(self.0),
        ]
    }
}

/// The pair type of this build: [`Simd`] on wasm with simd128, else [`Scalars`].
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub type Native = Simd;
/// The pair type of this build: [`Simd`] on wasm with simd128, else [`Scalars`].
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub type Native = Scalars;

/// `C[m×n] ← α·A[m×k]·B[k×n] + β·C` with [`Native`] pairs, in matrixmultiply's calling
/// convention (`gradscope_core::real::GemmRaw`): each operand's row and column strides follow its
/// pointer. With β = 0, C is only written (its old values, even NaN, do not count).
///
/// # Safety
/// The pointers with their strides must address valid storage of the stated shapes, and `c`
/// must not overlap `a` or `b`.
#[allow(clippy::too_many_arguments)]
pub unsafe fn dgemm(
    m: usize,
    k: usize,
    n: usize,
    alpha: f64,
    a: *const f64,
    rsa: isize,
    csa: isize,
    b: *const f64,
    rsb: isize,
    csb: isize,
    beta: f64,
    c: *mut f64,
    rsc: isize,
    csc: isize,
) {
    gemm_with::<Native>(
        (m, k, n),
        alpha,
        (a, rsa, csa),
        (b, rsb, csb),
        beta,
        (c, rsc, csc),
    )
}

/// [`dgemm`] with the pair type `P`.
///
/// # Safety
/// As for [`dgemm`].
pub unsafe fn gemm_with<P: Pair>(
    (m, k, n): (usize, usize, usize),
    alpha: f64,
    (a, rsa, csa): (*const f64, isize, isize),
    (b, rsb, csb): (*const f64, isize, isize),
    beta: f64,
    (c, rsc, csc): (*mut f64, isize, isize),
) {
    if m == 0 || n == 0 {
        return;
    }
    let at = |i: usize, p: usize| *a.offset(i as isize * rsa + p as isize * csa);
    let bt = |p: usize, j: usize| *b.offset(p as isize * rsb + j as isize * csb);
    // A in panels of MR rows, B in panels of NR columns (see `pack`).
    let pa = pack(m, k, MR, at);
    let pb = pack(n, k, NR, |j, p| bt(p, j));
    let (a_panels, b_panels) = (m.div_ceil(MR), n.div_ceil(NR));
    for s in 0..b_panels {
        let panel_b = pb.as_ptr().add(s * k * NR);
        for r in 0..a_panels {
            let tile = tile::<P>(k, pa.as_ptr().add(r * k * MR), panel_b);
            for (j, column) in tile.iter().enumerate() {
                let jj = NR * s + j;
                if jj >= n {
                    break;
                }
                for (h, pair) in column.iter().enumerate() {
                    for (l, &v) in pair.lanes().iter().enumerate() {
                        let i = MR * r + 2 * h + l;
                        if i < m {
                            let dst = c.offset(i as isize * rsc + jj as isize * csc);
                            *dst = if beta == 0.0 {
                                alpha * v
                            } else {
                                alpha * v + beta * *dst
                            };
                        }
                    }
                }
            }
        }
    }
}

/// `count` rows (or columns) of a k-deep operand in panels of `width`: panel r holds
/// `get(width·r + i, p)` at (r·k + p)·width + i, entries past `count` as 0.
fn pack(count: usize, k: usize, width: usize, get: impl Fn(usize, usize) -> f64) -> Vec<f64> {
    let panels = count.div_ceil(width);
    let mut out = Vec::with_capacity(panels * k * width);
    for r in 0..panels {
        for p in 0..k {
            for i in width * r..width * r + width {
                out.push(if i < count { get(i, p) } else { 0.0 });
            }
        }
    }
    out
}

/// One MR × NR tile: Σ_p (column p of the A panel) ⊗ (row p of the B panel), as NR columns of
/// two pairs.
///
/// # Safety
/// `pa` must address k·MR doubles and `pb` k·NR.
#[inline(always)]
unsafe fn tile<P: Pair>(k: usize, pa: *const f64, pb: *const f64) -> [[P; 2]; NR] {
    let mut acc = [[P::zero(); 2]; NR];
    for p in 0..k {
        let a0 = P::load(pa.add(p * MR));
        let a1 = P::load(pa.add(p * MR + 2));
        for (j, column) in acc.iter_mut().enumerate() {
            let bj = P::splat(*pb.add(p * NR + j));
            column[0] = column[0].add_product(a0, bj);
            column[1] = column[1].add_product(a1, bj);
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// C = α·op(A)·op(B) + β·C by the three plain loops, the sum in increasing p from 0.
    fn plain(
        (m, k, n): (usize, usize, usize),
        alpha: f64,
        (a, rsa, csa): (&[f64], usize, usize),
        (b, rsb, csb): (&[f64], usize, usize),
        beta: f64,
        c: &mut [f64],
    ) {
        for j in 0..n {
            for i in 0..m {
                let mut s = 0.0;
                for p in 0..k {
                    s += a[i * rsa + p * csa] * b[p * rsb + j * csb];
                }
                let old = c[i + j * m];
                c[i + j * m] = if beta == 0.0 {
                    alpha * s
                } else {
                    alpha * s + beta * old
                };
            }
        }
    }

    /// Numbers with full mantissas (a product's rounding shows), from a fixed sequence.
    fn values(len: usize, seed: u64) -> Vec<f64> {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
            })
            .collect()
    }

    #[test]
    fn every_entry_is_the_plain_loops_sum_to_the_bit_for_every_shape_and_transpose() {
        let mut checked = 0;
        for m in [1, 3, 4, 5, 9] {
            for k in [0, 1, 2, 7, 16] {
                for n in [1, 2, 4, 6, 11] {
                    for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
                        for (alpha, beta) in [(1.0, 0.0), (0.37, 0.0), (-1.5, 0.25)] {
                            let a = values(m * k, 1 + m as u64);
                            let b = values(k * n, 2 + n as u64);
                            // A stored m×k column-major, or k×m and used transposed.
                            let (rsa, csa) = if ta { (k.max(1), 1) } else { (1, m) };
                            let (rsb, csb) = if tb { (n, 1) } else { (1, k.max(1)) };
                            let mut want = values(m * n, 3);
                            let mut got = want.clone();
                            plain(
                                (m, k, n),
                                alpha,
                                (&a, rsa, csa),
                                (&b, rsb, csb),
                                beta,
                                &mut want,
                            );
                            unsafe {
                                gemm_with::<Scalars>(
                                    (m, k, n),
                                    alpha,
                                    (a.as_ptr(), rsa as isize, csa as isize),
                                    (b.as_ptr(), rsb as isize, csb as isize),
                                    beta,
                                    (got.as_mut_ptr(), 1, m as isize),
                                );
                            }
                            let same = want
                                .iter()
                                .zip(&got)
                                .all(|(x, y)| x.to_bits() == y.to_bits());
                            assert!(same, "m {m} k {k} n {n} ta {ta} tb {tb} α {alpha} β {beta}");
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert_eq!(checked, 5 * 5 * 5 * 4 * 3);
    }

    #[test]
    fn with_beta_zero_old_values_do_not_count_and_a_row_major_c_works() {
        let (m, k, n) = (5, 3, 6);
        let a = values(m * k, 7);
        let b = values(k * n, 8);
        let mut want = vec![0.0; m * n];
        plain((m, k, n), 2.0, (&a, 1, m), (&b, 1, k), 0.0, &mut want);
        // C row-major (rsc = n, csc = 1), full of NaN before.
        let mut got = vec![f64::NAN; m * n];
        unsafe {
            gemm_with::<Scalars>(
                (m, k, n),
                2.0,
                (a.as_ptr(), 1, m as isize),
                (b.as_ptr(), 1, k as isize),
                0.0,
                (got.as_mut_ptr(), n as isize, 1),
            );
        }
        for i in 0..m {
            for j in 0..n {
                assert_eq!(
                    got[i * n + j].to_bits(),
                    want[i + j * m].to_bits(),
                    "({i}, {j})"
                );
            }
        }
    }
}
