//! # gradscope-core
//!
//! The numbers behind gradscope, with no web dependency: activations, initializers, an L-layer
//! network with its forward and backward passes, per-layer statistics and the verdict
//! (vanishing, stable or exploding). Everything is generic over the precision (`f32`, `f64`) and
//! takes its randomness from a seed.

pub use gradscope_kernels::{activation, gemm as pair_gemm, scaled};
pub mod batch_split;
pub mod deep_training;
pub mod draws;
pub mod error;
pub mod initializer;
pub mod network;
pub mod probe;
pub mod product;
pub mod quadrature;
pub mod real;
pub mod rescaling;
pub mod root;
pub mod schema;
pub mod settings;
pub mod sigmoid_curve;
pub mod softmax_regression;
pub mod spectrum;
pub mod stability_map;
pub mod stats;
pub mod stepped_run;
pub mod symmetry;
pub mod theory;
pub mod verdict;
pub mod xavier;

pub use activation::Activation;
pub use batch_split::{combine, Partial, PartialSums};
pub use error::Error;
pub use gradscope_kernels::Elem;
pub use initializer::{Family, Initializer, SigmaRole};
pub use network::{Forward, Gradients, Layer, Network};
pub use probe::{GradientProbe, GradientReport};
pub use product::{
    random_product, random_product_with, ProductReport, ProductSettings, ProductStep,
};
pub use real::{Precision, Real};
pub use settings::{settings_from_parts, whole_number, GradSettings};
pub use sigmoid_curve::{sigmoid_curve, SigmoidCurve};
pub use stats::{LayerStats, NumStatus};
pub use stepped_run::SteppedRun;
pub use theory::{predict, predict_widths, LayerPrediction};
pub use verdict::{Verdict, VerdictKind, STABLE_DECADES};
