//! China's administrative divisions and named regions, embedded.
//!
//! The gazetteer holds every province, prefecture-level city and county-level division with its
//! 6-digit code (the National Bureau of Statistics' 统计用区划代码 as of 2023-06-30), Hong Kong,
//! Macau and Taiwan (with Taiwan's cities and counties, which have no code), the regions of the
//! contract (京津冀, 长三角, 粤港澳大湾区 ...) and the 19 state-level new areas (雄安新区,
//! 浦东新区 ...). It is built once per process, on first use, from three embedded files:
//!
//! - `data/divisions.tsv`, generated from the NBS codes by `examples/gazetteer.rs`;
//! - `data/regions.tsv`, the regions and new areas, by hand;
//! - `data/other_names.tsv`, names that changed (襄樊 → 襄阳市) and other names, by hand.
//!
//! Every division can be found by its full name, its short form (咸阳, 广西, 红河州) and former
//! names; see [`lookup`]. A name may fit several divisions (朝阳: a city in Liaoning, districts
//! in Beijing and Changchun); the place recognizer chooses among them from the document.
//!
//! ```
//! use gongbao::gazetteer;
//!
//! let xingping = gazetteer::lookup("兴平")[0];
//! assert_eq!(xingping.name, "兴平市");
//! assert_eq!(xingping.code, Some("610481"));
//! let chain: Vec<&str> = xingping.ancestors().map(|e| e.name).collect();
//! assert_eq!(chain, ["咸阳市", "陕西省"]);
//! ```

mod names;
pub mod region;

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::fact::{Place, PlaceLevel};

pub(crate) use names::Form;

const DIVISIONS: &str = include_str!("../../data/divisions.tsv");
const REGIONS: &str = include_str!("../../data/regions.tsv");
const OTHER_NAMES: &str = include_str!("../../data/other_names.tsv");

/// A division, region or area of the gazetteer.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Entry {
    /// The canonical full name: `咸阳市`, `广西壮族自治区`, `京津冀`, `雄安新区`.
    pub name: &'static str,
    /// Province, city, county, region or area.
    pub level: PlaceLevel,
    /// The 6-digit division code (`610400`), for divisions that have one.
    pub code: Option<&'static str>,
    parent: Option<EntryId>,
    id: EntryId,
}

/// An entry's index in the gazetteer.
pub(crate) type EntryId = u32;

impl Entry {
    /// The enclosing division: the city of a county, the province of a city or of a
    /// municipality's district (朝阳区 → 北京市); `None` for provinces and for regions.
    ///
    /// ```
    /// let chaoyang = gongbao::gazetteer::by_code("110105").unwrap();
    /// assert_eq!(chaoyang.parent().unwrap().name, "北京市");
    /// ```
    pub fn parent(&self) -> Option<&'static Entry> {
        self.parent.map(get)
    }

    /// The enclosing divisions, nearest first.
    ///
    /// ```
    /// let yangling = gongbao::gazetteer::by_code("610403").unwrap();
    /// let names: Vec<&str> = yangling.ancestors().map(|e| e.name).collect();
    /// assert_eq!(names, ["咸阳市", "陕西省"]);
    /// ```
    pub fn ancestors(&self) -> impl Iterator<Item = &'static Entry> + use<> {
        std::iter::successors(self.parent(), |e| e.parent())
    }

    /// Whether this entry is `other` or lies within it.
    ///
    /// ```
    /// use gongbao::gazetteer::by_code;
    /// let (xingping, shaanxi) = (by_code("610481").unwrap(), by_code("610000").unwrap());
    /// assert!(xingping.is_within(shaanxi));
    /// assert!(!shaanxi.is_within(xingping));
    /// ```
    pub fn is_within(&self, other: &Entry) -> bool {
        self.id == other.id || self.ancestors().any(|a| a.id == other.id)
    }

    /// The entry as a [`Place`] value: name, level, code and the parent's name.
    ///
    /// ```
    /// let place = gongbao::gazetteer::lookup("咸阳")[0].to_place();
    /// assert_eq!(place.name, "咸阳市");
    /// assert_eq!(place.parent.as_deref(), Some("陕西省"));
    /// ```
    pub fn to_place(&self) -> Place {
        Place {
            name: self.name.to_owned(),
            level: self.level,
            code: self.code.map(str::to_owned),
            parent: self.parent().map(|p| p.name.to_owned()),
        }
    }

    pub(crate) fn id(&self) -> EntryId {
        self.id
    }
}

/// A name the gazetteer knows and the entries it can mean.
#[derive(Debug)]
pub(crate) struct Name {
    /// The name as texts write it.
    pub text: Box<str>,
    /// What it can mean, in the order the entries were loaded (provinces, cities, counties,
    /// Taiwan, regions).
    pub senses: Vec<Sense>,
}

/// One meaning of a name: an entry, and whether the name is its full or short form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sense {
    pub entry: EntryId,
    pub form: Form,
}

struct Gazetteer {
    entries: Vec<Entry>,
    names: Vec<Name>,
    by_name: HashMap<Box<str>, usize>,
    by_code: HashMap<&'static str, EntryId>,
    /// Lines of the embedded files that could not be read (a unit test keeps this empty).
    problems: Vec<String>,
}

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(Gazetteer::load);

/// Every entry of the gazetteer: the provinces, the cities and the counties, each in code order,
/// then Hong Kong, Macau, Taiwan and Taiwan's cities, then the regions and new areas.
///
/// ```
/// let provinces = gongbao::gazetteer::entries()
///     .iter()
///     .filter(|e| e.level == gongbao::PlaceLevel::Province)
///     .count();
/// assert_eq!(provinces, 34);
/// ```
pub fn entries() -> &'static [Entry] {
    &GAZETTEER.entries
}

/// The entry with a 6-digit division code.
///
/// ```
/// let e = gongbao::gazetteer::by_code("420600").unwrap();
/// assert_eq!(e.name, "襄阳市");
/// assert!(gongbao::gazetteer::by_code("999999").is_none());
/// ```
pub fn by_code(code: &str) -> Option<&'static Entry> {
    GAZETTEER.by_code.get(code).map(|&id| get(id))
}

/// The entries a name can mean: full names (`咸阳市`), short forms (`咸阳`, `广西`, `红河州`),
/// former names (`襄樊`), other names of regions (`长江三角洲`). Provinces come first, then
/// cities, counties, regions and areas, each by code, so the first entry is the most likely
/// reading when nothing else is known.
///
/// One-character district names that are generic words (城区, 郊区, 矿区) are not looked up
/// by name; [`by_code`] finds them.
///
/// ```
/// use gongbao::gazetteer::lookup;
///
/// assert_eq!(lookup("广西")[0].name, "广西壮族自治区");
/// assert_eq!(lookup("襄樊")[0].name, "襄阳市");
/// assert_eq!(lookup("长江三角洲")[0].name, "长三角");
/// let jilin: Vec<&str> = lookup("吉林").iter().map(|e| e.name).collect();
/// assert_eq!(jilin, ["吉林省", "吉林市"]);
/// let chaoyang: Vec<_> = lookup("朝阳区").iter().map(|e| e.code.unwrap()).collect();
/// assert_eq!(chaoyang, ["110105", "220104"]);
/// assert!(lookup("中国").is_empty());
/// ```
pub fn lookup(name: &str) -> Vec<&'static Entry> {
    let mut found: Vec<&'static Entry> = match GAZETTEER.by_name.get(name) {
        Some(&i) => GAZETTEER.names[i].senses.iter().map(|s| get(s.entry)).collect(),
        None => Vec::new(),
    };
    found.sort_by_key(|e| (e.level, e.code.is_none(), e.code, e.id));
    found.dedup_by_key(|e| e.id);
    found
}

/// Every name of the gazetteer with its senses, for the place recognizer's automaton.
pub(crate) fn names() -> &'static [Name] {
    &GAZETTEER.names
}

/// An entry by its index.
pub(crate) fn get(id: EntryId) -> &'static Entry {
    &GAZETTEER.entries[id as usize]
}

/// The data lines that could not be read, for the test that keeps them at none.
#[cfg(test)]
fn problems() -> &'static [String] {
    &GAZETTEER.problems
}

fn parse_level(s: &str) -> Option<PlaceLevel> {
    Some(match s {
        "province" => PlaceLevel::Province,
        "city" => PlaceLevel::City,
        "county" => PlaceLevel::County,
        "region" => PlaceLevel::Region,
        "area" => PlaceLevel::Area,
        _ => return None,
    })
}

/// `-` for none.
fn optional(field: &'static str) -> Option<&'static str> {
    (field != "-").then_some(field)
}

/// The data lines of an embedded file: comments and blank lines skipped, fields split on tabs.
fn records(file: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    file.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

impl Gazetteer {
    fn load() -> Gazetteer {
        let mut g =
            Gazetteer { entries: Vec::new(), names: Vec::new(), by_name: HashMap::new(), by_code: HashMap::new(), problems: Vec::new() };
        // Parents by code, resolved once every division is in.
        let mut parent_codes: Vec<Option<&'static str>> = Vec::new();
        for fields in records(DIVISIONS) {
            let [code, name, level, parent] = fields[..] else {
                g.problems.push(format!("divisions.tsv: {fields:?}"));
                continue;
            };
            let Some(level) = parse_level(level) else {
                g.problems.push(format!("divisions.tsv: level {level}"));
                continue;
            };
            // A code names one division: a second row with it would shadow the first, and a
            // row that is its own parent would make `ancestors` endless.
            if optional(code).is_some_and(|c| g.by_code.contains_key(c) || optional(parent) == Some(c)) {
                g.problems.push(format!("divisions.tsv: code {code} of {name} repeated"));
                continue;
            }
            g.add_entry(name, level, optional(code));
            parent_codes.push(optional(parent));
        }
        let mut region_names = Vec::new();
        for fields in records(REGIONS) {
            let [name, level, code, parent, others] = fields[..] else {
                g.problems.push(format!("regions.tsv: {fields:?}"));
                continue;
            };
            let Some(level) = parse_level(level) else {
                g.problems.push(format!("regions.tsv: level {level}"));
                continue;
            };
            // An area that is also a division (浦东新区) takes the division's row.
            let id = match optional(code).and_then(|c| g.by_code.get(c).copied()) {
                Some(id) if g.entries[id as usize].name == name => {
                    g.entries[id as usize].level = level;
                    parent_codes[id as usize] = optional(parent);
                    id
                }
                Some(_) => {
                    g.problems.push(format!("regions.tsv: {name} is not the division {code}"));
                    continue;
                }
                None => {
                    parent_codes.push(optional(parent));
                    g.add_entry(name, level, optional(code))
                }
            };
            region_names.extend(optional(others).into_iter().flat_map(|o| o.split(',')).map(|o| (o, id)));
        }
        for (i, code) in parent_codes.iter().enumerate() {
            let parent = code.and_then(|c| g.by_code.get(c).copied());
            if code.is_some() && parent.is_none() {
                g.problems.push(format!("no parent {code:?} for {}", g.entries[i].name));
            }
            g.entries[i].parent = parent;
        }

        // Names: full names first, then short forms and variants, then hand-listed names, then
        // the former names of districts.
        for i in 0..g.entries.len() {
            let (name, level) = (g.entries[i].name, g.entries[i].level);
            if !names::is_generic(name, level) {
                g.add_name(name, i as EntryId, Form::Full);
            }
        }
        for i in 0..g.entries.len() {
            let (name, level) = (g.entries[i].name, g.entries[i].level);
            for (variant, form) in names::variants(name, level) {
                g.add_name(&variant, i as EntryId, form);
            }
        }
        for (name, id) in region_names {
            g.add_name(name, id, names::form_of(name, g.entries[id as usize].level));
        }
        for fields in records(OTHER_NAMES) {
            let [name, code, _note] = fields[..] else {
                g.problems.push(format!("other_names.tsv: {fields:?}"));
                continue;
            };
            match g.by_code.get(code).copied() {
                Some(id) => g.add_name(name, id, names::form_of(name, g.entries[id as usize].level)),
                None => g.problems.push(format!("other_names.tsv: no division {code}")),
            }
        }
        // Two districts of one name (长安区) share their former name; names already taken by a
        // division, variant or listed name stay theirs.
        let former: Vec<(String, EntryId)> = (0..g.entries.len())
            .filter_map(|i| {
                let (name, level) = (g.entries[i].name, g.entries[i].level);
                names::former_district_name(name, level).map(|f| (f, i as EntryId))
            })
            .filter(|(f, _)| !g.by_name.contains_key(f.as_str()))
            .collect();
        for (name, id) in former {
            g.add_name(&name, id, Form::Full);
        }
        g
    }

    fn add_entry(&mut self, name: &'static str, level: PlaceLevel, code: Option<&'static str>) -> EntryId {
        let id = self.entries.len() as EntryId;
        self.entries.push(Entry { name, level, code, parent: None, id });
        if let Some(code) = code {
            self.by_code.insert(code, id);
        }
        id
    }

    fn add_name(&mut self, text: &str, entry: EntryId, form: Form) {
        let i = match self.by_name.get(text) {
            Some(&i) => i,
            None => {
                self.names.push(Name { text: text.into(), senses: Vec::new() });
                self.by_name.insert(text.into(), self.names.len() - 1);
                self.names.len() - 1
            }
        };
        let sense = Sense { entry, form };
        if !self.names[i].senses.contains(&sense) {
            self.names[i].senses.push(sense);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_data_loads_without_problems() {
        assert_eq!(problems(), &[] as &[String]);
        let count = |level| entries().iter().filter(|e| e.level == level).count();
        assert_eq!(count(PlaceLevel::Province), 34);
        assert_eq!(count(PlaceLevel::Region), 8);
        assert_eq!(count(PlaceLevel::Area), 19);
        assert!(count(PlaceLevel::City) > 330 && count(PlaceLevel::County) > 2800);
    }

    #[test]
    fn every_chain_of_parents_ends_at_a_province() {
        for e in entries() {
            let depth = e.ancestors().take(4).count();
            assert!(depth <= 2, "{} has {depth} ancestors or more", e.name);
            assert!(e.ancestors().all(|a| a.id != e.id), "{} is its own ancestor", e.name);
        }
    }

    #[test]
    fn codes_and_parents_agree() {
        for e in entries() {
            let (Some(code), Some(parent)) = (e.code, e.parent()) else {
                continue;
            };
            let Some(parent_code) = parent.code else {
                continue;
            };
            if e.level == PlaceLevel::Area {
                continue;
            }
            // A county's code starts with its city's 4 digits or its province's 2.
            let shared = if parent.level == PlaceLevel::Province { 2 } else { 4 };
            assert_eq!(code[..shared], parent_code[..shared], "{} in {}", e.name, parent.name);
        }
    }

    #[test]
    fn special_regions_and_areas() {
        assert_eq!(by_code("810000").unwrap().name, "香港特别行政区");
        assert_eq!(lookup("台北")[0].parent().unwrap().name, "台湾省");
        let pudong = lookup("浦东")[0];
        assert_eq!((pudong.name, pudong.level, pudong.code), ("浦东新区", PlaceLevel::Area, Some("310115")));
        assert_eq!(lookup("雄安")[0].parent().unwrap().name, "河北省");
        assert_eq!(lookup("粤港澳")[0].level, PlaceLevel::Region);
        assert_eq!(lookup("新津县")[0].name, "新津区");
        assert_eq!(lookup("淮阴市")[0].name, "淮安市");
        assert!(lookup("城区").is_empty());
    }
}
