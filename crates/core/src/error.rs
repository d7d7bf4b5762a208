//! The error type of the engine: every way a setting can be invalid.

use std::fmt;

/// Everything the engine can refuse. Each variant names the setting (`field`) that caused it, so
/// a front end can show the message beside the control that holds that setting.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// A number outside its allowed closed range `[min, max]`, or not a finite number.
    OutOfRange {
        /// The setting, e.g. `"depth"`.
        field: &'static str,
        /// The value that was given, as text.
        value: String,
        /// Smallest allowed value, as text.
        min: String,
        /// Largest allowed value, as text.
        max: String,
    },
    /// A name that is not one of the allowed choices.
    UnknownChoice {
        /// The setting, e.g. `"activation"`.
        field: &'static str,
        /// The name that was given.
        value: String,
        /// The names that are accepted.
        choices: &'static [&'static str],
    },
    /// Two settings that do not fit together (for example a width list of the wrong length).
    Inconsistent {
        /// The setting to change.
        field: &'static str,
        /// What is wrong, in plain words.
        reason: String,
    },
}

impl Error {
    /// The name of the setting that caused the error.
    pub fn field(&self) -> &'static str {
        match self {
            Error::OutOfRange { field, .. }
            | Error::UnknownChoice { field, .. }
            | Error::Inconsistent { field, .. } => field,
        }
    }

    /// Builds [`Error::OutOfRange`] for a value outside `[min, max]`.
    pub fn out_of_range<V: fmt::Display, B: fmt::Display>(
        field: &'static str,
        value: V,
        min: B,
        max: B,
    ) -> Self {
        Error::OutOfRange {
            field,
            value: value.to_string(),
            min: min.to_string(),
            max: max.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::OutOfRange {
                field,
                value,
                min,
                max,
            } => write!(f, "{field}: {value} is outside the range {min} to {max}"),
            Error::UnknownChoice {
                field,
                value,
                choices,
            } => write!(
                f,
                "{field}: unknown value \"{value}\"; choose one of {}",
                choices.join(", ")
            ),
            Error::Inconsistent { field, reason } => write!(f, "{field}: {reason}"),
        }
    }
}

impl std::error::Error for Error {}

/// Checks that `value` lies in `[min, max]` (and is not NaN).
pub fn check_range<T: PartialOrd + fmt::Display + Copy>(
    field: &'static str,
    value: T,
    min: T,
    max: T,
) -> Result<T, Error> {
    // `!(a <= b)` rather than `a > b`, so that NaN is refused too.
    #[allow(clippy::neg_cmp_op_on_partial_ord)]
    if !(min <= value && value <= max) {
        return Err(Error::out_of_range(field, value, min, max));
    }
    Ok(value)
}

/// An unknown activation's name, as the field `activation` refuses it.
impl From<gradscope_kernels::activation::UnknownActivation> for Error {
    fn from(e: gradscope_kernels::activation::UnknownActivation) -> Self {
        Error::UnknownChoice {
            field: "activation",
            value: e.0,
            choices: crate::Activation::NAMES,
        }
    }
}
