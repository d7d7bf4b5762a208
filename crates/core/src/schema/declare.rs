//! Settings structs declared once: [`Setting`] says how each Rust type is read from untyped
//! values and checked against its [`Field`], and [`settings!`](crate::settings!) writes an
//! experiment's struct, its `Default` (the declared defaults), its [`FromValues`] and its
//! `validate` from one list of `field: Type = FIELD` lines.
//!
//! [`FromValues`]: super::FromValues

use super::{Field, Values};
use crate::{Activation, Error, Initializer, Precision};

/// A typed setting: read from untyped values by its field, and checked against it.
pub trait Setting: Sized {
    /// Reads the value of `field` (its default when absent); the error names the field.
    fn read(values: &Values, field: &Field) -> Result<Self, Error>;
    /// Checks a value built in Rust against `field`'s range or choices.
    fn check(&self, field: &Field) -> Result<(), Error>;
}

impl Setting for usize {
    fn read(values: &Values, field: &Field) -> Result<Self, Error> {
        values.count(field)
    }
    fn check(&self, field: &Field) -> Result<(), Error> {
        field.check_int(*self as u64).map(drop)
    }
}

impl Setting for u64 {
    fn read(values: &Values, field: &Field) -> Result<Self, Error> {
        let n = values.int(field)?;
        u64::try_from(n).map_err(|_| Error::out_of_range(field.name, n, 0, u64::MAX))
    }
    fn check(&self, field: &Field) -> Result<(), Error> {
        field.check_int(*self).map(drop)
    }
}

impl Setting for f64 {
    fn read(values: &Values, field: &Field) -> Result<Self, Error> {
        values.float(field)
    }
    fn check(&self, field: &Field) -> Result<(), Error> {
        field.check_float(*self).map(drop)
    }
}

impl Setting for bool {
    fn read(values: &Values, field: &Field) -> Result<Self, Error> {
        values.bool(field)
    }
    fn check(&self, _: &Field) -> Result<(), Error> {
        Ok(())
    }
}

impl Setting for Vec<usize> {
    fn read(values: &Values, field: &Field) -> Result<Self, Error> {
        // The field's range is never negative where a list is declared (it is checked there).
        Ok(values
            .list(field)?
            .into_iter()
            .map(|n| n as usize)
            .collect())
    }
    fn check(&self, field: &Field) -> Result<(), Error> {
        let value = serde_json::json!(self);
        field.read_list(Some(&value)).map(drop)
    }
}

/// The named enums: read by name from the field's choices (the type makes every value valid).
macro_rules! choice_setting {
    ($($t:ty),*) => {$(
        impl Setting for $t {
            // `?` turns an enum's own parse error (the activation's, from gradscope-kernels)
            // into the engine's.
            #[allow(clippy::needless_question_mark)]
            fn read(values: &Values, field: &Field) -> Result<Self, Error> {
                Ok(<$t>::parse(values.choice(field)?)?)
            }
            fn check(&self, _: &Field) -> Result<(), Error> {
                Ok(())
            }
        }
    )*};
}
choice_setting!(Activation, Initializer, Precision);

/// Declares an experiment's fields, each described once:
///
/// ```ignore
/// fields! {
///     DEPTH: "Number of layers L." = Field::int("depth", 1, 200, 30).unit("layers");
///     SEED = crate::settings::fields::SEED;
/// }
/// ```
///
/// writes `pub const DEPTH: Field = Field::int(…).unit(…).doc("Number of layers L.")`, whose
/// Rust documentation is the same text (the one the CLI's help, the schema and
/// `docs/parameters.md` show); a field without a text is another declaration reused as it is.
#[macro_export]
macro_rules! fields {
    () => {};
    ($name:ident: $doc:literal = $decl:expr; $($rest:tt)*) => {
        #[doc = $doc]
        pub const $name: $crate::schema::Field = $decl.doc($doc);
        $crate::fields!($($rest)*);
    };
    ($name:ident = $decl:expr; $($rest:tt)*) => {
        #[doc = concat!("The field `", stringify!($decl), "`, reused.")]
        pub const $name: $crate::schema::Field = $decl;
        $crate::fields!($($rest)*);
    };
}

/// Declares an experiment's settings struct from its fields module, once:
///
/// ```ignore
/// settings! {
///     /// The settings of the product experiment.
///     #[derive(Debug, Clone, PartialEq)]
///     pub struct ProductSettings by product_fields {
///         steps: usize = STEPS, size: usize = SIZE, sigma: f64 = SIGMA,
///     }
/// }
/// ```
///
/// writes the struct (every field `pub`, documented by a link to its declaration, which holds
/// its meaning, range and unit), `Default` (every field at its declared default),
/// [`FromValues`](crate::schema::FromValues) (each field read by its declaration, then
/// validated) and `validate` (each field checked against its declaration; the error names the
/// first one out of range).
#[macro_export]
macro_rules! settings {
    (
        $(#[$meta:meta])*
        pub struct $name:ident by $fields:ident {
            $( $f:ident : $t:ty = $decl:ident ),* $(,)?
        }
    ) => {
        $(#[$meta])*
        pub struct $name {
            $(
                #[doc = concat!("The setting declared by [`", stringify!($fields), "::",
                    stringify!($decl), "`].")]
                pub $f: $t,
            )*
        }

        impl Default for $name {
            /// Every field at its declared default.
            fn default() -> Self {
                $crate::schema::defaults()
            }
        }

        impl $crate::schema::FromValues for $name {
            fn from_values(v: &$crate::schema::Values) -> Result<Self, $crate::Error> {
                let s = $name {
                    $( $f: <$t as $crate::schema::Setting>::read(v, &$fields::$decl)?, )*
                };
                s.validate()?;
                Ok(s)
            }
        }

        impl $name {
            /// Checks every field against its declaration; the error names the first field that
            /// is out of range.
            pub fn validate(&self) -> Result<(), $crate::Error> {
                $( $crate::schema::Setting::check(&self.$f, &$fields::$decl)?; )*
                Ok(())
            }
        }
    };
}
