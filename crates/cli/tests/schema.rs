//! `gradscope schema`: the JSON is the core's `schema_json()` (what the wasm `schema()` returns),
//! and `docs/parameters.md` is exactly the generated Markdown.

use gradscope_cli::markdown::REGENERATE;
use gradscope_core::schema::{schema_json, CELLS};
use std::process::Command;

fn stdout(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_gradscope"))
        .args(args)
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn schema_json_is_the_cores() {
    let text = stdout(&["schema", "--format", "json"]);
    let printed: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(printed, schema_json());
    assert_eq!(
        printed["cells"].as_object().unwrap().len(),
        CELLS.len(),
        "every cell"
    );
    assert_eq!(stdout(&["schema"]), text, "JSON is the default");
}

#[test]
fn docs_parameters_md_is_up_to_date() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/parameters.md");
    let generated = stdout(&["schema", "--format", "markdown"]);
    let written = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        written == generated,
        "docs/parameters.md differs from the declarations; regenerate it with\n    {REGENERATE}"
    );
}
