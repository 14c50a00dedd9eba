//! Where: the document's home area (the city, county or province whose government or bureau
//! speaks) and the area each figure is about.
//!
//! The home area is the division the text names most as its own: each mention counts, more when
//! it names an organisation (`兴平市招商局`, `商洛市人民政府`), more near the top (title,
//! byline, the speaker's introduction) and at the very end (a letter's signature). Regions
//! (`长三角`) are where investors are found, never a home.
//!
//! A figure is about the home area (`全市`, `我市`, `本区`, or nothing written) unless its
//! clause opens with another place that is the subject of the figure (`咸阳市新签约项目46个`) or
//! with a scope word of a larger area (`全省…`, `全国…`). A place after a verb (`上报咸阳…`,
//! `赴长三角…`) or inside an organisation's name (`咸阳市招商局组织…`) is not the figure's area.

use super::{Context, Notes};
use crate::fact::{Area, HomeArea, PlaceLevel, Record, Value};
use crate::gazetteer;

/// Words after a place name that make it part of an organisation's name.
const ORGANISATION: &[&str] = &[
    "招商",
    "人民政府",
    "政府",
    "市委",
    "县委",
    "区委",
    "委",
    "局",
    "中心",
    "办",
    "管委会",
    "投资促进",
    "商务",
    "发改",
    "人大",
    "政协",
    "商会",
    "代表团",
    "网",
    "日报",
    "电视台",
    "广播",
    "总支",
    "分公司",
    "公司",
    "集团",
    "银行",
    "大学",
    "学院",
];
/// Scope words that mean the home area.
const HOME_WORDS: &[&str] =
    &["全市", "我市", "本市", "全县", "我县", "本县", "全区", "我区", "本区", "全州", "我州", "全旗", "新区", "全盟"];
/// Scope words that mean the home's province.
const PROVINCE_WORDS: &[&str] = &["全省", "我省", "本省", "全区域"];

/// The area whose government or bureau speaks.
pub fn home_area(ctx: &Context<'_>) -> Option<HomeArea> {
    let text = ctx.text;
    let len = text.len().max(1);
    // (name → score, first index)
    // name → (score, first fact); a map, so that a text naming thousands of places stays linear.
    let mut by_name: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let mut scores: Vec<(&str, f64, usize)> = Vec::new();
    for (i, fact) in ctx.facts.iter().enumerate() {
        let Value::Place(p) = &fact.value else { continue };
        let level_weight = match p.level {
            PlaceLevel::County | PlaceLevel::City | PlaceLevel::Area => 1.0,
            PlaceLevel::Province => 0.5,
            PlaceLevel::Region => continue,
        };
        let span = &ctx.spans[i];
        let after = text.get(span.end..).unwrap_or("");
        let mut score = 1.0;
        if ORGANISATION.iter().any(|w| after.starts_with(w)) {
            score += 2.0;
        }
        if span.start < 400.min(len / 5 + 1) || span.end + 300 > text.len() {
            score += 1.5;
        }
        if fact.boilerplate {
            score *= 0.5;
        }
        score *= level_weight;
        match by_name.get(p.name.as_str()) {
            Some(&k) => scores[k].1 += score,
            None => {
                by_name.insert(&p.name, scores.len());
                scores.push((&p.name, score, i));
            }
        }
    }
    let best = scores.iter().fold(None::<&(&str, f64, usize)>, |best, s| match best {
        Some(b) if b.1 >= s.1 => Some(b),
        _ => Some(s),
    })?;
    // A place named once in passing is no home; a text of the whole country (我国, 国务院) has
    // none of its own below the country.
    let national =
        ["我国", "国务院", "全国人民代表大会"].iter().map(|w| memchr::memmem::find_iter(text.as_bytes(), w).count()).sum::<usize>() as f64;
    if best.1 < 2.5 || national >= 3.0 && national >= best.1 {
        return None;
    }
    let Value::Place(p) = &ctx.facts[best.2].value else { return None };
    Some(HomeArea { name: p.name.clone(), code: p.code.clone(), from: Some(best.2) })
}

/// Fill every figure's area.
pub fn areas(ctx: &Context<'_>, notes: &[Notes], home: Option<&HomeArea>, records: &mut [Option<Record>]) {
    let text = ctx.text;
    let home_area =
        |word: Option<&str>| home.map(|h| Area { name: h.name.clone(), code: h.code.clone(), from: None, text: word.map(str::to_owned) });
    // The subject place of the current sentence, once a clause opens with one.
    let mut subject: Option<(usize, Area)> = None;
    // Without a home of its own, a text about the whole country speaks of the country.
    let country = home.is_none() && ["我国", "国务院"].iter().any(|w| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some());
    for i in 0..ctx.facts.len() {
        if subject.as_ref().is_some_and(|(s, _)| *s != notes[i].sentence) {
            subject = None;
        }
        let span = ctx.spans[i].clone();
        match &ctx.facts[i].value {
            Value::Place(p) => {
                if p.level == PlaceLevel::Region || !opens_clause(ctx, notes, i) {
                    continue;
                }
                let after = text.get(span.end..).unwrap_or("");
                let before = &text[notes[i].sentence.min(span.start)..span.start];
                let listed = after.starts_with(['与', '和', '、', '同', '等', '及']) || before.ends_with(['、', '和', '及']);
                if ORGANISATION.iter().any(|w| after.starts_with(w)) || listed {
                    continue;
                }
                subject = Some((notes[i].sentence, Area { name: p.name.clone(), code: p.code.clone(), from: Some(i), text: None }));
            }
            _ if records[i].is_some() => {
                let clause = &text[notes[i].clause.min(span.start)..span.start];
                let sentence_start = &text[super::back_to(text, span.start, notes[i].sentence.min(span.start), |_| false)..span.start];
                let opening = clause.trim_start_matches("其中").trim_start();
                let area = if country && subject.is_none() {
                    Some(Area { name: "全国".to_owned(), code: None, from: None, text: None })
                } else if notes[i].periodless {
                    home_area(None)
                } else if let Some(w) = find_word(HOME_WORDS, clause) {
                    subject = None;
                    home_area(Some(w))
                } else if let Some(w) = PROVINCE_WORDS.iter().find(|w| opening.starts_with(**w)) {
                    province_of(home).map(|mut a| {
                        a.text = Some((*w).to_owned());
                        a
                    })
                } else if opening.starts_with("全国") {
                    Some(Area { name: "全国".to_owned(), code: None, from: None, text: Some("全国".to_owned()) })
                } else if let Some((_, a)) = &subject {
                    Some(a.clone())
                } else {
                    home_area(find_word(HOME_WORDS, sentence_start))
                };
                if let Some(r) = records[i].as_mut() {
                    r.area = area;
                }
            }
            _ => {}
        }
    }
}

/// The first of `words` (all two characters, starting with 全, 我, 本 or 新) that `s` contains.
fn find_word(words: &[&'static str], s: &str) -> Option<&'static str> {
    // (One pass for the first characters rejects most clauses.)
    if !s.contains(['全', '我', '本', '新']) {
        return None;
    }
    words.iter().find(|w| s.contains(**w)).copied()
}

/// Whether a place opens its clause: nothing but times, 其中 or spaces before it (not a verb,
/// not another place: `北接四川天府新区` opens nothing).
fn opens_clause(ctx: &Context<'_>, notes: &[Notes], i: usize) -> bool {
    let start = ctx.spans[i].start;
    let mark = notes[i].clause_mark.min(start);
    // Only time facts may stand between the clause mark and the place.
    let mut floor = mark;
    for j in (0..i).rev().take(8) {
        if ctx.spans[j].end <= mark {
            break;
        }
        if !matches!(ctx.facts[j].value, Value::Time(_)) {
            return false;
        }
        floor = floor.max(ctx.spans[j].end.min(start));
    }
    let before = &ctx.text[floor..start];
    let before = before.trim_start_matches("其中").trim_start_matches("截至目前").trim();
    before.is_empty()
}

/// The province of the home area.
fn province_of(home: Option<&HomeArea>) -> Option<Area> {
    let code = home?.code.as_deref()?;
    let entry = gazetteer::by_code(code)?;
    let province = std::iter::once(entry).chain(entry.ancestors()).find(|e| e.level == PlaceLevel::Province)?;
    Some(Area { name: province.name.to_owned(), code: province.code.map(str::to_owned), from: None, text: None })
}
