//! Quantity facts.

use super::{Context, Found, Recognizer};

/// Finds quantity facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quantity;

impl Recognizer for Quantity {
    fn name(&self) -> &'static str {
        "quantity"
    }

    fn recognize(&self, _ctx: &Context<'_>, _found: &mut Found) {}
}
