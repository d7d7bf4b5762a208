//! A setting's allowed range as the limit exports give it to the page, read off the core's
//! declaration of the field (`gradscope_core::schema::Field`).

use gradscope_core::schema::{Field, Kind};
use serde::Serialize;

/// `{min, max}`: the closed range [min, max] of a number (of each entry, for a list).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    /// Smallest allowed value.
    pub min: f64,
    /// Largest allowed value.
    pub max: f64,
}

impl Range {
    /// The declared range of `field`: [min, max] of an int or float field, of each entry of a
    /// list field; [0, 0] for an enum or a bool, which have none.
    pub fn of(field: &Field) -> Range {
        let (min, max) = field.range().unwrap_or((0.0, 0.0));
        Range { min, max }
    }

    /// The allowed number of layers of a list of widths n₀, …, n_L: its allowed length minus 1
    /// ([min_len − 1, max_len − 1]); [0, 0] for a field that is not a list.
    pub fn layers_of(widths: &Field) -> Range {
        match widths.kind {
            Kind::List {
                min_len, max_len, ..
            } => Range {
                min: min_len.saturating_sub(1) as f64,
                max: max_len.saturating_sub(1) as f64,
            },
            _ => Range { min: 0.0, max: 0.0 },
        }
    }
}
