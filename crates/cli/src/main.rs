//! The `gradscope` binary: see the library, [`gradscope_cli`].

use std::process::ExitCode;

fn main() -> ExitCode {
    gradscope_cli::main(std::env::args_os().collect())
}
