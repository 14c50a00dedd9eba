//! How figures relate: the figure a percentage qualifies, the whole of a 其中 part, and
//! contradictions worth a warning.

use super::Context;
use crate::fact::Record;

/// Fill `of` and `part_of`; warn about figures that contradict each other.
pub fn relations(_ctx: &Context<'_>, _records: &mut [Option<Record>], _warnings: &mut Vec<String>) {}
