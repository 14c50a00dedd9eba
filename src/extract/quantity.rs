//! Physical quantities: area, capacity, energy, weight, length, volume (`8.88平方公里`,
//! `150兆瓦`, `1.5万亩`).

use std::sync::LazyLock;

use super::{Candidate, Context, Found, Lexicon, Recognizer, merge_ranges, qualifier_around, skip_spaces};
use crate::fact::{self, Value};

/// Finds quantities.
#[derive(Debug, Clone, Copy, Default)]
pub struct Quantity;

/// Units, as written; `true` when the unit is read only after a 万/亿 scale (度 is also a degree
/// of temperature or angle, but `5亿度` is electricity).
static UNITS: LazyLock<Lexicon<bool>> = LazyLock::new(|| {
    Lexicon::new(&[
        ("平方公里", false),
        ("平方千米", false),
        ("平方米", false),
        ("平米", false),
        ("㎡", false),
        ("公顷", false),
        ("亩", false),
        ("吉瓦时", false),
        ("兆瓦时", false),
        ("千瓦时", false),
        ("吉瓦", false),
        ("兆瓦", false),
        ("千瓦", false),
        ("兆伏安", false),
        ("千伏安", false),
        ("千伏", false),
        ("吨标准煤", false),
        ("吨", false),
        ("公斤", false),
        ("千克", false),
        ("斤", false),
        ("公里", false),
        ("千米", false),
        ("立方米", false),
        ("标准立方米", false),
        ("标箱", false),
        ("标准箱", false),
        ("TEU", false),
        ("英寸", false),
        ("度", true),
        // 亿方: cubic metres of water or gas, written 方 after a scale only (3方土 is not).
        ("方", true),
    ])
});

/// An earthquake's magnitude (`6.2级地震`, `里氏5级`, `震级4.5级`): where its `级` ends. A `级`
/// elsewhere is a grade or a level (`3级干部`, `5A级景区`), no quantity.
fn magnitude_end(text: &str, m: &crate::number::NumberMention) -> Option<usize> {
    let end = m.span.end + text[m.span.end..].strip_prefix('级').map(|_| '级'.len_utf8())?;
    let quake_after = ["地震", "强震", "余震", "左右的地震", "以上地震"].iter().any(|w| text[end..].starts_with(w));
    let head = &text[..m.span.start];
    let quake_before = ["里氏", "震级", "震级为", "震级达"].iter().any(|w| head.ends_with(w));
    (quake_after || quake_before).then_some(end)
}

impl Recognizer for Quantity {
    fn name(&self) -> &'static str {
        "quantity"
    }

    fn recognize(&self, ctx: &Context<'_>, found: &mut Found) {
        let text = ctx.text;
        let mut list: Vec<(std::ops::Range<usize>, fact::Quantity)> = Vec::new();
        for m in ctx.numbers() {
            if found.is_claimed(&m.span) {
                continue;
            }
            if let Some(end) = magnitude_end(text, m) {
                let (qualifier, _) = qualifier_around(text, m, end);
                list.push((
                    m.span.start..end,
                    fact::Quantity { value: m.value.normalize(), unit: "级".to_owned(), qualifier, max: m.max.map(|x| x.normalize()) },
                ));
                continue;
            }
            let Some((unit, &scaled_only, end)) = UNITS.at(text, skip_spaces(text, m.span.end)) else { continue };
            if scaled_only && !m.scaled {
                continue;
            }
            let (qualifier, _) = qualifier_around(text, m, end);
            list.push((
                m.span.start..end,
                fact::Quantity { value: m.value.normalize(), unit: unit.to_owned(), qualifier, max: m.max.map(|x| x.normalize()) },
            ));
        }
        merge_ranges(text, &mut list, |a, b| a.unit == b.unit, |q| (q.value, q.max), |q, max| q.max = Some(max));
        for (span, q) in list {
            found.push(Candidate { span, value: Value::Quantity(q) });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::parse_quantity;

    #[test]
    fn units() {
        for (s, v, u) in [
            ("8.88平方公里", "8.88", "平方公里"),
            ("150兆瓦", "150", "兆瓦"),
            ("1.5万亩", "15000", "亩"),
            ("10万千瓦", "100000", "千瓦"),
            ("3千米", "3", "千米"),
            ("5亿度", "500000000", "度"),
        ] {
            let q = parse_quantity(s).unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!((q.value.to_string().as_str(), q.unit.as_str()), (v, u), "{s}");
        }
        assert!(parse_quantity("30度").is_err());
        assert_eq!(parse_quantity("5亿方").unwrap().unit, "方");
        assert!(parse_quantity("3方").is_err());
    }
}
