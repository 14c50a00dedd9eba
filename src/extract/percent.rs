//! Percent facts.

use super::{Context, Found, Recognizer};

/// Finds percent facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Percent;

impl Recognizer for Percent {
    fn name(&self) -> &'static str {
        "percent"
    }

    fn recognize(&self, _ctx: &Context<'_>, _found: &mut Found) {}
}
