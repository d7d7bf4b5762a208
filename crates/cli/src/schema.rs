//! `gradscope schema`: every live cell's declarations, as the JSON the wasm `schema()` returns
//! or as the Markdown table of `docs/parameters.md`.

use crate::json::to_json;
use crate::markdown;
use clap::ArgMatches;
use gradscope_core::schema::schema_json;

/// Runs `gradscope schema` and returns the text to print.
pub fn run(matches: &ArgMatches) -> String {
    match matches.get_one::<String>("format").map(String::as_str) {
        Some("markdown") => markdown::parameters(),
        _ => to_json(&schema_json()),
    }
}
