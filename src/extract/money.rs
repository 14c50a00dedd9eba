//! Money facts.

use super::{Context, Found, Recognizer};

/// Finds money facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Money;

impl Recognizer for Money {
    fn name(&self) -> &'static str {
        "money"
    }

    fn recognize(&self, _ctx: &Context<'_>, _found: &mut Found) {}
}
