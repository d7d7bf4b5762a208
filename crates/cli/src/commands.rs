//! The command tree: every subcommand, the declared fields it takes as flags, and the clap
//! [`Command`] built from them. The flags of `grads` are the gradient cell's settings, those of
//! `product` the product cell's, those of `init` the matrix declaration
//! ([`gradscope_core::initializer::matrix_fields`]); nothing here writes a range, a default or a
//! list of choices.

use crate::flags;
use clap::builder::{NonEmptyStringValueParser, PossibleValuesParser};
use clap::{Arg, ArgAction, Command};
use gradscope_core::initializer::matrix_fields;
use gradscope_core::schema::{CellSchema, Field, Role, GRADIENTS, PRODUCT};

/// One subcommand of `gradscope`.
#[derive(Debug, Clone, Copy)]
pub struct Subcommand {
    /// Its name, e.g. `grads`.
    pub name: &'static str,
    /// One line saying what it prints.
    pub about: &'static str,
    /// The declared fields it reads through the generic parse: one flag each.
    pub settings: fn() -> Vec<&'static Field>,
    /// Declared view fields it also takes as flags (they change the output, not the numbers).
    pub views: fn() -> Vec<&'static Field>,
    /// Its output formats; the first is the default.
    pub formats: &'static [&'static str],
    /// Whether it takes `--out FILE`.
    pub out: bool,
}

/// The Setting fields of a cell, in the order of its controls.
fn settings_of(cell: &'static CellSchema) -> Vec<&'static Field> {
    cell.fields
        .iter()
        .filter(|f| f.role == Role::Setting)
        .collect()
}

fn none() -> Vec<&'static Field> {
    Vec::new()
}

/// `gradscope grads`.
pub const GRADS: Subcommand = Subcommand {
    name: "grads",
    about: "Per-layer gradient statistics of the L-layer network",
    settings: || settings_of(&GRADIENTS),
    views: || GRADIENTS.field("theory").into_iter().collect(),
    formats: &["json", "csv", "svg"],
    out: true,
};

/// `gradscope product`.
pub const PRODUCT_CMD: Subcommand = Subcommand {
    name: "product",
    about: "Norm and largest entry of a product of random matrices",
    settings: || settings_of(&PRODUCT),
    views: none,
    formats: &["json", "csv"],
    out: true,
};

/// `gradscope init`.
pub const INIT: Subcommand = Subcommand {
    name: "init",
    about: "One weight matrix drawn by an initializer",
    settings: || matrix_fields::ALL.iter().collect(),
    views: none,
    formats: &["json", "csv"],
    out: true,
};

/// `gradscope schema`.
pub const SCHEMA: Subcommand = Subcommand {
    name: "schema",
    about: "Every live cell's declared parameters (the wasm schema(), or the docs' table)",
    settings: none,
    views: none,
    formats: &["json", "markdown"],
    out: true,
};

/// Every subcommand, in the order `--help` lists them.
pub const SUBCOMMANDS: &[Subcommand] = &[GRADS, PRODUCT_CMD, INIT, SCHEMA];

/// The subcommand called `name`.
pub fn subcommand(name: &str) -> Option<&'static Subcommand> {
    SUBCOMMANDS.iter().find(|s| s.name == name)
}

impl Subcommand {
    /// Its clap command: a flag per declared field, then `--format` and `--out`.
    pub fn command(&self) -> Command {
        let fields = (self.settings)().into_iter().chain((self.views)());
        let mut cmd = Command::new(self.name)
            .about(self.about)
            .args(fields.map(flags::arg))
            .arg(
                Arg::new("format")
                    .long("format")
                    .help(format!(
                        "Output format (one of {})",
                        self.formats.join(", ")
                    ))
                    .default_value(self.formats[0])
                    .value_parser(PossibleValuesParser::new(self.formats))
                    .action(ArgAction::Set),
            );
        if self.out {
            cmd = cmd.arg(
                Arg::new("out")
                    .long("out")
                    .value_name("FILE")
                    .help("Write to this file instead of standard output")
                    .value_parser(NonEmptyStringValueParser::new())
                    .action(ArgAction::Set),
            );
        }
        cmd
    }
}

/// The whole command line: `gradscope <subcommand> [flags]`.
pub fn command() -> Command {
    Command::new("gradscope")
        .about("Numerical stability and initialization, on the command line")
        .subcommand_required(true)
        .arg_required_else_help(true)
        .after_help("Exit codes: 0 success, 1 output not written, 2 bad flag or value.")
        .subcommands(SUBCOMMANDS.iter().map(Subcommand::command))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tree_is_valid_and_every_declared_field_is_a_flag() {
        let cmd = command();
        cmd.clone().debug_assert();
        for s in SUBCOMMANDS {
            let sub = cmd.find_subcommand(s.name).expect("listed");
            for f in (s.settings)().into_iter().chain((s.views)()) {
                let arg = sub
                    .get_arguments()
                    .find(|a| a.get_id() == f.name)
                    .unwrap_or_else(|| panic!("{} has no flag for {}", s.name, f.name));
                assert_eq!(arg.get_long(), Some(flags::flag_name(f).as_str()));
            }
        }
    }

    #[test]
    fn grads_takes_the_gradient_cells_settings() {
        let names: Vec<_> = (GRADS.settings)().iter().map(|f| f.name).collect();
        let declared: Vec<_> = GRADIENTS
            .fields
            .iter()
            .filter(|f| f.role == Role::Setting)
            .map(|f| f.name)
            .collect();
        assert_eq!(names, declared);
        assert!(names.contains(&"depth") && !names.contains(&"table"));
    }
}
