//! Count facts.

use super::{Context, Found, Recognizer};

/// Finds count facts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Count;

impl Recognizer for Count {
    fn name(&self) -> &'static str {
        "count"
    }

    fn recognize(&self, _ctx: &Context<'_>, _found: &mut Found) {}
}
