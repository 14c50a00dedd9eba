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

use super::bytewise::{holds, strip_all};
use super::{Context, Notes};
use crate::fact::{Area, HomeArea, PlaceLevel, Record, Value};
use crate::gazetteer;
use crate::gazetteer::region::Region;

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
/// A development zone's names after its city's (`岳阳经济技术开发区`, `兴平高新区`): a zone's own
/// bulletin speaks for the zone, whose city the place names, as an organisation's name does.
/// (A figure of the zone in a city's text is still the place's: `衡阳综合保税区进出口额`.)
const ZONES: &[&str] =
    &["经济技术开发区", "经济开发区", "高新技术产业开发区", "经开区", "高新区", "开发区", "工业园区", "产业园区", "综合保税区"];
/// [`ORGANISATION`], looked up by a text's first character.
static ORGANISATIONS: std::sync::LazyLock<super::lexicon::Lexicon> =
    std::sync::LazyLock::new(|| super::lexicon::Lexicon::new(ORGANISATION.iter().copied()));
/// [`ORGANISATION`] and [`ZONES`], for the home area.
static SPEAKERS: std::sync::LazyLock<super::lexicon::Lexicon> =
    std::sync::LazyLock::new(|| super::lexicon::Lexicon::new(ORGANISATION.iter().chain(ZONES).copied()));
/// Nouns for people and firms that come from a place (`香港住客`, `台湾团客`, `内地企业`): the
/// place is their origin, not the area whose figure it is.
const ORIGIN_NOUNS: &[&str] = &[
    "住客",
    "团客",
    "旅客",
    "游客",
    "客商",
    "客人",
    "访客",
    "居民",
    "企业",
    "公司",
    "集团",
    "某",
    "资本",
    "投资者",
    "投资商",
    "商人",
    "人士",
    "人员",
    "申请者",
    "申请人",
    "学生",
    "籍",
];
/// Whether words after a place open with people or firms that come from it (see
/// [`ORIGIN_NOUNS`]).
pub(crate) fn is_origin(after: &str) -> bool {
    ORIGIN_NOUNS.iter().any(|w| after.starts_with(w))
}

/// Scope words that mean the home area (each opens with 全, 我, 本 or 新); the whole text's pass
/// finds them ([`super::text_words`]).
const HOME_WORDS: &[&str] =
    &["全市", "我市", "本市", "全县", "我县", "本县", "全区", "我区", "本区", "全州", "我州", "全旗", "新区", "全盟"];
/// Scope words that mean the home's province.
const PROVINCE_WORDS: &[&str] = &["全省", "我省", "本省", "全区域"];

/// The level of the area a text speaks for, as its scope words say (`全市`, `我县`, `全省`,
/// `我国`, `本澳`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HomeLevel {
    Country,
    Province,
    City,
    /// A county, a county-level city, a district or a banner.
    County,
    /// A state-level new area or a development zone (`新区`).
    Zone,
    /// Hong Kong, Macau or Taiwan, whose own words (`全港`, `本澳`) name it.
    Region(Region),
}

/// Words a text uses for its own area, by the area's level. A district's `全区` is also what an
/// autonomous region calls itself; the places the text names decide between the two.
const SCOPE_WORDS: &[(&str, HomeLevel)] = &[
    ("全市", HomeLevel::City),
    ("我市", HomeLevel::City),
    ("本市", HomeLevel::City),
    ("市委", HomeLevel::City),
    ("市政府", HomeLevel::City),
    ("全县", HomeLevel::County),
    ("我县", HomeLevel::County),
    ("本县", HomeLevel::County),
    ("县委", HomeLevel::County),
    ("县政府", HomeLevel::County),
    ("全旗", HomeLevel::County),
    ("我旗", HomeLevel::County),
    ("全区", HomeLevel::County),
    ("我区", HomeLevel::County),
    ("本区", HomeLevel::County),
    ("区委", HomeLevel::County),
    ("区政府", HomeLevel::County),
    ("全省", HomeLevel::Province),
    ("我省", HomeLevel::Province),
    ("本省", HomeLevel::Province),
    ("省委", HomeLevel::Province),
    ("省政府", HomeLevel::Province),
    ("省人大", HomeLevel::Province),
    ("省政协", HomeLevel::Province),
    ("省级", HomeLevel::Province),
    ("省重点", HomeLevel::Province),
    ("新区", HomeLevel::Zone),
    ("我国", HomeLevel::Country),
    ("国务院", HomeLevel::Country),
    ("国家统计局", HomeLevel::Country),
    ("全港", HomeLevel::Region(Region::HongKong)),
    ("本港", HomeLevel::Region(Region::HongKong)),
    ("来港", HomeLevel::Region(Region::HongKong)),
    ("在港", HomeLevel::Region(Region::HongKong)),
    ("全澳", HomeLevel::Region(Region::Macau)),
    ("本澳", HomeLevel::Region(Region::Macau)),
    ("来澳", HomeLevel::Region(Region::Macau)),
    ("全台", HomeLevel::Region(Region::Taiwan)),
];

/// Ministries and national bodies: a text that names one at its top (a title, a byline, the
/// first sentence: `商务部消息`) is the country's. (Named further down, they are cited.)
const NATIONAL_BODIES: &[&str] =
    &["商务部", "财政部", "海关总署", "国家发展改革委", "国家发改委", "工业和信息化部", "国家外汇管理局", "国家税务总局", "农业农村部"];

/// The home words ([`HOME_WORDS`]), in order: a text's are found in one pass with the scope words
/// (see [`super::text_words`]).
pub(super) fn home_words() -> &'static [&'static str] {
    HOME_WORDS
}

/// The scope words ([`SCOPE_WORDS`]), in order: a text's are found in one pass with the plan
/// and now markers (see [`super::text_words`]).
pub(super) fn scope_words() -> impl Iterator<Item = &'static str> {
    SCOPE_WORDS.iter().map(|(w, _)| *w)
}

/// Whether a national body's name is followed by a place (`国家统计局黑龙江调查总队`): its local
/// branch, for which the place speaks.
fn national_body_is_local(ctx: &Context<'_>, end: usize) -> bool {
    let k = ctx.spans.partition_point(|s| s.start < end);
    ctx.spans.get(k).is_some_and(|s| s.start == end) && matches!(ctx.facts[k].value, Value::Place(_))
}

/// Whether `pos` lies inside a place fact's span.
fn inside_place(ctx: &Context<'_>, pos: usize) -> bool {
    let k = ctx.spans.partition_point(|s| s.start <= pos);
    (k.saturating_sub(4)..k).any(|j| ctx.spans[j].end > pos && matches!(ctx.facts[j].value, Value::Place(_)))
}

/// The division code of a region outside the mainland.
fn region_code(r: Region) -> &'static str {
    match r {
        Region::HongKong => "810000",
        Region::Macau => "820000",
        Region::Taiwan => "710000",
    }
}

/// The area whose government or bureau speaks.
///
/// The text's scope words (`全市`, `我县`, `全省`, `我国`, `本澳`) say at which level it speaks;
/// the places it names at that level say which one — the most named, with more weight for an
/// organisation's name (`兴平市招商局`), the top and the foot. A text that never names its own
/// city, but names several of its counties (`偃师市`, `汝阳县`, `涧西区` and `我市`), speaks for
/// their city. A text of the whole country (`我国`, `国家统计局`) speaks for 全国; a Hong Kong,
/// Macau or Taiwan text for the region. Without scope words, the most named place is the home
/// when it is named often enough.
pub fn home_area(ctx: &Context<'_>) -> Option<HomeArea> {
    home_area_among(ctx, &super::text_words(ctx.text).scope_words)
}

/// [`home_area`] with the text's scope words found beforehand (as (start, index in
/// [`SCOPE_WORDS`]), in text order).
pub(super) fn home_area_among(ctx: &Context<'_>, scope_words: &[(usize, usize)]) -> Option<HomeArea> {
    let text = ctx.text;
    let len = text.len().max(1);
    // name → index in `scores`; a map, so that a text naming thousands of places stays linear.
    let mut by_name: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    // (name, score, first fact, level)
    let mut scores: Vec<(&str, f64, usize, PlaceLevel)> = Vec::new();
    for (i, fact) in ctx.facts.iter().enumerate() {
        let Value::Place(p) = &fact.value else { continue };
        if p.level == PlaceLevel::Region {
            continue;
        }
        let span = &ctx.spans[i];
        // A division written right before one of its own (`吉林市丰满区`) only says where that
        // one is: the pair names the inner one, and is read as one name. (Not before a list of
        // its own: `南宁市兴宁区、青秀区、江南区` names the city's districts.)
        let heads_a_list = |k: usize| {
            ctx.facts.get(k + 1).is_some_and(|f| match (&ctx.facts[k].value, &f.value) {
                (Value::Place(a), Value::Place(b)) => {
                    a.parent.is_some()
                        && a.parent == b.parent
                        && ctx
                            .text
                            .get(ctx.spans[k].end..ctx.spans[k + 1].start)
                            .is_some_and(|gap| matches!(gap, "、" | "和" | "及" | "与"))
                }
                _ => false,
            })
        };
        let pair = |j: usize| within_place_before(ctx, j) && !heads_a_list(j + 1);
        if pair(i) {
            continue;
        }
        let written_from = i.checked_sub(1).filter(|&j| pair(j)).map_or(span.start, |j| ctx.spans[j].start);
        let after = text.get(span.end..).unwrap_or("");
        let before = text.get(..written_from).unwrap_or("");
        // Where something happened or came from is no home (`在南昌开幕`, `赴深圳`, `来自台湾`).
        if before.ends_with(['在', '赴', '到', '于', '往', '去']) || before.ends_with("来自") {
            continue;
        }
        let mut score = 1.0;
        let organisation = SPEAKERS.prefix(after).is_some();
        if organisation {
            score += 2.0;
        }
        // The top (a title, a byline, the first subject) and a signature at the foot.
        if written_from < 400.min(len / 5 + 1) || organisation && span.end + 300 > text.len() {
            score += 1.5;
        }
        if fact.boilerplate {
            score *= 0.5;
        }
        match by_name.get(p.name.as_str()) {
            Some(&k) => scores[k].1 += score,
            None => {
                by_name.insert(&p.name, scores.len());
                scores.push((&p.name, score, i, p.level));
            }
        }
    }
    let place = |k: usize| {
        let Value::Place(p) = &ctx.facts[scores[k].2].value else { unreachable!("a place's score") };
        HomeArea { name: p.name.clone(), code: p.code.clone(), from: Some(scores[k].2) }
    };
    let best_where = |fits: &dyn Fn(&str, PlaceLevel) -> bool| {
        (0..scores.len()).filter(|&k| fits(scores[k].0, scores[k].3)).fold(None::<usize>, |best, k| match best {
            Some(b) if scores[b].1 >= scores[k].1 => Some(b),
            _ => Some(k),
        })
    };
    let best_of = |level: PlaceLevel| best_where(&|_, l| l == level);
    // The scope words, counted by level.
    let mut counts = [0usize; 6];
    let slot = |l: HomeLevel| match l {
        HomeLevel::Country => 0,
        HomeLevel::Province => 1,
        HomeLevel::City => 2,
        HomeLevel::County => 3,
        HomeLevel::Zone => 4,
        HomeLevel::Region(_) => 5,
    };
    let mut region_word: Option<Region> = None;
    for &(start, k) in scope_words {
        let (word, level) = SCOPE_WORDS[k];
        let m = start..start + word.len();
        if ctx.layout.is_chrome(&m) {
            continue;
        }
        // A national body named as a source (`经国家统计局核定`) or as a local branch
        // (`国家统计局黑龙江调查总队`) does not speak for the country; a zone's `新区` inside a
        // place's name (`浦东新区`) is that place's.
        let cited = ["经", "据", "按照", "根据", "依据"].iter().any(|w| text[..m.start].ends_with(w));
        if matches!(level, HomeLevel::Country) && (cited || national_body_is_local(ctx, m.end)) {
            continue;
        }
        if level == HomeLevel::Zone && inside_place(ctx, m.start) {
            continue;
        }
        if let HomeLevel::Region(r) = level {
            // (`在港澳`, `来港台`: Hong Kong with Macau or Taiwan, the home of neither.)
            if text[m.end..].starts_with(['澳', '台']) {
                continue;
            }
            region_word.get_or_insert(r);
        }
        counts[slot(level)] += 1;
    }
    let mut top_end = 400.min(text.len());
    while !text.is_char_boundary(top_end) {
        top_end -= 1;
    }
    let top = &text[..top_end];
    if NATIONAL_BODIES.iter().any(|w| holds(top, w)) {
        counts[slot(HomeLevel::Country)] += 1;
    }
    let region = ctx.region.or(region_word);
    let levels = [HomeLevel::Country, HomeLevel::Province, HomeLevel::City, HomeLevel::County, HomeLevel::Zone];
    let spoken = levels.iter().copied().filter(|&l| counts[slot(l)] > 0).max_by_key(|&l| (counts[slot(l)], slot(l)));
    let from_level = match spoken {
        Some(HomeLevel::County) => best_of(PlaceLevel::County).map(place).or_else(|| {
            // `全区` in an autonomous region's text.
            best_of(PlaceLevel::Province).filter(|&k| scores[k].0.ends_with("自治区")).map(place)
        }),
        // A county-level city and a municipality call themselves 市 too.
        // A city named once in passing gives way to the city whose counties the text names.
        Some(HomeLevel::City) => match best_where(&|name, l| l == PlaceLevel::City || name.ends_with('市')) {
            Some(k) if scores[k].1 >= 2.0 => Some(place(k)),
            k => common_parent(ctx, &scores).or(k.map(place)),
        },
        Some(HomeLevel::Zone) => best_of(PlaceLevel::Area).map(place),
        // (A mainland text's 全省 or 我省 is no Hong Kong, Macau or Taiwan, which a mainland
        // province's text names as a source of investment: `香港地区实际投资`.)
        Some(HomeLevel::Province) => best_where(&|name, l| l == PlaceLevel::Province && (region.is_some() || !is_outside_mainland(name)))
            .map(place)
            // (A province's text that names only its cities, `全省…南昌市…赣州市`: their province.)
            .or_else(|| common_parent_at(ctx, &scores, PlaceLevel::City)),
        // (A text whose own region is not known speaks for the country when it says so more
        // often than it names a region's home: a national report's one `在港` is no home.)
        Some(HomeLevel::Country)
            if region.is_none()
                || ctx.region.is_none()
                    && region_word.is_some_and(|r| counts[slot(HomeLevel::Country)] > counts[slot(HomeLevel::Region(r))]) =>
        {
            Some(HomeArea { name: "全国".to_owned(), code: None, from: None })
        }
        _ => None,
    };
    if from_level.is_some() {
        return from_level;
    }
    if let Some(r) = region {
        let entry = gazetteer::by_code(region_code(r))?;
        return Some(HomeArea { name: entry.name.to_owned(), code: entry.code.map(str::to_owned), from: None });
    }
    // No scope words to go by: the most named place, when it is named often enough.
    // (A province counts half where the text names places below provinces too: a city's text
    // names its province often. Hong Kong, Macau and Taiwan have no cities above their own.)
    let below = scores.iter().any(|s| s.3 != PlaceLevel::Province);
    let outside = |k: usize| is_outside_mainland(scores[k].0);
    let weight = |k: usize| scores[k].1 * if below && scores[k].3 == PlaceLevel::Province && !outside(k) { 0.5 } else { 1.0 };
    let best = (0..scores.len()).fold(None::<usize>, |best, k| match best {
        Some(b) if weight(b) >= weight(k) => Some(b),
        _ => Some(k),
    })?;
    (weight(best) >= 2.5).then(|| place(best))
}

/// Whether a province-level place's name is Hong Kong's, Macau's or Taiwan's.
fn is_outside_mainland(name: &str) -> bool {
    ["香港特别行政区", "澳门特别行政区", "台湾省"].contains(&name)
}

/// The city of the counties a text names, when it names at least two of one city's counties and
/// none of another's.
fn common_parent(ctx: &Context<'_>, scores: &[(&str, f64, usize, PlaceLevel)]) -> Option<HomeArea> {
    common_parent_at(ctx, scores, PlaceLevel::County)
}

/// The division above the places of `level_named` a text names, when it names at least two of one
/// division's and none of another's.
fn common_parent_at(ctx: &Context<'_>, scores: &[(&str, f64, usize, PlaceLevel)], level_named: PlaceLevel) -> Option<HomeArea> {
    let mut parent: Option<&'static gazetteer::Entry> = None;
    let mut n = 0;
    for &(_, _, i, level) in scores {
        if level != level_named {
            continue;
        }
        let Value::Place(p) = &ctx.facts[i].value else { continue };
        let city = p.code.as_deref().and_then(gazetteer::by_code).and_then(|e| e.parent())?;
        match parent {
            Some(c) if c.code != city.code => return None,
            _ => parent = Some(city),
        }
        n += 1;
    }
    let city = parent.filter(|_| n >= 2)?;
    Some(HomeArea { name: city.name.to_owned(), code: city.code.map(str::to_owned), from: None })
}

/// Fill every figure's area.
pub fn areas(ctx: &Context<'_>, notes: &[Notes], home: Option<&HomeArea>, records: &mut [Option<Box<Record>>]) {
    areas_among(ctx, notes, home, &super::text_words(ctx.text).home_words, records);
}

/// [`areas`], with the text's home words found beforehand (as (start, index in
/// [`HOME_WORDS`]), in text order: every place one stands).
pub(super) fn areas_among(
    ctx: &Context<'_>,
    notes: &[Notes],
    home: Option<&HomeArea>,
    home_words: &[(usize, usize)],
    records: &mut [Option<Box<Record>>],
) {
    let text = ctx.text;
    let home_area =
        |word: Option<&str>| home.map(|h| Area { name: h.name.clone(), code: h.code.clone(), from: None, text: word.map(str::to_owned) });
    // The subject place of the current sentence, once a clause opens with one.
    let mut subject: Option<(usize, Area)> = None;
    // A list item that a place opens and its figure follows right after (`…最多、高雄市1642亿元`,
    // `顺德区102个`): that figure's, even where the list's mark is no clause's (a place after a
    // comparison, `低于广州1.2个百分点`, or after another place, `澳门台湾3宗`, `香港、澳门两个`, is
    // no item).
    let mut adjacent: Option<(usize, Area)> = None;
    for i in 0..ctx.facts.len() {
        if subject.as_ref().is_some_and(|(s, _)| *s != notes[i].sentence) {
            subject = None;
        }
        let span = ctx.spans[i].clone();
        match &ctx.facts[i].value {
            Value::Place(p) => {
                let next_figure = ctx.facts.get(i + 1).is_some_and(|f| f.is_figure())
                    && ctx.spans.get(i + 1).is_some_and(|s| text.get(span.end..s.start).is_some_and(|gap| gap.trim().is_empty()));
                // (After 、, an item of a list of figures, not of places: `香港、澳门两个特别行政区`.)
                // (Or after 为 or 是 that ranks it: `台中市3250亿元最多,其次为高雄市2860亿元`.)
                let item = match text.get(..span.start).unwrap_or("").chars().next_back() {
                    Some('、') => i.checked_sub(1).is_some_and(|j| ctx.facts[j].is_figure()),
                    Some('为' | '是') => true,
                    c => c.is_none_or(super::is_clause_mark),
                };
                if p.level != PlaceLevel::Region && next_figure && item && !within_place_before(ctx, i) {
                    adjacent = Some((i + 1, Area { name: p.name.clone(), code: p.code.clone(), from: Some(i), text: None }));
                }
                if p.level == PlaceLevel::Region || !opens_clause(ctx, notes, i) {
                    continue;
                }
                let after = text.get(span.end..).unwrap_or("");
                let before = &text[notes[i].sentence.min(span.start)..span.start];
                // (同 joins two places, `甲县同乙县`, but not in 同日, 同期, 同比: the place's own figures.)
                let with = after.starts_with('同')
                    && !["同日", "同天", "同期", "同时", "同比", "同月", "同年", "同步"].iter().any(|w| after.starts_with(w));
                // (Nor is a place that 等 groups with others later in its clause: `河北省的石家庄等五个
                // 县`.)
                // (The places before it in the sentence are of the group too: it ends their claim.)
                // (Read up to sixteen characters on, to the clause's end: `的石家庄等五个县`.)
                let mut near = span.end;
                for (n, (k, c)) in text[span.end..].char_indices().enumerate() {
                    if n >= 16 || super::is_clause_mark(c) {
                        break;
                    }
                    near = span.end + k + c.len_utf8();
                }
                if groups_places(&text[span.end..near]) {
                    subject = None;
                    continue;
                }
                let listed = after.starts_with(['与', '和', '、', '等', '及']) || with || before.ends_with(['、', '和', '及']);
                // People and firms from a place (`香港住客`, `内地企业`) are the home's figures.
                // So are the places of a breakdown by where investment came from (`分来源地看,
                // 香港地区实际投资…`).
                let by_origin = ["来源地", "国别"].iter().any(|w| holds(super::recent(text, notes[i].stop.min(span.start), span.start), w));
                let origin = is_origin(after) || before.ends_with("来自") || by_origin;
                // A place alone in parentheses names where something is (`投资洽谈会(深圳)`,
                // `中国(深圳)…`), not whose figures follow.
                let aside = before.ends_with(['(', '（']) && after.starts_with([')', '）']);
                if ORGANISATIONS.prefix(after).is_some() || listed || origin || aside || within_place_before(ctx, i) {
                    continue;
                }
                subject = Some((notes[i].sentence, Area { name: p.name.clone(), code: p.code.clone(), from: Some(i), text: None }));
            }
            _ if records[i].is_some() => {
                let clause_start = notes[i].clause.min(span.start);
                let clause = &text[clause_start..span.start];
                let floor = notes[i].sentence.min(span.start);
                let opening = strip_all(clause, "其中").trim_start();
                let area = if let Some((_, a)) = adjacent.take().filter(|(k, _)| *k == i) {
                    Some(a)
                } else if let Some(a) = settled_in(ctx, i) {
                    Some(a)
                } else if notes[i].periodless {
                    built_in(ctx, notes, i).or_else(|| home_area(None))
                } else if let Some(a) = distributed_place(ctx, notes, i) {
                    Some(a)
                } else if let Some(w) = match starts_within(home_words, clause_start, span.start).then(|| clause.find('占')).flatten() {
                    // (A share is of the part before 占: `我区占全市的14.8%`. A clause where no
                    // home word starts, as most, is not searched for 占.)
                    Some(k) => {
                        let share = clause_start + k;
                        first_within(home_words, clause_start, share).or_else(|| first_within(home_words, share, span.start))
                    }
                    None => first_within(home_words, clause_start, span.start),
                } {
                    subject = None;
                    city_of_district(home, w).or_else(|| home_area(Some(w)))
                } else if let Some(w) = PROVINCE_WORDS.iter().find(|w| opening.starts_with(**w)) {
                    province_of(home).map(|mut a| {
                        a.text = Some((*w).to_owned());
                        a
                    })
                } else if opening.starts_with("全国") {
                    Some(Area { name: "全国".to_owned(), code: None, from: None, text: Some("全国".to_owned()) })
                } else if let Some((_, a)) = &subject {
                    Some(a.clone())
                } else if let Some(a) = qualified_area(ctx, records, i) {
                    // A percentage of a figure whose area its own clause named
                    // (`全国新设企业4.5万家,同比增长32.4%`) is that area's.
                    Some(a)
                } else {
                    // (The stretch before the figure is measured only in a sentence that holds a
                    // home word before it: most hold none.)
                    let word = first_within(home_words, floor, span.start).and_then(|_| {
                        let from = super::back_to(text, span.start, floor, |_| false);
                        first_within(home_words, from, span.start)
                    });
                    home_area(word)
                };
                if let Some(r) = records[i].as_mut() {
                    r.area = area;
                }
            }
            _ => {}
        }
    }
}

/// Whether `clause` holds a 等 that groups places: places or a number of them after it
/// (`的石家庄等五个县`, `等地`, `等城市`), not things (`新能源等产业`) nor a word's (等级, 平等).
fn groups_places(clause: &str) -> bool {
    clause.match_indices('等').any(|(k, _)| {
        let after = &clause[k + '等'.len_utf8()..];
        let counted = after.chars().next().is_some_and(|c| c.is_ascii_digit() || crate::number::chinese_digit(c).is_some() || c == '十');
        !clause[..k].ends_with(['平', '同', '相', '对', '均', '高', '中', '初', '优', '上', '次', '超'])
            && (counted || ["地", "城市", "省", "市", "县", "区", "国家"].iter().any(|w| after.starts_with(w)))
    })
}

/// Verbs that say what is done with an investment where 在 puts it (`在宜昌投资15亿元`).
const BUILDS: &[&str] = &["投资", "建设", "新建", "兴建", "扩建", "布局"];

/// The place a project's size is about when 在 puts its investment there earlier in its clause
/// (`香港某集团在宜昌投资15亿元建设物流园`): the project is that place's, whoever invests.
fn built_in(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<Area> {
    let j = (0..i).rev().take(4).take_while(|&j| ctx.spans[j].start >= notes[i].clause_mark).find(|&j| !ctx.facts[j].is_figure())?;
    let Value::Place(p) = &ctx.facts[j].value else { return None };
    let between = ctx.text.get(ctx.spans[j].end..ctx.spans[i].start)?;
    let put = ctx.text[..ctx.spans[j].start].ends_with('在');
    (put && p.level != PlaceLevel::Region && BUILDS.iter().any(|w| between.starts_with(w)) && between.chars().count() <= 8).then(|| Area {
        name: p.name.clone(),
        code: p.code.clone(),
        from: Some(j),
        text: None,
    })
}

/// Verbs that say where a project settles.
const SETTLES: &[&str] = &["落户于", "落户", "落地于", "落地", "入驻", "选址于", "选址"];

/// The place a figure's project settles in, written later in its clause (`投资56亿元的新能源电池
/// 项目落户天元区`): the project is that place's, whoever signed it.
fn settled_in(ctx: &Context<'_>, i: usize) -> Option<Area> {
    let end = ctx.spans[i].end;
    // (The places after the figure in its clause, before any other figure: most figures have
    // none, and the clause is read only for a place that a verb of settling comes right before.)
    for j in (i + 1..ctx.facts.len()).take(8) {
        let fact = &ctx.facts[j];
        if fact.is_figure() || ctx.spans[j].start > end + 120 {
            return None;
        }
        let Value::Place(p) = &fact.value else { continue };
        if p.level == PlaceLevel::Region || !SETTLES.iter().any(|w| ctx.text[..ctx.spans[j].start].ends_with(w)) {
            continue;
        }
        // (In the same clause: 、 lists, it does not end the clause.)
        let gap = ctx.text.get(end..ctx.spans[j].start)?;
        if gap.contains(|c: char| crate::segment::is_clause_end(c) && c != '、') {
            return None;
        }
        return Some(Area { name: p.name.clone(), code: p.code.clone(), from: Some(j), text: None });
    }
    None
}

/// The first in [`HOME_WORDS`]' order of the home words `found` (where each starts and its
/// index, in the text's order) that lie wholly in `from..to`.
fn first_within(found: &[(usize, usize)], from: usize, to: usize) -> Option<&'static str> {
    let k = found.partition_point(|&(at, _)| at < from);
    let inside = found[k..].iter().take_while(|&&(at, _)| at < to).filter(|&&(at, n)| at + HOME_WORDS[n].len() <= to);
    inside.map(|&(_, n)| n).min().map(|n| HOME_WORDS[n])
}

/// Whether one of the home words `found` (as in [`first_within`]) starts in `from..to`: where
/// none does, [`first_within`] finds none in any part of it.
fn starts_within(found: &[(usize, usize)], from: usize, to: usize) -> bool {
    let k = found.partition_point(|&(at, _)| at < from);
    found.get(k).is_some_and(|&(at, _)| at < to)
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
        if !matches!(ctx.facts[j].value, Value::Time(_)) && !within_place_before(ctx, j) {
            return false;
        }
        floor = floor.max(ctx.spans[j].end.min(start));
    }
    let before = &ctx.text[floor..start];
    let before = strip_all(strip_all(before, "其中"), "截至目前").trim();
    // (A news item's lead, `本报讯`, `又讯`, says whose report it is, not what it is about.)
    before.is_empty() || before.strip_suffix('讯').is_some_and(|lead| lead.chars().count() <= 4)
}

/// The area of the figure that percentage `i` qualifies, when that figure's own clause named it
/// (a place, a scope word) rather than leaving it to the home area.
fn qualified_area(ctx: &Context<'_>, records: &[Option<Box<Record>>], i: usize) -> Option<Area> {
    if !matches!(ctx.facts[i].value, Value::Percent(_)) {
        return None;
    }
    let j = records[i].as_ref()?.of.filter(|&j| j < i)?;
    let area = records[j].as_ref()?.area.as_ref()?;
    (area.from.is_some() || area.text.is_some()).then(|| area.clone())
}

/// The place of a run's list that is figure `i`'s (`深圳、广州分别增长6.0%、4.6%`): the places
/// listed before 分别 in the run's first figure's clause, as many as the run has figures.
pub(super) fn distributed_place(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<Area> {
    distributed_place_at(ctx, notes, i, 0)
}

/// [`distributed_place`], `depth` lists after the one that names the places.
fn distributed_place_at(ctx: &Context<'_>, notes: &[Notes], i: usize, depth: usize) -> Option<Area> {
    let (first, len) = notes[i].run;
    if len < 2 {
        return None;
    }
    // (The places are facts, and 、 marks a clause: from the sentence's start or the figure
    // before, not the figure's words.)
    let sentence = notes[first].sentence.min(ctx.spans[first].start);
    let from = (0..first)
        .rev()
        .take(32)
        .take_while(|&j| ctx.spans[j].end > sentence)
        .find(|&j| ctx.facts[j].is_figure())
        .map_or(sentence, |j| ctx.spans[j].end);
    // (Read back a bounded stretch, so that a sentence with no end stays linear.)
    let stretch = super::recent(ctx.text, from, ctx.spans[first].start);
    let from = ctx.spans[first].start - stretch.len();
    let listed = from + stretch.find("分别")?;
    let places: Vec<usize> = (0..first)
        .rev()
        .take(32)
        .take_while(|&j| ctx.spans[j].end > from)
        .filter(|&j| ctx.spans[j].start >= from && ctx.spans[j].end <= listed && matches!(ctx.facts[j].value, Value::Place(_)))
        .collect();
    // A second 分别 list with no places of its own goes on with the places of the list before it
    // in its sentence, item by item (`甲区、乙区分别签约8个、7个,总投资分别为72.6亿元、65.0亿元`).
    if places.is_empty() && depth < 3 {
        let before =
            (0..first).rev().take(32).take_while(|&j| notes[j].sentence == notes[first].sentence).find(|&j| ctx.facts[j].is_figure());
        if let Some(j) = before
            && notes[j].run.1 == len
        {
            return distributed_place_at(ctx, notes, notes[j].run.0 + (i - first), depth + 1);
        }
    }
    // The list is the places right before 分别, as many as the figures (a place before them that
    // is no item of it names where they are, `南宁市兴宁区、青秀区分别`, or what speaks, `南宁市商务
    // 局消息:兴宁区、…`); a list longer than the run is another list.
    let is_list_mark = |gap: &str| !gap.is_empty() && gap.chars().all(|c| matches!(c, '、' | '和' | '及' | '与' | ' '));
    let longer = places
        .get(len)
        .is_some_and(|&k| places.get(len - 1).is_some_and(|&l| is_list_mark(&ctx.text[ctx.spans[k].end..ctx.spans[l].start])));
    if places.len() < len || longer {
        return None;
    }
    // (Nothing but list marks between the places: `深圳、广州`, `甲县和乙县`.)
    let mut sorted = places[..len].to_vec();
    sorted.reverse();
    let only_listed = sorted
        .windows(2)
        .all(|w| ctx.text[ctx.spans[w[0]].end..ctx.spans[w[1]].start].chars().all(|c| matches!(c, '、' | '和' | '及' | '与' | ' ')));
    let j = *sorted.get(i - first).filter(|_| only_listed)?;
    let Value::Place(p) = &ctx.facts[j].value else { return None };
    Some(Area { name: p.name.clone(), code: p.code.clone(), from: Some(j), text: None })
}

/// Whether place `j` is written right before a place inside it (`吉林市丰满区`): the pair names
/// the inner place, whose figures they are.
fn within_place_before(ctx: &Context<'_>, j: usize) -> bool {
    let (Value::Place(outer), Some(Value::Place(inner))) = (&ctx.facts[j].value, ctx.facts.get(j + 1).map(|f| &f.value)) else {
        return false;
    };
    if ctx.spans[j + 1].start != ctx.spans[j].end {
        return false;
    }
    let (Some(outer), Some(inner)) = (outer.code.as_deref(), inner.code.as_deref().and_then(gazetteer::by_code)) else {
        return false;
    };
    inner.ancestors().any(|e| e.code == Some(outer))
}

/// The city that a city's scope word (`全市`, `我市`) names in a district's or a county's text:
/// the home's own city (a county-level city calls itself 市 too, and is its own).
fn city_of_district(home: Option<&HomeArea>, word: &str) -> Option<Area> {
    if !["全市", "我市", "本市"].contains(&word) {
        return None;
    }
    let home = home?;
    if !home.name.ends_with(['区', '县', '旗']) {
        return None;
    }
    let entry = gazetteer::by_code(home.code.as_deref()?)?;
    let city = entry.parent().filter(|p| entry.level == PlaceLevel::County && p.level == PlaceLevel::City)?;
    Some(Area { name: city.name.to_owned(), code: city.code.map(str::to_owned), from: None, text: Some(word.to_owned()) })
}

/// The province of the home area.
fn province_of(home: Option<&HomeArea>) -> Option<Area> {
    let code = home?.code.as_deref()?;
    let entry = gazetteer::by_code(code)?;
    let province = std::iter::once(entry).chain(entry.ancestors()).find(|e| e.level == PlaceLevel::Province)?;
    Some(Area { name: province.name.to_owned(), code: province.code.map(str::to_owned), from: None, text: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Where [`starts_within`] says no home word starts in a stretch, [`first_within`] finds
    /// none in it nor in any part of it; where it says one does, one starts there.
    #[test]
    fn starts_within_answers_for_every_part_of_a_stretch() {
        let found = [(3, 0), (10, 1), (12, 0), (30, 2)];
        for from in 0..40 {
            for to in 0..40 {
                let starts = starts_within(&found, from, to);
                assert_eq!(starts, found.iter().any(|&(at, _)| from <= at && at < to), "{from} {to}");
                if !starts {
                    for a in from..=to.max(from) {
                        assert_eq!(first_within(&found, from, a), None, "{from} {a}");
                        assert_eq!(first_within(&found, a, to), None, "{a} {to}");
                    }
                }
            }
        }
    }

    /// The first of [`HOME_WORDS`], in their order, that `s` contains: what a figure's stretch
    /// says of its area, as the words found beforehand must answer.
    fn home_word(s: &str) -> Option<&'static str> {
        HOME_WORDS.iter().find(|w| s.contains(**w)).copied()
    }

    #[test]
    fn home_words_open_with_the_characters_looked_for() {
        for w in HOME_WORDS {
            assert!(w.starts_with(['全', '我', '本', '新']), "{w}");
        }
        assert_eq!(home_word("全区和全市"), Some("全市"), "the words' own order decides, not the text's");
        assert_eq!(home_word("市里"), None);
    }

    /// The text's home words, found by its one pass and asked of any stretch, are those
    /// [`home_word`] finds in the stretch.
    #[test]
    fn home_words_found_beforehand_are_home_word_of_each_stretch() {
        let text = "前言。本区新签约项目12个,全市共签约30个,我区占全市的14.8%;新区全盟";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&k| text.is_char_boundary(k)).collect();
        let found = super::super::text_words(text).home_words;
        for &to in &bounds {
            for &from in bounds.iter().filter(|&&f| f <= to) {
                assert_eq!(first_within(&found, from, to), home_word(&text[from..to]), "{from}..{to}");
            }
        }
    }
}
