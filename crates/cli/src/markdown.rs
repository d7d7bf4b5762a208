//! `docs/parameters.md`: every live cell's declared parameters as one Markdown table, generated
//! from [`gradscope_core::schema::CELLS`] by `gradscope schema --format markdown`.

use gradscope_core::schema::{CellSchema, Field, Kind, Role, Scale, CELLS};

/// The command that writes `docs/parameters.md`.
pub const REGENERATE: &str =
    "cargo run -p gradscope-cli -- schema --format markdown > docs/parameters.md";

/// The whole document: a title, how it is made, and the table.
pub fn parameters() -> String {
    let mut out = format!(
        "# Parameters of the live cells\n\n\
         Generated from the declarations in `crates/core/src/schema/` by\n\
         `{REGENERATE}`;\n\
         do not edit it by hand: `cargo test -p gradscope-cli` fails when it differs from them.\n\n\
         A cell keeps each field in the page's URL hash under its URL key; a `setting` changes \
         the numbers the engine computes, a `view` only how the cell shows them. Numbers are \
         checked against the range (an out-of-range value is clamped on the page and refused by \
         the command line); a log slider covers the span in parentheses.\n\n\
         | cell | field | URL key | type | default | range or choices | scale | unit | role | description |\n\
         |---|---|---|---|---|---|---|---|---|---|\n"
    );
    for cell in CELLS {
        for field in cell.fields {
            out.push_str(&row(cell, field));
        }
    }
    out
}

/// One field's row.
fn row(cell: &CellSchema, f: &Field) -> String {
    let key = if cell.prefix.is_empty() {
        f.key.to_string()
    } else {
        format!("{}.{}", cell.prefix, f.key)
    };
    let cells = [
        cell.name.to_string(),
        format!("`{}`", f.name),
        format!("`{key}`"),
        f.type_name().to_string(),
        default(f),
        range(f),
        scale(f),
        f.unit.to_string(),
        match f.role {
            Role::Setting => "setting",
            Role::View => "view",
        }
        .to_string(),
        f.doc.to_string(),
    ];
    let escaped: Vec<String> = cells.iter().map(|c| c.replace('|', "\\|")).collect();
    format!("| {} |\n", escaped.join(" | "))
}

fn default(f: &Field) -> String {
    match f.kind {
        Kind::Enum { .. } => format!("`{}`", f.default_text(", ")),
        _ => f.default_text(", "),
    }
}

fn range(f: &Field) -> String {
    match f.kind {
        Kind::Int { min, max, .. } => format!("{min} to {max}"),
        Kind::Float { min, max, .. } => format!("{min} to {max}"),
        Kind::Enum { choices, .. } => choices
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Kind::Bool { .. } => "true, false".to_string(),
        Kind::List(l) => format!(
            "{} to {} entries, each {} to {}",
            l.min_len, l.max_len, l.min, l.max
        ),
    }
}

fn scale(f: &Field) -> String {
    if !matches!(f.kind, Kind::Int { .. } | Kind::Float { .. }) {
        return String::new();
    }
    let name = match f.scale {
        Scale::Linear => "linear",
        Scale::Log => "log",
    };
    match f.slider {
        Some((lo, hi)) => format!("{name} ({lo} to {hi})"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_per_field_with_the_cells_prefix() {
        let doc = parameters();
        let rows = doc.lines().filter(|l| l.starts_with("| ")).count();
        let fields: usize = CELLS.iter().map(|c| c.fields.len()).sum();
        assert_eq!(rows, fields + 1, "a header and a row per field");
        for cell in CELLS {
            for f in cell.fields {
                let key = match cell.prefix {
                    "" => format!("`{}`", f.key),
                    p => format!("`{p}.{}`", f.key),
                };
                assert!(
                    doc.lines().any(
                        |l| l.starts_with(&format!("| {} | `{}` | {key} |", cell.name, f.name))
                    ),
                    "{}.{}",
                    cell.name,
                    f.name
                );
            }
        }
    }

    #[test]
    fn every_row_has_ten_columns() {
        for line in parameters().lines().filter(|l| l.starts_with('|')) {
            let unescaped_bars = line.matches('|').count() - line.matches("\\|").count();
            assert_eq!(unescaped_bars, 11, "{line}");
        }
    }
}
