//! What a figure measures: its indicator.

use super::Context;
use crate::fact::Record;

/// Fill every figure's indicator.
pub fn indicators(_ctx: &Context<'_>, _records: &mut [Option<Record>]) {}
