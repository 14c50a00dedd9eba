//! Place facts.

use super::{Context, Found, Recognizer};

/// Finds place facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Place;

impl Recognizer for Place {
    fn name(&self) -> &'static str {
        "place"
    }

    fn recognize(&self, _ctx: &Context<'_>, _found: &mut Found) {}
}
