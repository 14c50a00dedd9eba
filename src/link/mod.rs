//! Records: each figure's context — what it measures, the period it covers, the area it is
//! about, and how it relates to the figures around it — read from the recognizers' facts and the
//! document's layout.
//!
//! This stage does not scan the text for numbers again: it reads the facts the recognizers found
//! (their kinds, values and spans in the normalized text) and the words between them. One file
//! per question:
//!
//! - [`what`]: the indicator, from the words before a figure in its clause;
//! - [`when`]: the period, carried forward from the time fact that scopes a figure, and the base
//!   period of a growth;
//! - [`area`]: the document's home area and each figure's area;
//! - [`relate`]: the figure a percentage qualifies, the whole of a 其中 part, and figures that
//!   contradict each other.

pub mod area;
pub mod relate;
pub mod what;
pub mod when;

use std::ops::Range;

use crate::Reference;
use crate::document::Layout;
use crate::fact::{Fact, HomeArea, Record};
use crate::normalize::OffsetMap;

/// What the records stage reads: the texts, the layout, and the facts with their spans in the
/// normalized text.
pub struct Context<'a> {
    /// The original text.
    pub original: &'a str,
    /// The normalized text (simplified, half-width): the stage reads words here.
    pub text: &'a str,
    /// Normalized → original offsets, for the indicators' spans.
    pub map: &'a OffsetMap,
    /// Lines, turns, chrome.
    pub layout: &'a Layout,
    /// The facts, in span order.
    pub facts: &'a [Fact],
    /// Each fact's span in the normalized text (same order as `facts`).
    pub spans: &'a [Range<usize>],
    /// The reference date the facts were resolved against.
    pub reference: Option<Reference>,
}

/// What the stage adds to a document.
#[derive(Debug, Default)]
pub struct Linked {
    /// One entry per fact: a record for figures, `None` for times and places.
    pub records: Vec<Option<Record>>,
    /// The area whose government or bureau speaks.
    pub home_area: Option<HomeArea>,
    /// Contradictions between figures that the text leaves no doubt about.
    pub warnings: Vec<String>,
}

/// Build every figure's record.
pub fn link(ctx: &Context<'_>) -> Linked {
    let mut records: Vec<Option<Record>> = ctx.facts.iter().map(|f| f.is_figure().then(Record::default)).collect();
    let home_area = area::home_area(ctx);
    what::indicators(ctx, &mut records);
    when::periods(ctx, &mut records);
    area::areas(ctx, home_area.as_ref(), &mut records);
    let mut warnings = Vec::new();
    relate::relations(ctx, &mut records, &mut warnings);
    Linked { records, home_area, warnings }
}
