//! How texts write a division: its full name, its short form (咸阳 for 咸阳市, 广西 for
//! 广西壮族自治区, 红河 and 红河州 for 红河哈尼族彝族自治州), and the former names of districts.

use crate::fact::PlaceLevel;

/// How a name relates to the division it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Form {
    /// A name that ends in the division's suffix (咸阳市, 红河州, 新津县 for 新津区, 襄樊市), or a
    /// hand-listed name of a region or area. A full name is a place name wherever it stands as
    /// words of its own.
    Full,
    /// A name without the suffix (咸阳, 广西, 兴平, 襄樊). Many are common words too (新建,
    /// 长治久安, 各位来宾), so a short form needs more evidence before it counts as a place.
    Short,
}

/// Suffixes that make a name full, by level, longest first so that 自治县 wins over 县.
fn suffixes(level: PlaceLevel) -> &'static [&'static str] {
    match level {
        PlaceLevel::Province => &["特别行政区", "自治区", "省", "市"],
        // 县: Taiwan's counties are at the city level.
        PlaceLevel::City => &["自治州", "地区", "市", "盟", "县"],
        PlaceLevel::County => &["行政委员会", "自治县", "自治旗", "新区", "林区", "特区", "县", "市", "区", "旗"],
        PlaceLevel::Region | PlaceLevel::Area => &[],
    }
}

/// The 55 minority nationalities, as autonomous divisions name them (with or without 族).
const NATIONALITIES: [&str; 55] = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

fn char_len(s: &str) -> usize {
    s.chars().count()
}

/// `stem` without the nationalities that end it (红河哈尼族彝族 → 红河, 巴音郭楞蒙古 → 巴音郭楞),
/// or `None` when they would leave fewer than two characters (鄂温克族, 内蒙古 is kept whole by
/// the caller's rule).
fn strip_nationalities(mut stem: &str) -> Option<&str> {
    loop {
        let shorter = NATIONALITIES.iter().find_map(|n| {
            let with_zu = stem.strip_suffix('族').and_then(|s| s.strip_suffix(n));
            // A one-character nationality is only ever written with 族 (回族, not 回).
            with_zu.or_else(|| if char_len(n) > 1 { stem.strip_suffix(n) } else { None })
        });
        match shorter {
            Some(s) if char_len(s) >= 2 => stem = s,
            Some(_) => return None,
            None => return Some(stem),
        }
    }
}

/// The names a division of `level` called `name` is written by, other than `name` itself.
///
/// The short form is the name without its suffix, and, for autonomous divisions, without the
/// nationalities (宁夏回族自治区 → 宁夏, 红河哈尼族彝族自治州 → 红河); autonomous prefectures and
/// counties are also written with a one-character suffix (红河州, 大厂县). A short form needs
/// two characters: 沛县 has none. Provinces keep nationalities that are part of the name proper
/// (内蒙古).
pub fn variants(name: &str, level: PlaceLevel) -> Vec<(String, Form)> {
    let Some((stem, suffix)) = suffixes(level).iter().find_map(|s| name.strip_suffix(s).map(|stem| (stem, *s))) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let stem = if suffix.starts_with("自治") {
        match strip_nationalities(stem) {
            Some(s) => s,
            None if level == PlaceLevel::Province => stem,
            None => return out,
        }
    } else {
        stem
    };
    if char_len(stem) < 2 {
        return out;
    }
    if let Some(one) = suffix.strip_prefix("自治").filter(|s| *s != "区") {
        out.push((format!("{stem}{one}"), Form::Full));
    }
    out.push((stem.to_owned(), Form::Short));
    out
}

/// The former name of a district "XX区": "XX县", what it was before 撤县设区 (新津县 →
/// 新津区). The caller keeps it only where no division bears it.
pub fn former_district_name(name: &str, level: PlaceLevel) -> Option<String> {
    if level != PlaceLevel::County || ["新区", "林区", "特区"].iter().any(|s| name.ends_with(s)) {
        return None;
    }
    let stem = name.strip_suffix('区')?;
    (char_len(stem) >= 2).then(|| format!("{stem}县"))
}

/// Whether a hand-listed name (a former name, an area's other name) is full or short: full
/// when it ends in a suffix of its level.
pub fn form_of(name: &str, level: PlaceLevel) -> Form {
    let full = match level {
        PlaceLevel::Region | PlaceLevel::Area => true,
        _ => suffixes(level).iter().any(|s| name.ends_with(s)),
    };
    if full { Form::Full } else { Form::Short }
}

/// Whether a division name is a generic word that no text uses for the division alone: the
/// districts named by a single character (城区, 郊区, 矿区, 东区, 西区).
pub fn is_generic(name: &str, level: PlaceLevel) -> bool {
    level == PlaceLevel::County && char_len(name) == 2 && name.ends_with('区')
}

#[cfg(test)]
mod tests {
    use super::*;
    use PlaceLevel::*;

    fn names(name: &str, level: PlaceLevel) -> Vec<String> {
        variants(name, level).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn short_forms_drop_suffixes_and_nationalities() {
        assert_eq!(names("广西壮族自治区", Province), ["广西"]);
        assert_eq!(names("内蒙古自治区", Province), ["内蒙古"]);
        assert_eq!(names("香港特别行政区", Province), ["香港"]);
        assert_eq!(names("北京市", Province), ["北京"]);
        assert_eq!(names("红河哈尼族彝族自治州", City), ["红河州", "红河"]);
        assert_eq!(names("巴音郭楞蒙古自治州", City), ["巴音郭楞州", "巴音郭楞"]);
        assert_eq!(names("阿里地区", City), ["阿里"]);
        assert_eq!(names("屏东县", City), ["屏东"]);
        assert_eq!(names("积石山保安族东乡族撒拉族自治县", County), ["积石山县", "积石山"]);
        assert_eq!(names("浦东新区", County), ["浦东"]);
        assert_eq!(names("兴平市", County), ["兴平"]);
        assert!(names("沛县", County).is_empty());
        assert!(names("鄂温克族自治旗", County).is_empty());
    }

    #[test]
    fn districts_have_former_names() {
        assert_eq!(former_district_name("新津区", County).as_deref(), Some("新津县"));
        assert_eq!(former_district_name("浦东新区", County), None);
        assert_eq!(former_district_name("城区", County), None);
    }

    #[test]
    fn hand_listed_names_take_their_form_from_the_suffix() {
        assert_eq!(form_of("襄樊市", City), Form::Full);
        assert_eq!(form_of("襄樊", City), Form::Short);
        assert_eq!(form_of("大湾区", Region), Form::Full);
    }
}
