//! When: the period a figure covers and the base period of a growth.

use super::Context;
use crate::fact::Record;

/// Fill every figure's period and comparison base.
pub fn periods(_ctx: &Context<'_>, _records: &mut [Option<Record>]) {}
