//! Where the text goes: standard output or the `--out` file. A reader that closes standard
//! output early (`gradscope … | head`) is not an error: the rest of the text is dropped quietly.

use std::io::{ErrorKind, Write};

/// Why the text could not be written (exit code 1).
#[derive(Debug)]
pub struct WriteError(pub String);

/// Writes `text` to the file `out`, or to standard output if `out` is `None`. A closed standard
/// output (a broken pipe) counts as written.
pub fn write(text: &str, out: Option<&str>) -> Result<(), WriteError> {
    match out {
        Some(path) => std::fs::write(path, text)
            .map_err(|e| WriteError(format!("--out: cannot write {path}: {e}"))),
        None => {
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Err(e) if e.kind() != ErrorKind::BrokenPipe => {
                    Err(WriteError(format!("cannot write to standard output: {e}")))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Writes a message to standard error, ignoring a closed standard error (never a panic).
pub fn complain(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
