//! `gradscope`: the engine on the command line.
//!
//! - `gradscope grads …` prints the per-layer statistics of the gradient experiment (JSON, CSV
//!   or the page's SVG chart);
//! - `gradscope product …` prints the norm and largest |entry| of a random-matrix product;
//! - `gradscope init …` prints one initialized weight matrix;
//! - `gradscope schema …` prints every live cell's declared parameters (JSON or Markdown).
//!
//! Every flag of an experiment is generated from its declared [`gradscope_core::schema::Field`]
//! (see [`commands`]); the values go through the core's one generic parse. Exit codes: 0 on
//! success, 2 on a bad flag or value (the message names the flag and its valid range or
//! choices), 1 when the output cannot be written.

pub mod commands;
pub mod flags;
pub mod grads;
pub mod init;
pub mod json;
pub mod markdown;
pub mod numbers;
pub mod output;
pub mod product;
pub mod schema;
pub mod usage;

use std::ffi::OsString;
use std::process::ExitCode;
use usage::UsageError;

/// Runs `gradscope` on `argv` (the program's name first) and returns its exit code. Data goes
/// to standard output (or `--out`), messages to standard error.
pub fn main(argv: Vec<OsString>) -> ExitCode {
    let matches = match commands::command().try_get_matches_from(&argv) {
        Ok(m) => m,
        Err(e) => {
            let argv: Vec<String> = argv.iter().map(|a| a.to_string_lossy().into()).collect();
            if e.use_stderr() {
                output::complain(&usage::explain(&e, &argv));
            } else {
                // --help: its text is the data, on standard output.
                let _ = output::write(&e.render().to_string(), None);
            }
            return ExitCode::from(e.exit_code().clamp(0, 255) as u8);
        }
    };
    let Some((name, sub)) = matches.subcommand() else {
        unreachable!("clap requires a subcommand");
    };
    let text: Result<String, UsageError> = match name {
        "grads" => grads::run(sub),
        "product" => product::run(sub),
        "init" => init::run(sub),
        _ => Ok(schema::run(sub)),
    };
    match text {
        Ok(text) => match output::write(&text, sub.get_one::<String>("out").map(String::as_str)) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                output::complain(&format!("error: {}\n", e.0));
                ExitCode::from(1)
            }
        },
        Err(e) => {
            output::complain(&format!(
                "error: {e}\n\nFor more information, try 'gradscope {name} --help'.\n"
            ));
            ExitCode::from(2)
        }
    }
}
