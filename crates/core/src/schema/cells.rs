//! Every live cell's declared fields. A cell's field is the engine's field (declared beside the
//! experiment it checks) or that field narrowed to what the cell offers; view fields (a table
//! shown, a series toggled, the playback speed) are declared here, since only the cell has them.

use super::{CellSchema, Field};
use crate::deep_training::deep_fields as deep;
use crate::product::product_fields as prod;
use crate::rescaling::rescaling_fields as rescale;
use crate::settings::fields as grad;
use crate::softmax_regression::softmax_fields as soft;
use crate::spectrum::spectrum_fields as svd;
use crate::stability_map::map_fields as map;
use crate::symmetry::mlp_fields as mlp;
use crate::xavier::xavier_fields as xav;

const TABLE: Field = Field::bool("table", false)
    .view()
    .doc("Whether the numbers are shown as a table.");

const fn speed(max: i64) -> Field {
    Field::int("speed", 1, max, 2)
        .unit("steps per frame")
        .view()
        .doc("Training steps per animation frame while the training plays.")
}

/// The main widget: the gradient of every layer of a deep network.
pub const GRADIENTS: CellSchema = CellSchema {
    name: "gradients",
    prefix: "",
    fields: &[
        grad::DEPTH,
        grad::SIGMA,
        grad::ACTIVATION,
        grad::INIT,
        grad::WIDTH,
        grad::BATCH,
        grad::SEED,
        grad::PRECISION,
        Field::bool("backward", true)
            .key("bwd")
            .view()
            .doc("Whether the chart shows the backward signal ‖∂ℓ/∂hˡ⁻¹‖/√B."),
        Field::bool("forward", true)
            .key("fwd")
            .view()
            .doc("Whether the chart shows the forward signal std(zˡ)."),
        Field::bool("theory", false)
            .view()
            .doc("Whether the chart overlays the theory's prediction (dashed)."),
        TABLE,
    ],
};

/// The sigmoid and its derivative, with a readout at x.
pub const SIGMOID: CellSchema = CellSchema {
    name: "sigmoid",
    prefix: "sig",
    fields: &[
        Field::float("x", -8.0, 8.0, 2.0)
            .view()
            .doc("The point x where σ(x) and σ′(x) are read off."),
        TABLE,
    ],
};

/// One deep network with sigmoid beside the same network with ReLU.
pub const VANISHING_PRESET: CellSchema = CellSchema {
    name: "vanishing-preset",
    prefix: "van",
    fields: &[
        // He's scale for width 64: σ = √(2/64) = 0.1768.
        grad::SIGMA.default_number(0.1768),
        grad::DEPTH.within(2.0, 200.0),
        TABLE,
    ],
};

/// The book's product of random matrices.
pub const PRODUCT: CellSchema = CellSchema {
    name: "product",
    prefix: "prod",
    fields: &[
        prod::STEPS,
        prod::SIGMA,
        prod::SIZE,
        prod::PRECISION,
        prod::SEED,
        TABLE,
    ],
};

/// Symmetry: a one-hidden-layer network trained step by step, with or without dropout.
pub const SYMMETRY: CellSchema = CellSchema {
    name: "symmetry",
    prefix: "sym",
    fields: &[
        mlp::HIDDEN.within(1.0, 8.0).key("h"),
        mlp::INIT.choices(&["constant", "normal"], "constant"),
        mlp::SIGMA.key("s"),
        Field::bool("dropout", false)
            .key("drop")
            .doc("Whether dropout is applied to the hidden layer."),
        mlp::DROPOUT
            .within(0.05, 0.9)
            .default_number(0.5)
            .named("rate")
            .key("p")
            .doc("The dropout probability p, used when dropout is on."),
        mlp::LEARNING_RATE.within(0.001, 10.0).named("lr"),
        mlp::SEED,
        speed(50),
    ],
};

/// The book's default initialization, U[−0.07, 0.07], beside today's framework defaults.
pub const DEFAULT_INIT: CellSchema = CellSchema {
    name: "default-init",
    prefix: "def",
    fields: &[
        grad::DEPTH.within(2.0, 200.0).default_number(20.0),
        grad::WIDTH,
        grad::ACTIVATION.choices(crate::Activation::NAMES, "relu"),
        TABLE,
    ],
};

/// Xavier: layers of different widths, forward and backward variance.
pub const XAVIER: CellSchema = CellSchema {
    name: "xavier",
    prefix: "xav",
    fields: &[
        xav::WIDTHS.key("w"),
        Field::choice(
            "preset",
            &[
                "mixed",
                "funnel",
                "bottleneck",
                "alternating",
                "equal",
                "custom",
            ],
            "mixed",
        )
        .view()
        .doc("A preset list of widths, or custom."),
        xav::INIT,
        xav::SIGMA.key("s"),
        xav::ACTIVATION,
        xav::BATCH.default_number(64.0),
        xav::SEED,
    ],
};

/// The same deep network trained from several initializers.
pub const TRAINING: CellSchema = CellSchema {
    name: "training",
    prefix: "train",
    fields: &[
        deep::ACTIVATION.choices(&["relu", "tanh"], "relu"),
        deep::DEPTH.within(1.0, 8.0),
        deep::WIDTH.within(2.0, 64.0).key("w"),
        deep::LEARNING_RATE.within(0.0001, 1.0).named("lr"),
        deep::BATCH.within(0.0, 128.0).key("b"),
        deep::SEED,
        speed(20),
        Field::choice("hist", TRAINING_RUNS, "he")
            .view()
            .doc("The run whose activation histograms are shown."),
        Field::bool("use_n001", true)
            .key("n001")
            .doc("Whether N(0, 0.01²) is trained."),
        Field::bool("use_n1", false)
            .key("n1")
            .doc("Whether N(0, 1) is trained."),
        Field::bool("use_xavier", true)
            .key("xavier")
            .doc("Whether Xavier normal is trained."),
        Field::bool("use_he", true)
            .key("he")
            .doc("Whether He normal is trained."),
        Field::bool("use_lecun", false)
            .key("lecun")
            .doc("Whether LeCun normal is trained."),
        Field::bool("use_torch", true)
            .key("torch")
            .doc("Whether PyTorch's default is trained."),
    ],
};

/// The runs the training cell offers, by id (see the `use_*` fields).
pub const TRAINING_RUNS: &[&str] = &["n001", "n1", "xavier", "he", "lecun", "torch"];

/// The diverging setting trained with plain SGD and with LARS.
pub const LARS: CellSchema = CellSchema {
    name: "lars",
    prefix: "lars",
    fields: &[
        deep::DEPTH.within(1.0, 8.0).default_number(6.0),
        deep::WIDTH.within(2.0, 64.0).key("w"),
        deep::SIGMA.within(0.01, 3.0).key("s"),
        deep::LEARNING_RATE
            .within(0.0001, 1.0)
            .default_number(0.02)
            .named("lr"),
        deep::SEED,
        speed(20),
    ],
};

/// Exercise 3: the singular values of a product of two random matrices.
pub const SPECTRUM: CellSchema = CellSchema {
    name: "spectrum",
    prefix: "svd",
    fields: &[
        svd::SIZE.key("n"),
        svd::SIGMA.within(0.001, 10.0).key("s"),
        svd::SEED,
        TABLE,
    ],
};

/// The stability map: decades over σ × depth, with the critical line.
pub const STABILITY_MAP: CellSchema = CellSchema {
    name: "stability-map",
    prefix: "map",
    fields: &[
        map::ACTIVATION,
        map::WIDTH,
        map::DEPTH,
        map::BATCH,
        map::COLUMNS,
        map::SEED,
    ],
};

/// Exercise 1: one layer scaled by α and the next by 1/α; the output and the gradients.
pub const RESCALING: CellSchema = CellSchema {
    name: "rescaling",
    prefix: "resc",
    fields: &[
        rescale::ALPHA,
        rescale::NEGATIVE,
        rescale::LAYER,
        rescale::ACTIVATION,
        rescale::WIDTH,
        rescale::SEED,
        TABLE,
    ],
};

/// Exercise 2: softmax regression from constant weights.
pub const SOFTMAX: CellSchema = CellSchema {
    name: "softmax",
    prefix: "soft",
    fields: &[
        soft::VALUE.key("c"),
        soft::LEARNING_RATE.key("lr"),
        soft::STEPS,
        soft::CLASSES.key("k"),
        soft::PER_CLASS.key("m"),
        soft::SPREAD,
        soft::SEED,
        TABLE,
    ],
};

/// Every live cell, in the notebook's order.
pub const CELLS: &[&CellSchema] = &[
    &GRADIENTS,
    &SIGMOID,
    &VANISHING_PRESET,
    &PRODUCT,
    &SYMMETRY,
    &DEFAULT_INIT,
    &XAVIER,
    &TRAINING,
    &LARS,
    &RESCALING,
    &SOFTMAX,
    &SPECTRUM,
    &STABILITY_MAP,
];
