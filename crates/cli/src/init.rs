//! `gradscope init`: one weight matrix drawn by an initializer, with its scale and moments, as
//! JSON or CSV. The matrix is layer 1's draw of the gradient experiment with the same seed.

use crate::commands::INIT;
use crate::flags;
use crate::json::to_json;
use crate::numbers::cell;
use crate::usage::UsageError;
use clap::ArgMatches;
use gradscope_core::draws::stream_rng;
use gradscope_core::initializer::matrix_fields as fields;
use gradscope_core::schema::parse;
use gradscope_core::{Initializer, Precision};
use serde::Serialize;

gradscope_core::settings! {
    /// The settings of one drawn matrix, read by [`fields`].
    #[derive(Debug, Clone, PartialEq, Serialize)]
    pub struct MatrixSettings by fields {
        init: Initializer = INIT, fan_in: usize = FAN_IN, fan_out: usize = FAN_OUT,
        sigma: f64 = SIGMA, seed: u64 = SEED, precision: Precision = PRECISION,
    }
}

/// The JSON document: the settings, the initializer's scale and moments, and the weights.
#[derive(Serialize)]
struct Document<'a> {
    #[serde(flatten)]
    settings: &'a MatrixSettings,
    scale: f64,
    std_dev: f64,
    second_moment: f64,
    weights: Vec<Vec<f64>>,
}

impl MatrixSettings {
    /// The drawn matrix, row by row (n_out rows of n_in weights), rounded to the precision.
    pub fn weights(&self) -> Vec<Vec<f64>> {
        let (init, sigma, n_in, n_out) = (self.init, self.sigma, self.fan_in, self.fan_out);
        let mut rng = stream_rng(self.seed, 1);
        match self.precision {
            Precision::F64 => {
                let w = init.sample::<f64, _>(&mut rng, sigma, n_in, n_out);
                (0..n_out)
                    .map(|i| (0..n_in).map(|j| w[(i, j)]).collect())
                    .collect()
            }
            Precision::F32 => {
                let w = init.sample::<f32, _>(&mut rng, sigma, n_in, n_out);
                (0..n_out)
                    .map(|i| (0..n_in).map(|j| w[(i, j)] as f64).collect())
                    .collect()
            }
        }
    }
}

/// Runs `gradscope init` on its parsed flags and returns the text to print.
pub fn run(matches: &ArgMatches) -> Result<String, UsageError> {
    let s: MatrixSettings = parse(&flags::values(&(INIT.settings)(), matches)?)?;
    let weights = s.weights();
    if matches.get_one::<String>("format").map(String::as_str) == Some("csv") {
        let mut out = String::new();
        for row in &weights {
            let cells: Vec<String> = row.iter().map(|&x| cell(x)).collect();
            out.push_str(&cells.join(","));
            out.push('\n');
        }
        return Ok(out);
    }
    Ok(to_json(&Document {
        settings: &s,
        scale: s.init.scale(s.sigma, s.fan_in, s.fan_out),
        std_dev: s.init.std_dev(s.sigma, s.fan_in, s.fan_out),
        second_moment: s.init.second_moment(s.sigma, s.fan_in, s.fan_out),
        weights,
    }))
}
