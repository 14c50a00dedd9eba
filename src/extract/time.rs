//! Time facts.

use super::{Context, Found, Recognizer};

/// Finds time facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Time;

impl Recognizer for Time {
    fn name(&self) -> &'static str {
        "time"
    }

    fn recognize(&self, _ctx: &Context<'_>, _found: &mut Found) {}
}
