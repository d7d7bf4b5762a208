//! Bad command lines (exit code 2): the engine's errors restated with the flag's name, and
//! clap's errors completed with the list of flags or commands where clap does not give it.

use crate::commands::{subcommand, SUBCOMMANDS};
use crate::flags::{describe, flag_name};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use gradscope_core::schema::Kind;
use std::fmt;

/// A bad flag or value; the message names the flag.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(String);

impl UsageError {
    /// An error with this message.
    pub fn new(message: impl Into<String>) -> Self {
        UsageError(message.into())
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<gradscope_core::Error> for UsageError {
    /// The engine's error, which names a field, as one naming its flag: `--fan-in: …`.
    fn from(e: gradscope_core::Error) -> Self {
        let text = e.to_string();
        let detail = text
            .strip_prefix(&format!("{}: ", e.field()))
            .unwrap_or(&text);
        UsageError(format!("--{}: {detail}", e.field().replace('_', "-")))
    }
}

/// clap's message for `error`, followed, for an unknown flag or command, by the flags of the
/// subcommand in `argv` (or the list of commands), and for a flag without its value by what
/// that flag takes, so that the user sees what is valid.
pub fn explain(error: &clap::Error, argv: &[String]) -> String {
    let mut text = error.render().to_string();
    let sub = argv.iter().skip(1).find_map(|a| subcommand(a));
    match (error.kind(), sub) {
        (ErrorKind::UnknownArgument, Some(sub)) => {
            let names: Vec<String> = sub
                .command()
                .get_arguments()
                .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
                .collect();
            text.push_str(&format!(
                "\nThe flags of 'gradscope {}' are {}.\n",
                sub.name,
                names.join(", ")
            ));
        }
        (ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument, None) => {
            let names: Vec<&str> = SUBCOMMANDS.iter().map(|s| s.name).collect();
            text.push_str(&format!("\nThe commands are {}.\n", names.join(", ")));
        }
        (ErrorKind::InvalidValue, Some(sub)) => {
            // A flag given without its value: say what it takes, as for a bad value.
            let flag = match error.get(ContextKind::InvalidArg) {
                Some(ContextValue::String(arg)) => arg.split(' ').next().unwrap_or_default(),
                _ => "",
            };
            let field = (sub.settings)()
                .into_iter()
                .chain((sub.views)())
                .find(|f| format!("--{}", flag_name(f)) == flag);
            // clap lists a name's or an on/off flag's choices itself.
            if let Some(field) =
                field.filter(|f| !matches!(f.kind, Kind::Enum { .. } | Kind::Bool { .. }))
            {
                text.push_str(&format!("\n{flag} takes {}.\n", describe(field)));
            }
        }
        _ => {}
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradscope_core::Error;

    #[test]
    fn an_engine_error_names_the_flag() {
        let e = UsageError::from(Error::out_of_range("fan_in", 0, 1, 4096));
        assert_eq!(e.to_string(), "--fan-in: 0 is outside the range 1 to 4096");
    }
}
