//! `gradscope product`: the book's product of random matrices, step by step, as JSON or CSV.

use crate::commands::PRODUCT_CMD;
use crate::flags;
use crate::json::to_json;
use crate::numbers::cell;
use crate::usage::UsageError;
use clap::ArgMatches;
use gradscope_core::schema::parse;
use gradscope_core::{random_product, ProductReport, ProductSettings};

/// Runs `gradscope product` on its parsed flags and returns the text to print: the JSON is the
/// serialized [`ProductReport`].
pub fn run(matches: &ArgMatches) -> Result<String, UsageError> {
    let settings: ProductSettings = parse(&flags::values(&(PRODUCT_CMD.settings)(), matches)?)?;
    let report = random_product(&settings)?;
    Ok(
        match matches.get_one::<String>("format").map(String::as_str) {
            Some("csv") => csv(&report),
            _ => to_json(&report),
        },
    )
}

/// A CSV line per step: its norm, largest entry and status.
fn csv(report: &ProductReport) -> String {
    let mut out = String::from("step,frobenius,max_abs,status\n");
    for st in &report.steps {
        let status = serde_json::to_value(st.status).expect("a status serializes");
        out.push_str(&format!(
            "{},{},{},{}\n",
            st.step,
            cell(st.frobenius),
            cell(st.max_abs),
            status.as_str().unwrap_or_default()
        ));
    }
    out
}
