//! Where: the document's home area and the area each figure is about.

use super::Context;
use crate::fact::{HomeArea, Record};

/// The area whose government or bureau speaks.
pub fn home_area(_ctx: &Context<'_>) -> Option<HomeArea> {
    None
}

/// Fill every figure's area.
pub fn areas(_ctx: &Context<'_>, _home: Option<&HomeArea>, _records: &mut [Option<Record>]) {}
