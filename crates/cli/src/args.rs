//! A small hand-written parser for `--flag value` arguments, with a table of the valid values of
//! every flag so that an error can name the flag and its range or choices.

use std::collections::BTreeMap;
use std::fmt;

/// What a flag accepts.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A whole number in the closed range.
    Int(u64, u64),
    /// A real number in the closed range.
    Real(f64, f64),
    /// One of the names.
    Choice(&'static [&'static str]),
    /// Any text (a file name).
    Text,
}

impl Kind {
    /// The valid values in words, for error messages and `--help`.
    pub fn describe(&self) -> String {
        match self {
            Kind::Int(a, b) => format!("a whole number from {a} to {b}"),
            Kind::Real(a, b) => format!("a number from {a} to {b}"),
            Kind::Choice(c) => format!("one of {}", c.join(", ")),
            Kind::Text => "a file name".to_string(),
        }
    }
}

/// One flag of a subcommand.
#[derive(Debug, Clone, Copy)]
pub struct Flag {
    /// Its name without the leading `--`.
    pub name: &'static str,
    /// What it accepts.
    pub kind: Kind,
    /// The default, as text (None: optional with no default).
    pub default: Option<&'static str>,
    /// One line of help.
    pub help: &'static str,
}

/// A bad command line: exit code 2.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageError(pub String);

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The parsed flags of one subcommand: every flag's value as text (defaults filled in).
#[derive(Debug, Clone)]
pub struct Parsed {
    values: BTreeMap<&'static str, String>,
    flags: &'static [Flag],
}

/// Parses `args` (after the subcommand) against `flags`: each flag once, each with a value,
/// each value valid for its [`Kind`].
pub fn parse(args: &[String], flags: &'static [Flag]) -> Result<Parsed, UsageError> {
    let mut values = BTreeMap::new();
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let (name, inline) = match arg.strip_prefix("--") {
            Some(rest) => match rest.split_once('=') {
                Some((n, v)) => (n, Some(v.to_string())),
                None => (rest, None),
            },
            None => {
                return Err(UsageError(format!(
                    "unexpected argument '{arg}'; flags start with --"
                )))
            }
        };
        let flag = flags.iter().find(|f| f.name == name).ok_or_else(|| {
            let names: Vec<String> = flags.iter().map(|f| format!("--{}", f.name)).collect();
            UsageError(format!(
                "--{name}: unknown flag; the flags are {}",
                names.join(", ")
            ))
        })?;
        let value = match inline {
            Some(v) => v,
            None => {
                i += 1;
                args.get(i).cloned().ok_or_else(|| {
                    UsageError(format!(
                        "--{name}: missing value; expected {}",
                        flag.kind.describe()
                    ))
                })?
            }
        };
        check(flag, &value)?;
        if values.insert(flag.name, value).is_some() {
            return Err(UsageError(format!("--{name}: given more than once")));
        }
        i += 1;
    }
    for f in flags {
        if let (None, Some(d)) = (values.get(f.name), f.default) {
            values.insert(f.name, d.to_string());
        }
    }
    Ok(Parsed { values, flags })
}

fn check(flag: &Flag, value: &str) -> Result<(), UsageError> {
    let bad = || {
        UsageError(format!(
            "--{}: invalid value '{value}'; expected {}",
            flag.name,
            flag.kind.describe()
        ))
    };
    match flag.kind {
        Kind::Int(a, b) => {
            let v: u64 = value.parse().map_err(|_| bad())?;
            if v < a || v > b {
                return Err(bad());
            }
        }
        Kind::Real(a, b) => {
            let v: f64 = value.parse().map_err(|_| bad())?;
            if !(a..=b).contains(&v) {
                return Err(bad());
            }
        }
        Kind::Choice(c) => {
            if !c.contains(&value) {
                return Err(bad());
            }
        }
        Kind::Text => {
            if value.is_empty() {
                return Err(bad());
            }
        }
    }
    Ok(())
}

impl Parsed {
    /// The text of a flag (its default if not given), if any.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// A whole-number flag (validated by [`parse`]).
    pub fn int(&self, name: &str) -> u64 {
        self.text(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("--{name} has a validated default"))
    }

    /// A real-number flag (validated by [`parse`]).
    pub fn real(&self, name: &str) -> f64 {
        self.text(name)
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("--{name} has a validated default"))
    }

    /// The flags this was parsed against.
    pub fn flags(&self) -> &'static [Flag] {
        self.flags
    }
}

/// The help text of a subcommand.
pub fn help(command: &str, summary: &str, flags: &[Flag]) -> String {
    let mut s = format!("gradscope {command}: {summary}\n\nFlags:\n");
    for f in flags {
        let d = f
            .default
            .map(|d| format!(" [default: {d}]"))
            .unwrap_or_default();
        s.push_str(&format!(
            "  --{:<12} {}{d}\n  {:14} ({})\n",
            f.name,
            f.help,
            "",
            f.kind.describe()
        ));
    }
    s
}
