//! # gradscope-kernels
//!
//! The engine's inner loops, which gradscope-core's experiments call for every layer: the `f64`
//! GEMM on pairs of doubles ([`gemm`]), the scaled sums under every norm and standard deviation
//! ([`scaled`]), the activations φ and φ′ ([`activation`]), the small dense products of
//! the training experiments ([`dense`]) and the element-wise loops of
//! [`Elem`]. They are a crate of their own so that the browser's build can compile them for
//! speed and everything else (the experiments' bookkeeping, the schema, the theory) for size:
//! see `profile.wasm` in the workspace's Cargo.toml and [`elem`].

pub mod activation;
pub mod dense;
pub mod elem;
pub mod gemm;
pub mod scaled;
pub mod thin;

pub use activation::Activation;
pub use elem::Elem;
