//! The crate's one error type.

use std::path::PathBuf;

/// Everything that can go wrong in gongbao, from reading a file to parsing a number.
///
/// Extraction itself never fails: [`crate::extract()`] takes any `&str` and returns a
/// [`crate::Document`], reporting trouble in [`crate::Document::warnings`]. Errors come from the
/// edges: reading and decoding input, the public `parse_*` functions, and option values.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// What was being read.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// The input is larger than the configured limit.
    #[error("document is {size} bytes, over the limit of {limit} bytes")]
    TooLarge {
        /// The input's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The bytes are not text (an image, an archive, ...) or are too damaged to decode.
    #[error("not text: {0}")]
    NotText(String),
    /// A string handed to a `parse_*` function is not what that function reads.
    #[error("cannot parse {input:?} as {what}: {reason}")]
    Parse {
        /// The input, as given.
        input: String,
        /// What was expected (`"a number"`, `"money"`, ...).
        what: &'static str,
        /// Why it was rejected.
        reason: String,
    },
    /// A number is too large (or has too many digits) to be represented exactly.
    #[error("number out of range: {0:?}")]
    OutOfRange(String),
    /// A date given as an option (such as the reference date) is not a valid `YYYY-MM-DD` date.
    #[error("invalid date {0:?}: expected YYYY-MM-DD")]
    InvalidDate(String),
}

impl Error {
    pub(crate) fn parse(input: &str, what: &'static str, reason: impl Into<String>) -> Self {
        Error::Parse { input: input.to_owned(), what, reason: reason.into() }
    }
}

/// `Result` with gongbao's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
