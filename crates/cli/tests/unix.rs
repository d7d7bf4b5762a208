//! The CLI as a Unix citizen: a closed standard output ends it quietly, and no value of any flag
//! makes it panic.

use gradscope_cli::commands::command;
use std::io::Read;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_gradscope");

/// `gradscope … | head -c 10`: the reader goes away after 10 bytes.
fn closed_after_ten_bytes(args: &[&str]) {
    let mut child = Command::new(BIN)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut head = [0u8; 10];
    child
        .stdout
        .take()
        .unwrap()
        .read_exact(&mut head)
        .expect("10 bytes of output");
    // The pipe's read end is dropped here: the next write gets EPIPE.
    let out = child.wait_with_output().expect("it ends");
    let err = String::from_utf8_lossy(&out.stderr);
    #[cfg(unix)]
    let by_sigpipe = {
        use std::os::unix::process::ExitStatusExt;
        out.status.signal() == Some(13)
    };
    #[cfg(not(unix))]
    let by_sigpipe = false;
    assert!(
        out.status.code() == Some(0) || by_sigpipe,
        "{args:?}: {:?} {err}",
        out.status
    );
    assert!(err.is_empty(), "{args:?}: quiet, but said {err}");
}

#[test]
fn a_closed_stdout_ends_quietly() {
    // 10 001 CSV lines, far beyond a pipe's buffer: the write meets the closed pipe.
    closed_after_ten_bytes(&["product", "--steps", "10000", "--format", "csv"]);
    closed_after_ten_bytes(&["product", "--steps", "10000", "--format", "json"]);
    closed_after_ten_bytes(&["grads", "--format", "csv"]);
    closed_after_ten_bytes(&["grads", "--depth", "200", "--format", "json"]);
}

#[test]
fn data_goes_to_stdout_and_errors_to_stderr() {
    let ok = Command::new(BIN)
        .args(["grads", "--depth", "2"])
        .output()
        .unwrap();
    assert!(ok.status.success() && !ok.stdout.is_empty() && ok.stderr.is_empty());
    let bad = Command::new(BIN)
        .args(["grads", "--depth", "x"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(bad.stdout.is_empty() && !bad.stderr.is_empty());
}

/// Values no flag should take, and that none should panic on.
fn hostile() -> Vec<String> {
    let mut v: Vec<String> = [
        "",
        " ",
        "\t",
        "NaN",
        "Infinity",
        "-Infinity",
        "1e309",
        "-0",
        "0x10",
        "99999999999999999999",
        "-99999999999999999999",
        "٣",
        "１",
        "<img src=x>",
        "1,2",
        "--",
    ]
    .map(String::from)
    .to_vec();
    v.push("9".repeat(100_000));
    v.push("é".repeat(50_000));
    v
}

#[test]
fn no_value_of_any_flag_panics() {
    let dir = std::env::temp_dir().join(format!("gradscope-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cmd = command();
    let mut runs = 0;
    for sub in cmd.get_subcommands() {
        for arg in sub.get_arguments() {
            let Some(long) = arg.get_long() else { continue };
            if long == "help" {
                continue;
            }
            let flag = format!("--{long}");
            for value in hostile() {
                // --out writes a file: in a scratch directory, and a name the system refuses
                // (too long) is "output not written", exit code 1.
                let allowed: &[i32] = if long == "out" { &[0, 1, 2] } else { &[0, 2] };
                let out = Command::new(BIN)
                    .current_dir(&dir)
                    .args([sub.get_name(), &flag, &value])
                    .output()
                    .expect("the binary runs");
                let err = String::from_utf8_lossy(&out.stderr);
                let shown: String = value.chars().take(20).collect();
                let what = format!("gradscope {} {flag} {shown:?}", sub.get_name());
                assert!(
                    out.status.code().is_some_and(|c| allowed.contains(&c)),
                    "{what}: {:?} {err}",
                    out.status
                );
                assert!(!err.contains("panicked"), "{what}: {err}");
                if out.status.code() == Some(2) {
                    assert!(
                        err.contains(&flag) || err.contains("unexpected argument"),
                        "{what}: {err}"
                    );
                }
                runs += 1;
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(runs > 200, "every flag of every subcommand: {runs} runs");
}
