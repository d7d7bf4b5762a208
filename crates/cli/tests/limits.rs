//! Every numeric field the CLI takes, read off the declarations: a value beyond its range exits
//! with code 2, and the message names the flag and the bound.

use gradscope_cli::commands::SUBCOMMANDS;
use gradscope_cli::flags::flag_name;
use gradscope_core::schema::Kind;
use std::process::Command;

#[test]
fn a_value_beyond_the_range_exits_2_and_names_the_flag() {
    let mut checked = 0;
    for sub in SUBCOMMANDS {
        for field in (sub.settings)().into_iter().chain((sub.views)()) {
            let (min, max) = match field.kind {
                Kind::Int { min, max, .. } => (min as f64, max as f64),
                Kind::Float { min, max, .. } => (min, max),
                _ => continue,
            };
            let step = max.abs().max(1.0);
            let flag = format!("--{}", flag_name(field));
            for (value, bound) in [(max + step, max), (min - step, min)] {
                let value = value.to_string();
                let out = Command::new(env!("CARGO_BIN_EXE_gradscope"))
                    .args([sub.name, &flag, &value])
                    .output()
                    .expect("the binary runs");
                let err = String::from_utf8_lossy(&out.stderr);
                let what = format!("gradscope {} {flag} {value}", sub.name);
                assert_eq!(out.status.code(), Some(2), "{what}: {err}");
                assert!(err.contains(&flag), "{what}: {err}");
                assert!(err.contains(&bound.to_string()), "{what}: {err}");
                assert!(out.stdout.is_empty(), "{what}: no data on a bad value");
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 2 * 12,
        "every numeric field of grads, product, init: {checked}"
    );
}
