//! What a figure measures: its indicator, as a short noun phrase an analyst would use as a
//! column name (`新签约项目`, `合同投资额`, `到位资金`).
//!
//! The words come from the figure's own clause: what stands between the clause's start (a
//! comma, a colon, a bracket, the previous fact) and the figure, less the words that only say
//! whose it is (全市, 我市), when, or how it is hedged (达, 约, 合计). A count's indicator is
//! the thing counted (the count's `subject`) unless its clause says more. A percentage's
//! indicator is that of the figure it qualifies, unless its own words name a rate (开工率) or a
//! share (占比). A figure with no words of its own that follows another of its kind in a list
//! (`投资1亿元、5亿元和10亿元以上项目`, `693批次1.3万人次`) shares its indicator.

use super::bytewise::{
    BYTES, any_eight, first_of_three, has_byte_below, has_zero_byte, last_of_three, rfind_word, trimmed, trimmed_end, without_spaces,
    word_starts,
};
use super::lexicon::Lexicon;
use super::{Context, Notes};
use crate::fact::{Indicator, Record, Span, Value};

/// Words at the start of a clause that say whose or when a figure is, or link it to the
/// sentence, and are no part of what it measures. Longest first where one is a prefix of
/// another.
const LEADING: &[&str] = &[
    "每年",
    "每月",
    "每日",
    "每天",
    "每周",
    "我们",
    "我局",
    "我委",
    "截至目前",
    "截止目前",
    "据统计",
    "据了解",
    "全市",
    "我市",
    "本市",
    "全县",
    "我县",
    "本县",
    "全区",
    "我区",
    "本区",
    "全省",
    "我省",
    "本省",
    "全州",
    "全国",
    "本港",
    "全港",
    "本澳",
    "全澳",
    "同期",
    "新区",
    "其中",
    "当中",
    "其次为",
    "其次是",
    "其次",
    "达产后",
    "建成后",
    "投产后",
    "满产后",
    "共计",
    "合计",
    "累计",
    "共有",
    "现有",
    "已有",
    "拥有",
    "共",
    // (Before 已, which would leave 经 of it: `已经达到120多个`.)
    "已经",
    "已",
    // (Before 并: `并且`.)
    "并且",
    "并",
    "还",
    "又",
    "先后",
    "分别",
    "同时",
    "另外",
    "此外",
    "目前",
    "全年",
    "当年",
    "当天",
    "当日",
    "同日",
    "同天",
    "现场",
    "会上",
    "期间",
    "总计",
    "和",
    "及",
    "与",
    "以及",
    "而且",
    "而",
    // (Connectives, contrasts, examples and now link the clause to the sentence: `则可以新建`,
    // `即平均每年递增`, `但其中36万吨`, `尽管…总量每年增长`, `例如钢增长`, `现在国内生产总值`.)
    "则",
    "即",
    "但是",
    "但",
    // (A contrast: `而1956年就增加了`.)
    "而且",
    "而",
    // (What a total takes in, and a cause: `包括境外筹资…`, `由于…`.)
    "包括",
    "由于",
    "尽管",
    "虽然",
    "例如",
    "比如",
    "现在",
    "实现",
    "力争",
    "争取",
    "确保",
    "预计",
    // A plan's or a target's modal verbs (`我们将力争全年…`, `则可以新建铁路3000公里`).
    "将",
    "要",
    "可以",
    "能够",
    "初步核算",
    "另外",
    "据统计",
];

/// Words after 的 that make the figure an estimate or a reading of what comes before
/// (`…总销货价值的临时估计为353亿元`).
const ESTIMATES: &[&str] = &["估计", "临时估计", "初步估计", "修订估计", "预先估计", "统计数字", "临时数字", "数字", "数据"];

/// Words at the end of the words before a figure that say how it is reached or hedged.
const TRAILING: &[&str] = &[
    // (Adverbs and modal verbs of what follows: `城市已经达到36个`, `预计可以达到150亿元`,
    // `农民就有2.3万人`.)
    "已经",
    "可以",
    "能够",
    "将会",
    "就有",
    // (Before 近, 约 and 达: `比重接近40%`, `因素大约有13个`, `管道长达4000公里`.)
    "接近",
    "大约",
    "长达",
    "多达",
    // (Verbs of a change besides 增长 and 减少: `负面清单条数压减51%`, `试点面积扩大到60%`.)
    "扩大到",
    "扩大至",
    "扩大",
    "压减",
    "缩减",
    "削减",
    "节约",
    "减轻",
    "提升",
    "净增",
    "净减",
    "上涨",
    "下跌",
    "平均为",
    "平均",
    "同比增长",
    "同比下降",
    "同比增加",
    "同比减少",
    "同比提高",
    "同比上升",
    "增长",
    "下降",
    "递增",
    "递减",
    "增加",
    "减少",
    "提高",
    "降低",
    "上升",
    "回落",
    "降至",
    "降到",
    "升至",
    "升到",
    "提高到",
    "提高至",
    "下降到",
    "下降至",
    "增长到",
    "增长至",
    "增至",
    "减至",
    "降低到",
    "降低至",
    "完成",
    "约为",
    "分别为",
    "分别是",
    "分别达",
    "分别",
    "达到",
    "高达",
    "约为",
    "总计",
    "共计",
    "合计",
    "累计",
    "超过",
    "突破",
    "不足",
    "不到",
    "达",
    "为",
    "是",
    "共",
    "计",
    "近",
    "超",
    "逾",
    // (A level reached: `经济总量先后跨越3500亿元`.)
    "先后跨越",
    "先后迈上",
    "跨越",
    "迈上",
    "跃上",
    // (A hedge: `到位资金有望突破500亿元`.)
    "有望",
    "可望",
    // (How a figure was reached: `零售业总销货价值临时估计为303亿港元`.)
    "临时估计",
    "初步估计",
    "修订估计",
    "预先估计",
    "估计",
    "有",
    "了",
    "至",
    "到",
    // (人均 whole, not 均 and a 人 left behind: `去年又人均提高10%`.)
    "人均",
    "均",
    "仅",
    "只",
    "占",
    // (Only so many: `钢产量不过760万吨`.)
    "不过",
    // (By what rate something is set: `赤字率拟按3%安排`.)
    "拟按",
    "按",
    "预计达到",
    "预计达",
    "预计",
    "年均增长",
    "年均下降",
    "年均",
    // (Per year, said after what grows: `消费水平平均每年递增`, `两年平均每年`.)
    "平均每年",
    "每年平均",
    "每年",
    "每月",
    "每天",
    "每日",
    "每人",
    "连年",
    // (Each time it changes: `国内生产总值每增长1个百分点`.)
    "每",
    // (What a figure only needs to be, or must be: `生产成本只要8元`, `粮食总产量应该达到`.)
    "只要",
    "只需要",
    "只需",
    "需要",
    "应该",
    "应当",
    "必须",
    // (What is set aside, and a turn from one change to another: `中央预算内投资拟安排`,
    // `由下降2.3%转为增长8.5%`; how far a scope reached: `试点范围扩大到全国40%的县`.)
    "拟安排",
    "新安排",
    "安排",
    "转为",
    "到全国",
    "至全国",
    "提升至",
    "提升到",
    "上升至",
    "上升到",
    "增加到",
    "增加至",
    "减少到",
    "减少至",
    "下降至",
    "下降到",
    "稳定在",
    "保持在",
    "控制在",
    "维持在",
    "连续跨过",
    "连续越过",
    "越过",
    "连跨",
    "跨过",
    "迈上",
    "由",
    "从",
    "也",
    "已",
    "现已",
    "目前已",
    "则",
    "同比",
    "环比",
    "按年",
    "比上年",
    "比上年末",
    "较上年",
    "比去年",
    "比去年同期",
    "较去年同期",
    "与上年相比",
    "分别为",
    "合计",
    "累计完成",
    "实现",
    "录得",
    "仍有",
    "仍",
    "仍然",
    "依然",
    "微增",
    // Real and nominal change, and a comparison with a year or month before written in words
    // (`按年实质上升`, `较一年前上升`).
    "实质",
    "名义",
    "较一年前同期",
    "比一年前同期",
    "较一年前",
    "比一年前",
    // A forecast revised (`把全年增长预测上调至`).
    "上调至",
    "上调到",
    "下调至",
    "下调到",
    "调高至",
    "调低至",
    "确定为",
    "拟定为",
    "定为",
    "定在",
    "拟",
    "比年初",
    "较年初",
    "按季",
    "按月",
    "较去年同月",
    "较上年同月",
    "较上月",
    "比上月",
    "较上季",
    // A target's bounds and modal verbs (`签约项目力争达到`, `不少于`).
    "不少于",
    "不低于",
    "不超过",
    "力争",
    "争取",
    "确保",
    "将",
    "微降",
    "年增",
    "年成长",
    "新增",
    "首次",
    "合共",
    // (Real growth, a change made again or still, and the time it has reached: `零售总额实际
    // 增长`, `最低标准再提高`, `养老金水平又提高`, `由466个减少到现在的276个`. 现在 and 正在
    // come before 在, which would leave 现 and 正 of them.)
    "实际",
    "再",
    "又",
    "还",
    "现在",
    "正在",
    "目前",
    "当前",
    "如今",
    "在",
    "最高",
    "最低",
    "最多",
    "最少",
    "总数",
    "数目",
    "个数",
];

/// [`TRAILING`] by their last character (words are tried only against those that can end
/// them), each group longest first: `提升至` is trimmed whole, not as `升至` leaving `提`.
static TRAILING_BY_LAST: std::sync::LazyLock<HanGroups> = std::sync::LazyLock::new(|| {
    let mut words = TRAILING.to_vec();
    words.sort_by_key(|w| std::cmp::Reverse(w.len()));
    HanGroups::new(words.into_iter().filter_map(|w| Some((w.chars().next_back()?, w))))
});

/// [`LEADING`] by their first character, each group in the list's order (the first listed that
/// a figure's words start with is trimmed).
static LEADING_BY_FIRST: std::sync::LazyLock<HanGroups> =
    std::sync::LazyLock::new(|| HanGroups::new(LEADING.iter().filter_map(|w| Some((w.chars().next()?, *w)))));

/// Words of Han characters grouped by one of their characters (the first or the last), for the
/// words of a figure to be tried only against the group of their own first or last character.
/// Each character of the CJK Unified Ideographs has a slot that names its group, so that finding
/// it costs one read (where a binary search of the characters cost a dozen comparisons, and a
/// character set asked first one more read).
struct HanGroups {
    /// For each character of [`CharSet::HAN`], 1 + the index of its group in `groups`, or 0.
    slots: Box<[u8]>,
    /// The groups, each in the order its words were given.
    groups: Vec<Vec<&'static str>>,
}

impl HanGroups {
    /// The groups of `words`, each given with the character it is grouped by, in the order
    /// they are to be tried. (Every character must be a CJK Unified Ideograph, and there may be
    /// at most 255 groups: the lists are fixed, and a test checks them.)
    fn new(words: impl Iterator<Item = (char, &'static str)>) -> HanGroups {
        let mut slots = vec![0u8; (*CharSet::HAN.end() - *CharSet::HAN.start()) as usize + 1].into_boxed_slice();
        let mut groups: Vec<Vec<&'static str>> = Vec::new();
        for (c, w) in words {
            let Some(slot) = (c as u32).checked_sub(*CharSet::HAN.start()).and_then(|k| slots.get_mut(k as usize)) else { continue };
            if *slot == 0 {
                groups.push(Vec::new());
                *slot = u8::try_from(groups.len()).unwrap_or(u8::MAX);
            }
            groups[usize::from(*slot) - 1].push(w);
        }
        HanGroups { slots, groups }
    }

    /// The words grouped by the character `c` (a code point; none for one outside the block).
    fn of(&self, c: Option<u32>) -> &[&'static str] {
        match c.and_then(|c| c.checked_sub(*CharSet::HAN.start())).and_then(|k| self.slots.get(k as usize)) {
            Some(&slot) if slot > 0 => &self.groups[usize::from(slot) - 1],
            _ => &[],
        }
    }
}

/// Words that end what a figure's words say about it: what follows them is how the figure was
/// computed (`规模以上工业增加值按可比价格计算同比增长`).
/// A comparison (`研发投入增速高于全省平均`) ends them too: what follows is what the figure is
/// compared with.
const CUT_AT: &[&str] = &["按可比价", "按可比口径", "按现价", "扣除价格因素", "高于", "低于", "快于", "慢于", "高出", "低出"];

/// A set of characters that words are tried against by one of their characters (the first or
/// the last), asked for most characters of a figure's words: a bit for each character of the
/// CJK Unified Ideographs (where nearly all the characters asked about are), so that asking
/// costs a shift and a mask, and a sorted list for a binary search for the few others.
struct CharSet {
    /// One bit for each character of `HAN`, set for those in the set.
    han: Box<[u64]>,
    /// The set's characters outside `HAN`, sorted.
    others: Vec<char>,
}

impl CharSet {
    /// The CJK Unified Ideographs.
    const HAN: std::ops::RangeInclusive<u32> = 0x4E00..=0x9FFF;

    fn new(chars: impl Iterator<Item = char>) -> CharSet {
        let mut han = vec![0u64; (*Self::HAN.end() - *Self::HAN.start()) as usize / 64 + 1].into_boxed_slice();
        let mut others = Vec::new();
        for c in chars {
            if Self::HAN.contains(&(c as u32)) {
                let k = (c as u32 - *Self::HAN.start()) as usize;
                han[k / 64] |= 1 << (k % 64);
            } else {
                others.push(c);
            }
        }
        others.sort_unstable();
        others.dedup();
        CharSet { han, others }
    }

    /// Whether `s` ends with a character of the set, which holds Han characters (a character of
    /// three bytes, read from its bytes; words that end otherwise end with none of them).
    fn holds_last_of(&self, s: &str) -> bool {
        last_of_three(s).and_then(char::from_u32).is_some_and(|c| self.contains(c))
    }

    fn contains(&self, c: char) -> bool {
        if Self::HAN.contains(&(c as u32)) {
            let k = (c as u32 - *Self::HAN.start()) as usize;
            self.han[k / 64] >> (k % 64) & 1 == 1
        } else {
            self.others.binary_search(&c).is_ok()
        }
    }
}

/// Words that make a clause's words a rate or share of their own (a percentage's indicator is
/// then its own words, not the qualified figure's).
const RATE_ENDINGS: &[&str] = &["率", "占比", "比重", "比例", "增速", "增幅", "占有率", "强度", "之比", "涨幅", "降幅"];

/// Words that alone say nothing of what a figure measures: list words, prepositions and
/// demonstratives (`和5亿元`, `对10亿元以上项目`, `这2亿元`); adverbs, modal verbs and
/// connectives, which say how, whether or when it holds (`即增加333亿元`, `已经达到120多个`,
/// `可以达到500亿元`, `就达120多万起`, `实际增长9.3%`, `长达4000公里`); and the end of a
/// threshold whose measure stands before it (`一百万吨以上的就有31个`). [`trim_edges`] leaves
/// nothing of words that are one of them.
const FUNCTION_ONLY: &[&str] = &[
    "和", "及", "与", "或", "以及", "、", "对", "向", "在", "从", "为", "把", "将", "按", "给", "这", "该", "此", "其", "已经", "已", "即",
    "就", "也", "都", "还", "又", "才", "便", "则", "仍", "亦", "均", "并", "可以", "可", "能", "能够", "会", "实际", "共", "约", "大约",
    "将近", "几乎", "仅", "只", "至少", "最多", "以上", "以下", "长达", "高达", "多达", "长", "对于", "间", "却", "而", "分", "一律",
    "例如", "比如", "用于",
];

/// Find each figure's own words.
pub fn words(ctx: &Context<'_>, notes: &mut [Notes]) {
    for (i, fact) in ctx.facts.iter().enumerate() {
        if !fact.is_figure() {
            continue;
        }
        let start = ctx.spans[i].start;
        // A threshold before the words is part of them (`新签约亿元以上项目168个`).
        let mut from = notes[i].clause;
        // So is one written before its amount (`引进超10亿元项目50个`).
        if let Some(j) = i.checked_sub(1)
            && ctx.spans[j].end <= from
            && matches!(ctx.facts[j].value, crate::fact::Value::Money(_))
            && ctx.text[ctx.spans[j].end..from].is_empty()
            && (["以上", "以下"].iter().any(|w| ctx.text[ctx.spans[j].end..start].starts_with(w))
                || super::when::is_size_band(&ctx.facts[j].value, &ctx.text[ctx.spans[j].end..start])
                || super::when::is_threshold_before(
                    &ctx.text[notes[j].clause.min(ctx.spans[j].start)..ctx.spans[j].start],
                    &ctx.text[ctx.spans[j].end..start],
                ))
        {
            from = notes[j].clause.min(from);
        }
        // (Where an event took place, `活动现场`, `推介会上`, is no part of what is measured; the
        // scene words alone are [`LEADING`]'s.)
        from += scene(&ctx.text[from..start]);
        let mut range = drop_leading_verbs(ctx.text, trim(ctx.text, from..start));
        // The start of a change counted per person, month or mu (`补助标准由每人每年420元提高到
        // 450元`, `最低标准从每月70元提高到88元`): what is measured stands before 由 or 从 (which
        // a verb cut may have left out: `财政补助由…`); the words after say per what.
        if let Some(at) = per_unit_base(&ctx.text[from..start]) {
            let before = drop_leading_verbs(ctx.text, trim(ctx.text, from..from + at));
            if !before.is_empty() {
                range = before;
            }
        }
        // Nothing but an aside between the words and the figure (`地区生产总值(GDP)1543.2亿元`):
        // the words before the aside.
        if range.is_empty() && ctx.text[..from].ends_with([')', '）']) {
            let sentence = notes[i].sentence.min(from);
            if let Some(open) = ctx.text[sentence..from].rfind(['(', '（']).map(|k| sentence + k) {
                // (Not back past a time, `2023年全年国内生产总值(GDP)`: it says when.)
                let clause = super::back_to(ctx.text, open, sentence, super::is_clause_mark);
                let time_end = (0..i)
                    .rev()
                    .take(4)
                    .find(|&j| ctx.spans[j].end <= open)
                    .filter(|&j| matches!(ctx.facts[j].value, Value::Time(_)))
                    .map_or(clause, |j| ctx.spans[j].end);
                let clause = clause.max(time_end);
                range = trim(ctx.text, clause..open);
            }
        }
        // The words before a comparison with a time (`居民消费价格比上年上涨1.4%`, `增速比2022年
        // 加快`): the time ends the figure's clause, and what is compared stands before it.
        let own = &ctx.text[range.clone()];
        let own = ["同期相比", "相比", "时期", "同期"].iter().find_map(|w| own.strip_prefix(w)).unwrap_or(own);
        if (own.is_empty() || is_role_only(own) || is_per_unit(own) || is_base_only(own))
            && let Some(before) = before_comparison(ctx, notes, i).or_else(|| before_time(ctx, notes, i))
        {
            range = before;
        }
        // 其中 alone says nothing of what the part is, nor the suffix of a place name a line
        // break cut off (`高雄⏎市`).
        let cut_place = i.checked_sub(1).is_some_and(|j| {
            matches!(ctx.facts[j].value, Value::Place(_))
                && ctx.text.get(ctx.spans[j].end..range.start).is_some_and(|gap| gap.trim().is_empty())
        }) && ["市", "县", "区", "省", "州", "镇", "乡"].contains(&trimmed(&ctx.text[range.clone()]));
        // (Nor does the base of a comparison alone: `比五年前增加5800亿元`.)
        let only = &ctx.text[range.clone()];
        // (Nor words that only say per what, `人均每年增长10%`, with nothing before them in the
        // clause: what is counted so stands in the clause before.)
        // (Nor words that end in 、: they are the item before the figure's in a list, `连续举办8届
        // 活动周、超过5.2亿人次参与`.)
        if cut_place || trimmed(only) == "其中" || is_base_only(only) || is_per_unit(only) || only.ends_with('、') {
            range.end = range.start;
        }
        // A word with an alternative inside it (`投(增)资金额`): the parentheses hold a character
        // or two between characters of one word, which closes no clause.
        if !range.is_empty() && ctx.text[..range.start].ends_with([')', '）']) {
            let base = notes[i].sentence.min(range.start);
            let head = &ctx.text[base..range.start];
            if let Some(open) = head.rfind(['(', '（']) {
                let inside = head[open..].trim_start_matches(['(', '（']).trim_end_matches([')', '）']);
                let n = inside.chars().count();
                let han = |c: char| crate::normalize::script::is_han(c) && !super::is_clause_mark(c);
                if (1..=2).contains(&n) && inside.chars().all(han) && head[..open].chars().next_back().is_some_and(han) {
                    let start = super::back_to(ctx.text, base + open, base, super::is_clause_mark);
                    range.start = trim(ctx.text, start..range.end).start.min(range.start);
                }
            }
        }
        // A quoted name right before the figure is what it measures (`办理“税银贷”12.7亿元`); one
        // before the words says which, and the words start at it (`新增“专精特新”企业87家`): its
        // quotation marks close no clause.
        let at = if range.is_empty() { start } else { range.start };
        if ctx.text[..at].ends_with('”') {
            let close = at - '”'.len_utf8();
            let base = notes[i].sentence.min(at);
            // (The quotation mark may stand before the sentence's start: `”企业87家` after a
            // quotation that ended the sentence before.)
            let head = ctx.text.get(base..close).unwrap_or("");
            if let Some(k) = head.rfind('“') {
                let open = base + k;
                let inside = &head[k + '“'.len_utf8()..];
                let n = inside.chars().count();
                if (1..=12).contains(&n) && !inside.contains(super::is_clause_mark) {
                    if range.is_empty() {
                        if n >= 2 {
                            range = open + '“'.len_utf8()..close;
                        }
                    } else {
                        // (The name only, not the verb before it: `开展“双招双引”活动` → 双招双引活动.
                        // Not a means a preposition names: `通过“一企一策”盘活低效用地`.)
                        let clause = super::back_to(ctx.text, open, base, super::is_clause_mark);
                        let means = crate::segment::words_in(ctx.text, clause..open).last().is_some_and(|w| w.tag.starts_with('p'));
                        if !means {
                            range.start = open;
                        }
                    }
                }
            }
        }
        // 地区 after a place is the place's (`香港地区实际投资`, `珠三角地区19个`), not what is
        // measured.
        let after_place =
            i.checked_sub(1).is_some_and(|j| matches!(ctx.facts[j].value, Value::Place(_)) && ctx.spans[j].end == range.start);
        if after_place && ctx.text[range.clone()].strip_prefix("地区").is_some_and(|rest| rest.is_empty() || rest.chars().count() >= 2) {
            range.start += "地区".len();
        }
        // The year's whole written as a word, not a time (`围绕全年签约项目150个`): what follows it
        // is measured, as what follows a time is.
        // (Not a whole the figure is a share of or is reckoned by: `占全年增加额`, `按全年饲养量`.)
        if let Some(k) = rfind_word(&ctx.text[range.clone()], "全年")
            && !ctx.text[range.start..range.start + k].contains(['占', '按', '比', '较', '的'])
        {
            let rest = trim(ctx.text, range.start + k + "全年".len()..range.end);
            if rest.len() >= 6 && ends_with_noun(&ctx.text[rest.clone()]) {
                range = rest;
            }
        }
        // The 的 after a time that is the words' modifier (`二〇二四年一月的零售业总销货价值`).
        if let Some(j) = i.checked_sub(1)
            && matches!(ctx.facts[j].value, Value::Time(_))
            && ctx.spans[j].end == range.start
            && ctx.text[range.clone()].starts_with('的')
            && range.len() > '的'.len_utf8()
        {
            range.start += '的'.len_utf8();
        }
        // A place the words' people or firms come from (`香港旅客人均消费`) is part of what is
        // measured: the figure is the home's (area.rs), and the place says whose visitors.
        // (Not its residents, `澳门居民失业率`: mostly the home's own.)
        if let Some(j) = i.checked_sub(1)
            && matches!(ctx.facts[j].value, Value::Place(_))
            && !range.is_empty()
            && ctx.spans[j].end == range.start
            && super::area::is_origin(&ctx.text[range.clone()])
            && !ctx.text[range.clone()].starts_with("居民")
        {
            range.start = ctx.spans[j].start;
        }
        notes[i].words = (!range.is_empty()).then_some(range);
        // (A later figure of a run shares the first's verb: `分别增加3家和5家`.)
        let first = notes[i].run.0;
        notes[i].change = !matches!(fact.value, Value::Percent(_))
            && (states_change(&ctx.text[notes[i].clause_mark.min(start)..start]) || first < i && notes[first].change);
    }
}

/// Where the 由 or 从 that opens the start of a change counted per unit stands in `words` (the
/// words before a figure): the words after it say per what (`由每人每年`, `从每月`, `由人均每月`)
/// and nothing else.
fn per_unit_base(words: &str) -> Option<usize> {
    // (Read back from the last character over those of a unit, to the 由 or 从 before them: most
    // words end with none of those characters, which their last one tells.)
    let body = trimmed_end(words);
    if !UNIT_CHARS.holds_last_of(body) {
        return None;
    }
    let mut start = body.len();
    for (n, (k, c)) in body.char_indices().rev().enumerate() {
        if n >= PER_UNIT_CHARS || !UNIT_CHARS.contains(c) {
            break;
        }
        start = k;
    }
    let head = body[..start].trim_end();
    let k = head.len().checked_sub('由'.len_utf8())?;
    (head.ends_with(['由', '从']) && is_per_unit(&words[k + '由'.len_utf8()..])).then_some(k)
}

/// How many characters a phrase of [`is_per_unit`] holds at most.
const PER_UNIT_CHARS: usize = 8;

/// The characters a phrase of [`is_per_unit`] is written with.
static UNIT_CHARS: std::sync::LazyLock<CharSet> =
    std::sync::LazyLock::new(|| CharSet::new("每人年月日天周季度亩吨户家斤公升次平均".chars()));

/// Whether `words` only say per what a figure is counted (`每人每年`, `每月`, `人均每月`, `每亩`,
/// `平均每年`).
fn is_per_unit(words: &str) -> bool {
    let per = trimmed(words);
    (per.starts_with('每') || per.starts_with("人均") || per.starts_with("平均每"))
        && per.chars().count() <= PER_UNIT_CHARS
        && per.chars().all(|c| UNIT_CHARS.contains(c))
}

/// Whether `words` only name the base a figure is compared with (`比五年前增加5800亿元`,
/// `比原计划超过4%`, `较预算数少8亿元`): what is compared stands before them, or is the level
/// the change is measured from. (Not 比重, 比例 or 比率, which are measures.)
fn is_base_only(words: &str) -> bool {
    const BASE_ENDS: &[&str] = &["前", "期间", "时期", "计划", "预算", "预算数", "设想", "预期"];
    let Some(base) = trimmed(words).strip_prefix(['比', '较']) else { return false };
    !base.starts_with(['重', '例', '率']) && base.chars().count() <= 10 && BASE_ENDS.iter().any(|w| base.ends_with(w))
}

/// Whether `words` are one of [`FUNCTION_ONLY`] (asked of every figure's words: each of those
/// is of two characters at most, six bytes, and they are searched sorted).
fn is_function_only(words: &str) -> bool {
    static SORTED: std::sync::LazyLock<Vec<&str>> = std::sync::LazyLock::new(|| {
        let mut words = FUNCTION_ONLY.to_vec();
        words.sort_unstable();
        words
    });
    // (Their first characters are asked first, from the bytes: most words begin with none.)
    static FIRST: std::sync::LazyLock<CharSet> =
        std::sync::LazyLock::new(|| CharSet::new(FUNCTION_ONLY.iter().filter_map(|w| w.chars().next())));
    let words = trimmed(words);
    words.len() <= 6
        && first_of_three(words).and_then(char::from_u32).is_some_and(|c| FIRST.contains(c))
        && SORTED.binary_search(&words).is_ok()
}

/// The words before a comparison with the time right before figure `i` (`增速比2022年加快`
/// → 增速, `专利较“十三五”时期增长` → 专利), when only words of change stand between the time
/// and the figure. The time is a time fact or a quoted name (`“十三五”`).
fn before_comparison(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<std::ops::Range<usize>> {
    let text = ctx.text;
    let start = ctx.spans[i].start;
    let previous = i.checked_sub(1).filter(|&j| notes[j].sentence == notes[i].sentence);
    // The time: the fact before the figure, or a short quotation right before its clause.
    let (base_start, base_end) = match previous {
        Some(j) if !ctx.facts[j].is_figure() && ctx.spans[j].end >= notes[i].clause_mark.saturating_sub(3) => {
            (ctx.spans[j].start, ctx.spans[j].end)
        }
        _ => {
            let quoted = text[..notes[i].clause].strip_suffix(['”', '"'])?;
            let open = quoted.char_indices().rev().take(8).find(|&(_, c)| matches!(c, '“' | '"'))?.0;
            (open, notes[i].clause)
        }
    };
    if previous.is_some_and(|j| ctx.facts[j].is_figure() && ctx.spans[j].end > base_start) {
        return None;
    }
    let gap = text.get(base_end..start)?.trim_start_matches(['”', '"']);
    let gap = trimmed(["同期相比", "相比", "时期", "同期"].iter().find_map(|w| gap.strip_prefix(w)).unwrap_or(gap));
    if !(gap.is_empty() || is_role_only(gap)) {
        return None;
    }
    let before = text[..base_start].trim_end_matches(['“', '"']);
    let word = ["比", "较", "与", "同"].iter().find(|w| before.ends_with(**w))?;
    let end = before.len() - word.len();
    let from = clause_back_from(ctx, notes, i, i, end);
    let range = drop_leading_verbs(text, trim(text, from..end));
    (!range.is_empty() && !is_role_only(&text[range.clone()])).then_some(range)
}

/// Where the words before `end` start: back to the nearest clause mark, but not past the end of
/// a fact before fact `before` (`产值100亿元比上年增长` has no words of its own) nor out of
/// figure `i`'s sentence.
fn clause_back_from(ctx: &Context<'_>, notes: &[Notes], i: usize, before: usize, end: usize) -> usize {
    let floor = (0..before).rev().take(4).map(|k| ctx.spans[k].end).find(|&e| e <= end).unwrap_or(0);
    let floor = floor.max(notes[i].sentence).min(end);
    super::back_to(ctx.text, end, floor, super::is_clause_mark)
}

/// The words before a time that stands between them and figure `i` (`工业产值一季度同比增长5%`
/// → 工业产值, `覆盖率由2019年的40%` → 覆盖率): the time says when, the words before it what,
/// when only words of change (or a 的) stand between the time and the figure.
fn before_time(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<std::ops::Range<usize>> {
    let text = ctx.text;
    let j = i.checked_sub(1).filter(|&j| notes[j].sentence == notes[i].sentence)?;
    if !matches!(ctx.facts[j].value, Value::Time(_)) || ctx.spans[j].end < notes[i].clause_mark {
        return None;
    }
    let gap = trimmed(text.get(ctx.spans[j].end..ctx.spans[i].start)?);
    let gap = gap.strip_prefix('的').unwrap_or(gap);
    // (Or only per what, `从2004年人均每月700元`, or only words that say how, `去年又人均提高`.)
    if !(gap.is_empty() || is_role_only(gap) || is_per_unit(gap) || trim_edges(text, ctx.spans[j].end..ctx.spans[i].start).is_empty()) {
        return None;
    }
    // The words from the clause's mark (not back past another fact) to the time, without a
    // preposition that ties them to it (`由`, `从`, `在`).
    let end = ctx.spans[j].start;
    let from = clause_back_from(ctx, notes, i, j, end);
    let before = &text[from..end];
    let before = ["由", "从", "自", "在", "继"].iter().find_map(|w| before.strip_suffix(w)).unwrap_or(before);
    // (A comparison, `低于1985年`, is [`before_comparison`]'s; `将由`, `也从`: the adverb goes too.)
    if before.ends_with(['于', '比', '较']) {
        return None;
    }
    let before = before.strip_suffix("已经").unwrap_or(before).trim_end_matches(['将', '也', '均', '都', '已', '仍', '还', '再']);
    let range = drop_leading_verbs(text, trim(text, from..from + before.len()));
    let words = &text[range.clone()];
    // Not a verb (`确保今年底95%`), a time of its own (`在调整初期由1978年的…`), a comparison
    // (`比原定…`), a figure the recognizers left alone or a dash's aside.
    let plain =
        !words.starts_with(['在', '于', '到', '比', '较']) && !words.contains(|c: char| c.is_numeric() || matches!(c, '—' | '-' | '百'));
    (!range.is_empty() && plain && !is_role_only(words) && !is_verb(words)).then_some(range)
}

/// Verbs that say by how much something changed: a figure right after one is the change, not the
/// level (`比上年增加63公顷`; but `增加到`, `增至` are followed by the level).
pub(crate) const CHANGE_VERBS: &[&str] = &[
    "增加", "减少", "增长", "下降", "提高", "降低", "提升", "扩大", "缩小", "回落", "上升", "下跌", "上涨", "减产", "增产", "多出", "少了",
    "净增", "净减",
];

/// Whether the words before a figure end with a verb of change (`比上年减少`, `增加了`).
fn states_change(words: &str) -> bool {
    let words = trimmed_end(words);
    let words = words.strip_suffix('了').unwrap_or(words);
    // (`比去年同期多9个`, `比上年少15个`: 多 and 少 after a comparison say by how much.)
    let compared = |w: &str| w.strip_suffix(['多', '少']).is_some_and(|w| w.contains(['比', '较']));
    // (The verbs are tried only after a character one of them ends with.)
    static CHANGE_LAST: std::sync::LazyLock<CharSet> =
        std::sync::LazyLock::new(|| CharSet::new(CHANGE_VERBS.iter().filter_map(|v| v.chars().next_back())));
    let ends_a_verb = words.chars().next_back().is_some_and(|c| CHANGE_LAST.contains(c));
    ends_a_verb && CHANGE_VERBS.iter().any(|v| words.ends_with(v)) || compared(words)
}

/// Trim the words that are no part of an indicator from both ends of `range`, and cut after the
/// last 了 or 的 (the verb or modifier before the noun: `策划征集了总投资`).
fn trim(text: &str, mut range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let words = &text[range.clone()];
    let (cut, particle) = cut_and_particle(words);
    if let Some(cut) = cut {
        // (A bound is no comparison: `不低于20亿美元` cuts before 不 too.)
        range.end = range.start + words[..cut].strip_suffix('不').map_or(cut, str::len);
    }
    let mut particle = particle.map(|k| range.start + k);
    // 把 puts what is measured before its verb (`政府把全年增长预测上调至`): the words after it.
    // (Its verb reaches the figure with 到, 至, 为 or 在: `把…提高到`, `把…控制在`.)
    if text[range.clone()].ends_with(['到', '至', '为', '在'])
        && let Some(k) = text[range.clone()].rfind('把')
        && !["把握", "把关"].iter().any(|w| text[range.start + k..].starts_with(w))
    {
        range.start += k + '把'.len_utf8();
        particle = particle.filter(|&p| p >= range.start);
    }
    if let Some(i) = particle.map(|p| p - range.start) {
        // (了 and 的 are both three bytes.) What is left after them may be only a verb
        // (`随团外游的有`): the words before them are then what the figure measures.
        let after = trim_edges(text, range.start + i + '了'.len_utf8()..range.end);
        // An estimate of what stands before 的 (`零售业总销货价值的临时估计为`) measures it.
        let estimate = &text[range.start + i + '的'.len_utf8()..range.end];
        if text[range.start + i..].starts_with('的')
            && ESTIMATES.iter().any(|w| estimate.strip_prefix(w).is_some_and(|r| r.chars().count() <= 1))
        {
            return trim_edges(text, range.start..range.start + i);
        }
        // A rate named by what it is of (`粮食产量占全国总产量的比重`) keeps what it is of.
        if text[range.start + i..].starts_with('的') && RATE_ENDINGS.contains(&&text[after.clone()]) {
            let whole = trim_edges(text, range.clone());
            if whole.start < range.start + i {
                return whole;
            }
        }
        if !after.is_empty() || text[range.start + i..].starts_with('了') {
            return after;
        }
        return trim_edges(text, range.start..range.start + i);
    }
    trim_edges(text, range)
}

/// Where the first word of [`CUT_AT`] starts in `words`, and where the last 了 or 的 before it
/// (or in all of `words`, without one) does: in one pass over the characters, what a search
/// for the words and a search back for the particles would answer.
fn cut_and_particle(words: &str) -> (Option<usize>, Option<usize>) {
    // (The characters looked for are all of three bytes: each character's bytes are compared
    // whole, as one number, without decoding it. A character's width is its first byte's.)
    const fn bytes_of(c: char) -> u32 {
        let c = c as u32;
        (0xE0 | c >> 12) << 16 | (0x80 | (c >> 6) & 0x3F) << 8 | (0x80 | c & 0x3F)
    }
    const LE: u32 = bytes_of('了');
    const DE: u32 = bytes_of('的');
    // (The first characters of CUT_AT.)
    const AN: u32 = bytes_of('按');
    const KOU: u32 = bytes_of('扣');
    const GAO: u32 = bytes_of('高');
    const DI: u32 = bytes_of('低');
    const KUAI: u32 = bytes_of('快');
    const MAN: u32 = bytes_of('慢');
    // The low six bits of those characters' last bytes, as bits of one word.
    const ENDINGS: u64 = {
        let mut bits = 0;
        let all = [LE, DE, AN, KOU, GAO, DI, KUAI, MAN];
        let mut k = 0;
        while k < all.len() {
            bits |= 1 << (all[k] & 0x3F);
            k += 1;
        }
        bits
    };
    let bytes = words.as_bytes();
    let mut particle = None;
    let mut k = 0;
    while let Some(&first) = bytes.get(k) {
        if first < 0xE0 {
            k += if first < 0x80 { 1 } else { 2 };
            continue;
        }
        if first >= 0xF0 {
            k += 4;
            continue;
        }
        let Some(&[_, second, third]) = bytes.get(k..k + 3) else { break };
        // (Most characters are none of them, which the last byte's low six bits mostly tell.)
        if ENDINGS >> (third & 0x3F) & 1 == 0 {
            k += 3;
            continue;
        }
        match u32::from(first) << 16 | u32::from(second) << 8 | u32::from(third) {
            LE | DE => particle = Some(k),
            AN | KOU | GAO | DI | KUAI | MAN if CUT_AT.iter().any(|w| words[k..].starts_with(w)) => {
                return (Some(k), particle);
            }
            _ => {}
        }
        k += 3;
    }
    (None, particle)
}

/// [`trim`]'s second half: the words that are no part of an indicator at both ends.
fn trim_edges(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let mut range = without_edge_words(text, range);
    // A number of years the change took (`高新技术企业5年增加`).
    let s = &text[range.clone()];
    if let Some(head) = s.strip_suffix('年')
        && let Some(k) = head.rfind(|c: char| !is_count_digit(c)).map(|k| k + head[k..].chars().next().map_or(1, char::len_utf8))
        && k < head.len()
        && k > 0
    {
        // (And what says which years, `由前三年`, `比上一个五年`, `连续两年`.)
        let mut head = &s[..k];
        head = ["连续", "上一个", "过去", "最近", "前", "近"].iter().find_map(|w| head.strip_suffix(w)).unwrap_or(head);
        head = ["由", "比", "较", "在"].iter().find_map(|w| head.strip_suffix(w)).unwrap_or(head);
        range.end = range.start + head.len();
    }
    // Words that alone say nothing of what is measured.
    if is_function_only(&text[range.clone()]) {
        range.end = range.start;
    }
    range
}

/// Characters trimmed alone off the end of the words, except where they end a word of their
/// own: a hedge 约 (`客商约230户`, not 签约), the modals 可 and 要 (`年产值可达`, `排放量要分别下降`;
/// not 许可, 主要), and the adverbs 都, 就 and 才 (`排放量都减少`, `粮食产量就达`, `煤产量才`; not
/// 首都, 成就, 人才). (A lone 可 or 要 is one of [`FUNCTION_ONLY`], which [`trim_edges`] empties.)
const TRAILING_CHARACTERS: &[(char, &[&str])] = &[
    ('可', &["许可", "认可", "不可", "宁可", "非可", "即可", "尚可", "皆可"]),
    ('约', &["签约", "合约", "契约", "公约", "条约", "节约", "预约", "制约", "履约", "违约"]),
    ('要', &["需要", "主要", "重要", "纲要", "摘要", "概要", "提要", "必要", "想要", "首要", "次要", "简要"]),
    ('都', &["首都", "成都", "京都", "古都", "国都", "故都", "新都", "建都", "定都"]),
    ('就', &["成就", "造就", "迁就", "将就"]),
    ('才', &["人才", "天才", "英才", "口才", "奇才", "干才", "专才", "通才", "秀才"]),
    // (What passed a review, `方案通过312家`, keeps its verb whole.)
    ('过', &["通过", "经过", "度过", "路过", "错过"]),
];

/// The character of [`TRAILING_CHARACTERS`] `s` ends with, if it is trimmed there.
fn trailing_character(s: &str, last: Option<u32>) -> Option<char> {
    let &(c, words) = TRAILING_CHARACTERS.iter().find(|(c, _)| last == Some(*c as u32))?;
    (!words.iter().any(|w| s.ends_with(w))).then_some(c)
}

/// `range` without white space, [`LEADING`]'s words at its start and [`TRAILING`]'s (and a
/// modal 可 or a hedging 约) at its end.
fn without_edge_words(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // (Spaces a converted PDF pads figures with: `地区生产总值增长 6%`.)
    let mut range = without_spaces(text, range);
    // (The words of a group share the character they are grouped by, of three bytes, with
    // `s`: a word of one character is there; a longer one is first told by its second
    // character's second byte, which few share, before it is compared whole.)
    loop {
        let s = &text[range.clone()];
        let opening = |w: &&str| s.len() > w.len() && (w.len() == 3 || s.as_bytes()[4] == w.as_bytes()[4] && s.starts_with(*w));
        match LEADING_BY_FIRST.of(first_of_three(s)).iter().copied().find(opening) {
            Some(w) => range.start += w.len(),
            None => break,
        }
    }
    'trail: loop {
        let s = &text[range.clone()];
        // (Besides TRAILING's words, the characters of TRAILING_CHARACTERS.)
        let last = last_of_three(s);
        for w in TRAILING_BY_LAST.of(last) {
            let at = s.len().wrapping_sub(w.len());
            if w.len() == 3 || s.len() >= w.len() && s.as_bytes()[at + 1] == w.as_bytes()[1] && s.ends_with(w) {
                range.end -= w.len();
                continue 'trail;
            }
        }
        if let Some(c) = trailing_character(s, last) {
            range.end -= c.len_utf8();
            continue;
        }
        break;
    }
    range
}

/// Where a scene at the start of `s` ends (`活动现场共签约` → after 现场): the end of the first
/// of 现场 and 会上 within its first eight characters, with words after it. (Not 期间, which
/// ends a time, `六五计划期间`, that the words after it may need.)
fn scene(s: &str) -> usize {
    // (现场 and 会上 end in characters whose last byte is 0xBA or 0x8A: most words hold neither in
    // their first 24 bytes, eight characters of three. This is asked of every figure's words:
    // the characters are read only after it, and no substring searcher is set up.)
    // (A scene and words after it are four characters at least.)
    if s.len() < 4 * 3 || memchr::memchr2(0xBA, 0x8A, &s.as_bytes()[..s.len().min(8 * 3)]).is_none() {
        return 0;
    }
    let mut previous = None;
    for (n, (k, c)) in s.char_indices().enumerate() {
        if n >= 8 {
            break;
        }
        let end = k + c.len_utf8();
        // (The scene words alone, at the start, are LEADING's; a scene is cut only with words
        // after it.)
        if matches!((previous, c), (Some('现'), '场') | (Some('会'), '上')) && n >= 2 && end < s.len() {
            return end;
        }
        previous = Some(c);
    }
    0
}

/// The words of a figure from the noun phrase its last verb governs (`组织开展招商活动` →
/// 招商活动, `市上下达我县新履约项目任务` → 新履约项目任务): the verbs before what is measured
/// say what was done, not what was counted. A verb that makes a compound with the noun after it
/// (`签约项目`, `引进外资`) stays, and so does a verb whose object is a single word (`完成投资`).
fn drop_leading_verbs(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // (Not in a list: `涉及航空、先进装备制造等领域`; not across a line a layout broke.)
    // (Only the first four characters are counted; and only words with a byte E3, the first of
    // 、, or a line break are searched for them: Han characters begin with E4 to E9.)
    let words = &text[range.clone()];
    if words.char_indices().nth(3).is_none() || memchr::memchr2(0xE3, b'\n', words.as_bytes()).is_some() && words.contains(['、', '\n']) {
        return range;
    }
    let words = crate::segment::words_in(text, range.clone());
    let is_noun = |tag: &str| tag.starts_with('n') || matches!(tag, "j" | "l" | "vn" | "an" | "nz" | "b");
    // (For whom it was done, `为企业办理审批事项`, `为企业减税降费`: the words from the verb on,
    // which are cut as any others.)
    let beneficiary = match words.first() {
        Some(w) if w.tag == "p" && matches!(w.text, "为" | "给" | "帮" | "替") => {
            let nouns = words.iter().skip(1).take_while(|w| is_noun(w.tag) || w.tag == "r").count();
            words.get(1 + nouns).filter(|v| nouns > 0 && v.tag.starts_with('v') && v.tag != "vn").map(|v| v.start)
        }
        _ => None,
    };
    let range = beneficiary.map_or(range.clone(), |start| start..range.end);
    let words = match beneficiary {
        Some(start) => &words[words.partition_point(|w| w.start < start)..],
        None => &words[..],
    };
    // The last verb with at least two words after it, the last a noun.
    if !words.last().is_some_and(|l| is_noun(l.tag)) {
        return range;
    }
    // (A share's words name its part before 占 and its whole after it, verbs and all:
    // `研发投入占地区生产总值`, `税收收入占一般公共预算收入比重`.)
    // (By the first character first: most words are of two characters, as long as 占到.)
    if words.iter().any(|w| w.text.starts_with('占') && matches!(w.text, "占" | "占到")) {
        return range;
    }
    let cut = words.iter().enumerate().take(words.len().saturating_sub(2)).rev().find_map(|(k, w)| {
        let verb = w.tag.starts_with('v') && w.tag != "vn";
        // (A verb joined to the noun after it by 及, 和 or 与 is one of two modifiers of what
        // follows, `批发及零售业销售额`, not what governs it.)
        // (A word of two characters at least, after no other verb: a one-character verb or one
        // after a verb is more often the segmenter's guess, `新农/合`, `可/支配/收入`.)
        let joined = w.text.chars().nth(1).is_some()
            && (k == 0 || !words[k - 1].tag.starts_with(['v', 'd']))
            && words.get(k + 1).is_some_and(|n| n.tag == "c" && matches!(n.text, "及" | "和" | "与" | "以及" | "或"))
            && words.get(k + 2).is_some_and(|n| n.tag.starts_with('n'));
        // (A verb of one character before where it goes, `赴外招商`, `赴省外招商`, names the
        // activity with it.)
        let toward = w.text.chars().nth(1).is_none() && words.get(k + 1).is_some_and(|n| matches!(n.tag, "f" | "s"));
        // (A verb that takes no object modifies the noun after it: `退休人员`, `下岗职工`,
        // `失业人员`, `在校学生`.)
        let modifies = INTRANSITIVE_VERBS.contains(&w.text);
        // (A verb with 于 after it, `应用于生产的比重`, is part of a modifier of what follows: 于
        // alone would open the words. Not 为, 到 or 至 after a change, `一减为大豆产量`.)
        let governs_preposition = words.get(k + 1).is_some_and(|n| n.text == "于");
        // (完成 relates a rate to its task, which the records stage reads.)
        // (`实际使用外资`, `实际利用外资`: what was actually used is what is measured.)
        let compound = || {
            is_compound_verb(w.text)
                || k > 0 && words[k - 1].text == "实际"
                || EXAMPLE_VERBS.contains(&w.text)
                || matches!(w.text, "增长" | "完成" | "高于" | "低于" | "快于" | "慢于" | "高出" | "低出" | "超过" | "不足" | "超" | "过")
        };
        (verb && !joined && !toward && !governs_preposition && !modifies && !compound()).then_some(w.end)
    });
    // (What follows a cut verb may be the rest of a time it made: `达产后年产值`.)
    let cut =
        cut.map(|c| if text[c..range.end].strip_prefix('后').is_some_and(|r| r.chars().count() >= 2) { c + '后'.len_utf8() } else { c });
    match cut {
        Some(c) => trim(text, c..range.end),
        None => range,
    }
}

/// Verbs that take no object: before a noun, they say which of it (`退休人员`, `下岗职工`).
const INTRANSITIVE_VERBS: &[&str] = &[
    "退休",
    "离休",
    "离退休",
    "下岗",
    "失业",
    "待业",
    "就业",
    "务工",
    "在职",
    "在岗",
    "在校",
    "在读",
    "留守",
    "返乡",
    "外出",
    "毕业",
    "出生",
    "死亡",
    "住院",
    "参保",
];

/// Verbs that govern a list of examples of what they count (`引进电子信息、新能源等项目`).
const LISTING_VERBS: &[&str] = &["签约", "新签", "引进", "招引", "落地", "落户", "开工", "新开工", "竣工", "投产", "建成", "实施", "储备"];

/// Verbs that introduce examples (`涉及航空、航天等领域`).
const EXAMPLE_VERBS: &[&str] = &["涉及", "包括", "涵盖", "覆盖", "围绕", "聚焦", "主要有"];

/// An indicator without a list of examples that a verb introduces and 等 closes
/// (`成功签约涉及航空、航天、先进装备制造等领域项目` → 成功签约项目): the words before the verb
/// and the head after the list (with the list's category word, 领域, dropped).
fn without_examples(words: &str) -> Option<String> {
    // (Words without the byte E3 that 、 begins with hold no list: most are not searched. Han
    // characters begin with E4 to E9.)
    if !any_eight(words.as_bytes(), |x| has_zero_byte(x ^ (BYTES * 0xE3))) {
        return None;
    }
    let deng = words.rfind('等')?;
    if !words[..deng].contains('、') {
        return None;
    }
    // Without a verb that introduces examples, the list opens after the verb that governs what
    // it lists (`签约电子信息、新能源等项目` → 签约项目), or at the words' start.
    let first_item = words.find('、').unwrap_or(deng);
    let (verb, w) =
        EXAMPLE_VERBS.iter().filter_map(|w| words[..deng].rfind(w).map(|k| (k, *w))).max_by_key(|(k, _)| *k).unwrap_or_else(|| {
            let head = &words[..first_item];
            LISTING_VERBS.iter().filter_map(|w| head.rfind(w).map(|k| (k + w.len(), ""))).max().unwrap_or((0, ""))
        });
    let mut tail = deng + '等'.len_utf8();
    for category in ["领域", "行业", "方面", "产业", "类", "地"] {
        if words[tail..].starts_with(category) && words.len() > tail + category.len() {
            tail += category.len();
            break;
        }
    }
    // (Listed without such a verb, the examples may be what is measured, not examples of it:
    // `转移支付、奖补资金等增幅`; the head left must then name a thing of its own.)
    let head = &words[tail..];
    if w.is_empty() && (head.chars().count() < 2 || RATE_ENDINGS.contains(&head) || is_role_only(head) || !ends_with_noun(head)) {
        return None;
    }
    (tail < words.len() && !words[verb + w.len()..deng].contains([',', '，'])).then(|| format!("{}{}", &words[..verb], &words[tail..]))
}

/// Whether `s` names a rate or a share.
pub(crate) fn names_rate(s: &str) -> bool {
    // (Asked first of the last character, read from its bytes: most words end with none of
    // those the endings end with.)
    static RATE_LAST: std::sync::LazyLock<CharSet> =
        std::sync::LazyLock::new(|| CharSet::new(RATE_ENDINGS.iter().filter_map(|e| e.chars().next_back())));
    if !RATE_LAST.holds_last_of(s) {
        return false;
    }
    // (A two-character ending names a rate after one character: `税占比`.)
    RATE_ENDINGS.iter().any(|e| {
        s.ends_with(e) && {
            let n = e.chars().count();
            s.chars().count() > n + usize::from(n < 2)
        }
    })
}

/// Words that only say how a percentage relates (占比, 同比增长), with nothing of what it
/// measures.
pub(crate) fn is_role_only(s: &str) -> bool {
    const ROLE: &[&str] = &[
        "占比",
        "比重",
        "占",
        "同比",
        "环比",
        "按年",
        "增长",
        "下降",
        "提高",
        "降低",
        "增加",
        "减少",
        "上升",
        "回落",
        "完成",
        "比",
        "较",
        "分别",
        "加快",
        "多",
        "少",
        "多出",
        "放缓",
        "减缓",
        "减低",
        "回升",
        "提升",
        "扩大",
        "缩小",
        "收窄",
        "上涨",
        "下跌",
        "再次",
        "年均",
        "了",
        "又",
        "均",
        "增",
        "减",
        "仍有",
        "仍",
        "有",
        "达",
        "为",
        "年成长",
        "成长",
        // (Real and nominal change, and a change on the quarter or month before: `按年实质下跌`.)
        "实质",
        "名义",
        "按季",
        "按月",
        "年增",
        "年减",
        "微增",
        "微降",
        "微跌",
        "减幅",
        "增幅",
        "跌幅",
        "升幅",
        "录得",
        // (Connectives: `则按年增加`, `亦录得`.)
        "则",
        "亦",
        // (How the change was computed: `同口径增长4.3%`, `按可比价格计算增长5%`.)
        "同口径",
        "可比口径",
        "按可比口径",
        "按可比价格计算",
        "按不变价格计算",
        "扣除价格因素",
        // (The period just before, as a base: `较上期下跌0.4%`.)
        "上期",
    ];
    static ROLES: std::sync::LazyLock<Lexicon> = std::sync::LazyLock::new(|| Lexicon::new(ROLE.iter().copied()));
    // (Most words start with a character no role word nor count of years starts with: they
    // are told at their first character.)
    static FIRSTS: std::sync::LazyLock<CharSet> = std::sync::LazyLock::new(|| {
        CharSet::new(ROLE.iter().filter_map(|w| w.chars().next()).chain("0123456789一二两三四五六七八九十".chars()))
    });
    if s.chars().next().is_some_and(|c| !FIRSTS.contains(c)) {
        return false;
    }
    let mut rest = s;
    while !rest.is_empty() {
        // (A number of years before the change: `5年提升`, `两年平均增长`. Its first digit is
        // looked for before all of them: most words start with none.)
        if rest.starts_with(is_count_digit)
            && let Some(after) = rest.trim_start_matches(is_count_digit).strip_prefix('年')
        {
            rest = after;
            continue;
        }
        match ROLES.prefix(rest) {
            Some(w) => rest = &rest[w.len()..],
            None => return false,
        }
    }
    true
}

/// Whether `c` is a digit of a small count of years (`5年`, `两年`, `十年`).
fn is_count_digit(c: char) -> bool {
    matches!(c, '0'..='9' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Fill every figure's indicator from its words, its subject, the figure it qualifies or the
/// figure it follows in a list.
///
/// In order, a figure's indicator is:
/// - for one of a run of figures whose words list as many things (`高技术产业和装备制造业增加值
///   分别增长10.6%和9.1%`, `城乡居民收入分别增长5%、7%`), its own thing, completed with the words
///   the list shares (`高技术产业增加值`, `农村居民收入`);
/// - its own words; for a count, the thing counted; for a percentage that names no rate, the
///   indicator of the figure it qualifies;
/// - the words before a parenthesis it opens (`完成全年任务(42.5亿元)`);
/// - the indicator of the figure it follows in a list, of the level a change is measured from
///   (`产量13926万吨,比上年减少162万吨`), of the count a verb's count goes on from (`任务8个,现已
///   完成10个`), or of the growth before it when it has none of its own (`一季度增长6.7%`);
/// - and for a threshold (`5000万元以上项目`) the amount it measures, a project's investment.
///
/// A growth whose words name a category only (`集体企业增长0.7%` after `国有控股企业增加值增长
/// 1.0%`) takes the measure its neighbour names (`集体企业增加值`); so does a level
/// (`农村居民17530元` after `城镇居民人均可支配收入41260元` → 农村居民人均可支配收入).
pub fn indicators(ctx: &Context<'_>, notes: &[Notes], records: &mut [Option<Box<Record>>]) {
    let text = ctx.text;
    for i in 0..ctx.facts.len() {
        if records[i].is_none() {
            continue;
        }
        let own = notes[i]
            .words
            .clone()
            .filter(|r| !is_role_only(&text[r.clone()]) && !is_place_only(ctx, i, r))
            .map(|r| (text[r.clone()].to_owned(), Some(r)));
        let own = own.or_else(|| topic_clause(ctx, notes, i).map(|r| (text[r.clone()].to_owned(), Some(r))));
        let own = own.map(|found| with_origin(ctx, notes, i, found));
        // An amount right before what it measures (`带来5亿元投资`, `完成全年8亿元目标任务`).
        // (The noun is looked for first: words that end with a noun give way to it only when the
        // segmenter reads them as one verb, `出台`, and most amounts have no noun after them.)
        let own = match &ctx.facts[i].value {
            Value::Money(_) => match noun_after_amount(ctx, i) {
                Some(r) if own.as_ref().is_none_or(|(w, _)| !ends_with_noun(w) && measure_head(w).is_none() || is_verb(w)) => {
                    Some((text[r.clone()].to_owned(), Some(r)))
                }
                _ => own,
            },
            _ => own,
        };
        // A figure in parentheses after what it counts (`中国内地团客(59.6万人次)`).
        let own = match &ctx.facts[i].value {
            Value::Percent(_) => own,
            _ => own.or_else(|| parenthetical(ctx, notes, i).map(|(t, r)| paren_run_head(ctx, notes, i, t, r))),
        };
        let distributed = distributed(ctx, notes, i);
        // (A change with no words of its own measures its level's, before any subject or verb of
        // its count: `项目27个,比去年同期多9个`; so does the base a comparison names with its
        // figure, `比2023年的20.1亿美元`.)
        let level = if own.is_none() { level_of_change(ctx, notes, records, i) } else { None };
        let indicator = match &ctx.facts[i].value {
            _ if distributed.is_some() => distributed,
            _ if level.is_some() => level,
            Value::Count(c) => count_indicator(ctx, i, own, c.subject.as_deref()).or_else(|| count_goes_on(ctx, notes, records, i)),
            Value::Percent(p) => {
                // (A milestone crossed is no level a rate qualifies, but it names what grew:
                // `国内生产总值突破3万亿元大关,比上年增长13.4%`.)
                let of = records[i].as_ref().and_then(|r| r.of).or_else(|| milestone_before(ctx, notes, i));
                let found = match (&own, of) {
                    (Some((w, _)), _) if names_rate(w) => own,
                    // (Its own words' span where they say the same: `内地团客(59.6万人次)下跌23.6%`.)
                    (_, Some(j)) if j < i => records[j].as_ref().and_then(|r| r.indicator.clone()).map(|ind| match &own {
                        Some((w, range)) if *w == ind.text => (ind.text, range.clone()),
                        _ => (ind.text, None),
                    }),
                    _ => own,
                };
                if p.role == Some(crate::Role::Share) { found.map(|f| share_part(ctx, notes, records, i, f)) } else { found }
            }
            _ => own,
        };
        let indicator = indicator
            .or_else(|| parenthetical(ctx, notes, i))
            .or_else(|| place_listed(ctx, notes, records, i))
            .or_else(|| listed_after(ctx, notes, records, i))
            .or_else(|| level_of_change(ctx, notes, records, i))
            .or_else(|| period_part(ctx, notes, records, i))
            .or_else(|| timed(ctx, notes, records, i))
            .or_else(|| places_whole(ctx, notes, records, i))
            .or_else(|| rate_of_change(ctx, notes, records, i))
            .or_else(|| previous_growth(ctx, notes, records, i))
            .or_else(|| same_unit_before(ctx, notes, records, i));
        let indicator = averaged(ctx, notes, records, i).or(indicator);
        let indicator = indicator.map(|found| of_origin(ctx, notes, records, i, found));
        let indicator = threshold_measure(ctx, notes, i, indicator);
        let indicator = indicator.map(|found| verb_completed(ctx, notes, records, i, found));
        let indicator = indicator.map(|found| referred_back(notes, records, i, found));
        let indicator = indicator.map(|(t, range)| match without_examples(&t) {
            Some(shorter) => (shorter, None),
            None => (t, range),
        });
        let indicator = indicator.map(|found| complete_measure(ctx, notes, records, i, found));
        if let Some(r) = records[i].as_mut() {
            r.indicator = indicator
                .map(|(t, range)| (cleaned(t), range))
                .filter(|(t, _)| !t.is_empty())
                .map(|(text, range)| Indicator { text, span: range.map(|r| Span::from(ctx.map.to_original(r))).filter(|s| !s.is_empty()) });
        }
    }
}

/// Adverbs between a share's part and its 占.
const SHARE_ADVERBS: &[&str] = &["已经", "已", "又", "还只", "还", "也", "仍然", "仍", "大约", "约", "只", "均"];

/// A share is named by its part, the thing whose share it is. Words that name only the whole
/// (`…增长8.1%，占全部投资的比重为36.2%`) leave the part to the figure it qualifies or, without
/// one, to the figure before it in its sentence (`工业投资`). Words that name the part and a whole
/// with no rate word (`园区工业产值占全县的72.5%`) are the part's; with one (`研发投入占地区生产
/// 总值比重`) they name the share whole, as written.
fn share_part(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize, found: Found) -> Found {
    let Some(k) = found.0.find('占') else { return found };
    let rest = &found.0[k + '占'.len_utf8()..];
    // (占比 and 所占比重 are the rate's own words; 占地, 占用, 占有 are verbs of their own.)
    if rest.is_empty() || rest.starts_with(['比', '地', '用', '有']) {
        return found;
    }
    if k > 0 {
        // (The adverbs before 占 are no part of the part: `生产工人只占`, `产值约占`.)
        let part = match &found.1 {
            Some(r) if ctx.text[r.clone()] == found.0 => {
                let without_adverbs = |mut part: std::ops::Range<usize>| {
                    while let Some(a) = SHARE_ADVERBS.iter().find(|a| ctx.text[part.clone()].ends_with(**a)) {
                        part.end -= a.len();
                    }
                    part
                };
                let mut part = without_adverbs(trim_edges(ctx.text, without_adverbs(r.start..r.start + k)));
                // (The part's modifier before a 的 that the words were cut at: `入住酒店的旅客占留宿
                // 旅客68.0%` → 入住酒店的旅客.)
                let clause = notes[i].clause.min(part.start);
                if let Some(head) = ctx.text[clause..part.start].strip_suffix('的')
                    && (2..=8).contains(&head.chars().count())
                    && head.chars().all(crate::normalize::script::is_han)
                {
                    part.start = trim_edges(ctx.text, clause..part.end).start.min(part.start);
                }
                (ctx.text[part.clone()].to_owned(), Some(part))
            }
            _ => (found.0[..k].to_owned(), None),
        };
        if names_rate(rest) || part.0.chars().count() < 2 {
            return found;
        }
        return part;
    }
    let of = records[i].as_ref().and_then(|r| r.of).filter(|&j| j < i);
    let before = || {
        // (The nearest 32 facts at most: a sentence with no end stays linear.)
        (0..i)
            .rev()
            .take(32)
            .take_while(|&j| notes[j].sentence == notes[i].sentence)
            // (Not a threshold inside the whole's words: `占全市亿元以上项目的60.4%`.)
            .filter(|&j| ctx.spans[j].end <= notes[i].clause_mark)
            .find(|&j| records[j].as_ref().is_some_and(|r| r.indicator.is_some()))
    };
    let Some(part) = of.or_else(before).and_then(|j| records[j].as_ref()?.indicator.as_ref()).filter(|ind| !ind.text.contains('占'))
    else {
        return found;
    };
    if !names_rate(rest) {
        return (part.text.clone(), None);
    }
    // (`占全部投资的比重` → 工业投资占全部投资比重: the 的 before the rate word adds nothing to a
    // column's name.)
    let rest = RATE_ENDINGS
        .iter()
        .find_map(|e| rest.strip_suffix(e).and_then(|w| w.strip_suffix('的')).map(|w| format!("{w}{e}")))
        .unwrap_or_else(|| rest.to_owned());
    (format!("{}占{rest}", part.text), None)
}

/// Words that are only a verb after a place (`荷塘区签约项目8个,芦淞区签约7个` → 签约) are
/// completed by an earlier figure of the same kind in the paragraph whose indicator opens with
/// that verb (`签约项目`): the list writes what is measured once.
fn verb_completed(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize, found: Found) -> Found {
    // (Only a verb right after the place whose figure it is: what else the clause says is its own.)
    let after_place = found.1.as_ref().is_some_and(|r| {
        i.checked_sub(1).is_some_and(|j| {
            matches!(ctx.facts[j].value, Value::Place(_))
                && ctx.text.get(ctx.spans[j].end..r.start).is_some_and(|gap| gap.trim().is_empty())
        })
    });
    if !after_place || found.0.chars().count() > 4 || !is_verb(&found.0) {
        return found;
    }
    let kind = std::mem::discriminant(&ctx.facts[i].value);
    // (The nearest 64 facts at most: a paragraph of thousands stays linear.)
    (0..i)
        .rev()
        .take(64)
        .take_while(|&k| notes[k].line == notes[i].line)
        .filter(|&k| std::mem::discriminant(&ctx.facts[k].value) == kind)
        .take(8)
        .filter_map(|k| records[k].as_ref()?.indicator.as_ref())
        .find(|ind| ind.text.starts_with(found.0.as_str()) && ind.text.len() > found.0.len())
        .map_or(found, |ind| (ind.text.clone(), None))
}

/// What is counted with where it comes from, when the words name it before 的 (`来自内地的企业
/// 118间` → 内地企业): the cut after 的 keeps the noun only.
fn with_origin(ctx: &Context<'_>, notes: &[Notes], i: usize, found: Found) -> Found {
    let Some(range) = found.1.clone() else { return found };
    let before = &ctx.text[notes[i].clause.min(range.start)..range.start];
    let origin = before.strip_suffix('的').and_then(|b| rfind_word(b, "来自").map(|k| &b[k + "来自".len()..]));
    match origin {
        Some(o) if (1..=6).contains(&o.chars().count()) && o.chars().all(crate::normalize::script::is_han) => {
            (format!("{o}{}", found.0), None)
        }
        _ => found,
    }
}

/// Words that point back to something just named (`这个比重`, `该指标`).
const POINTING: &[&str] = &["这个", "这一", "这些", "该", "此", "上述"];

/// An indicator that points back (`这个比重继上年提高1.0个百分点` after `…占全国总产量的比重达到
/// 9.8%`) is the indicator it points to: the nearest earlier figure's in the paragraph that ends
/// with the noun pointed at.
fn referred_back(notes: &[Notes], records: &[Option<Box<Record>>], i: usize, found: Found) -> Found {
    // (Asked first of the words' first character, read from its bytes: most words start with
    // none of those the pointing words start with.)
    const POINTING_FIRST: [char; 4] = ['这', '该', '此', '上'];
    if !first_of_three(&found.0).is_some_and(|c| POINTING_FIRST.iter().any(|&f| u32::from(f) == c)) {
        return found;
    }
    let Some(noun) = POINTING.iter().find_map(|w| found.0.strip_prefix(w)).filter(|n| n.chars().count() >= 2) else {
        return found;
    };
    (0..i)
        .rev()
        .take(64)
        .take_while(|&k| notes[k].line == notes[i].line)
        .filter_map(|k| records[k].as_ref()?.indicator.as_ref())
        .take(8)
        .find(|ind| ind.text.ends_with(noun) && ind.text.len() > noun.len())
        .map_or(found, |ind| (ind.text.clone(), None))
}

/// An indicator's words without quotation marks, the breaks a layout put in and the slash that
/// pairs nouns (most words hold none of them, and keep their string).
fn cleaned(mut t: String) -> String {
    // (One pass over the bytes first: the characters below are ASCII up to `/` or begin with
    // the byte E2 (`“`, `”`) or E3 (`\u{3000}`), and most words hold no such byte. Eight
    // bytes are asked at a time.)
    if any_eight(t.as_bytes(), |x| has_byte_below(x, b'/' + 1) | has_zero_byte((x ^ (BYTES * 0xE2)) & (BYTES * 0xFE))) {
        if t.contains(['“', '”', '"']) {
            t = t.replace(['“', '”', '"'], "");
        }
        if t.contains(['\n', '\r', ' ', '\u{3000}', '\t']) {
            t = without_breaks(&t);
        }
        if t.contains('/') {
            t = without_slashes(&t);
        }
    }
    // 实现 between whose figure it is and what it measures (`规模以上工业企业实现营业收入`) says
    // only that it was reached.
    // (By its first character: a search for the word would build a searcher for every indicator;
    // and only in words that hold that character's last byte, 9E, eight bytes asked at a time.)
    if any_eight(t.as_bytes(), |x| has_zero_byte(x ^ (BYTES * 0x9E)))
        && let Some(k) = t.match_indices('实').map(|(k, _)| k).find(|&k| k > 0 && t[k..].starts_with("实现"))
        && measure_head(&t[k + "实现".len()..]).is_some()
    {
        t.replace_range(k..k + "实现".len(), "");
    }
    t
}

/// An indicator's words without the line breaks and spaces a layout put between Han characters
/// (`总投\n资` → 总投资).
fn without_breaks(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let mut out = String::with_capacity(t.len());
    for (k, &c) in chars.iter().enumerate() {
        let gap = matches!(c, '\n' | '\r' | ' ' | '\u{3000}' | '\t');
        let next_to_han = chars[..k].iter().rev().find(|c| !c.is_whitespace()).is_some_and(|&p| is_han(p))
            || chars[k + 1..].iter().find(|c| !c.is_whitespace()).is_some_and(|&n| is_han(n));
        if !(gap && next_to_han) {
            out.push(c);
        }
    }
    out
}

/// An indicator's words without the slash that pairs two nouns (`场所/企业` → 场所企业): the
/// pair names one kind of thing.
fn without_slashes(t: &str) -> String {
    let chars: Vec<char> = t.chars().collect();
    let paired = |k: usize| k > 0 && k + 1 < chars.len() && is_han(chars[k - 1]) && is_han(chars[k + 1]);
    chars.iter().enumerate().filter(|&(k, &c)| !(c == '/' && paired(k))).map(|(_, &c)| c).collect()
}

/// An indicator as found: its text and, when it is one stretch of the text, where.
type Found = (String, Option<std::ops::Range<usize>>);

/// The measures statistics name at the end of an indicator (`增加值`, `零售额`), longest first.
const MEASURE_HEADS: &[&str] = &[
    "营业收入",
    "工业增加值",
    "增加值",
    "总产值",
    "零售额",
    "销售额",
    "进出口额",
    "交易额",
    "产值",
    "产量",
    "营收",
    "收入",
    "利润",
    "投资",
    "价格",
    "总额",
    "支出",
    "出口",
    "进口",
    "面积",
    // (What is emitted, and a total: `二氧化硫排放量`, `商品总量`.)
    "排放量",
    "总量",
    "总值",
    "工资",
    // (An index, `住宅价格指数`, `制造业采购经理指数`.)
    "指数",
];

/// The measure an indicator ends with, if it names one.
fn measure_head(s: &str) -> Option<&'static str> {
    // (Asked first of the last character, as [`names_rate`] asks.)
    static MEASURE_LAST: std::sync::LazyLock<CharSet> =
        std::sync::LazyLock::new(|| CharSet::new(MEASURE_HEADS.iter().filter_map(|h| h.chars().next_back())));
    if !MEASURE_LAST.holds_last_of(s) {
        return None;
    }
    MEASURE_HEADS.iter().find(|h| s.ends_with(**h)).copied()
}

/// The thing of a run's list that is figure `i`'s: the run's first figure's words list as many
/// things as the run has figures (split by 、, then by 和/及/与), or name a pair by an
/// abbreviation (`城乡` → 城镇, 农村).
fn distributed(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<Found> {
    let (first, len) = notes[i].run;
    if len < 2 {
        return None;
    }
    let words = notes[first].words.clone()?;
    let words = &ctx.text[words];
    let (words, after) = words.split_once("分别").unwrap_or((words, ""));
    let words = trim_str(words);
    // What a list of gaps is compared with (`比全国、全省分别高0.3和0.5个百分点`) is no part of what
    // they measure.
    if super::relate::COMPARED.iter().any(|w| words.starts_with(w)) {
        return None;
    }
    // What the list's things did, when it is written after 分别 (`新加坡、韩国分别投资`): each
    // thing's measure, unless the things name their own.
    let after = trim_str(after);
    // Places the text does not know as divisions (`开发区、高新区分别签约项目12个、9个`): the
    // figures are theirs, and what follows 分别 is what is counted.
    let places = words.split('、').filter(|w| !w.is_empty()).collect::<Vec<_>>();
    if places.len() == len
        && places.iter().all(|w| w.chars().count() <= 8 && w.ends_with(['区', '县', '市', '镇', '乡', '园']))
        && ends_with_noun(after)
    {
        return Some((after.to_owned(), None));
    }
    let after = if MEASURE_HEADS.contains(&after) { after } else { "" };
    let k = i - first;
    let items: Vec<String> = {
        let by_comma: Vec<&str> = words.split('、').filter(|w| !w.is_empty()).collect();
        let by_all: Vec<&str> = words.split(['、', '和', '及', '与']).filter(|w| !w.is_empty()).collect();
        if by_comma.len() == len {
            by_comma.iter().map(|w| (*w).to_owned()).collect()
        } else if by_all.len() == len {
            by_all.iter().map(|w| (*w).to_owned()).collect()
        } else if len == 2
            && let Some(rest) = words.strip_prefix("城乡")
        {
            vec![format!("城镇{rest}"), format!("农村{rest}")]
        } else {
            return None;
        }
    };
    let last = items.last()?;
    let item = &items[k];
    let (item_chars, last_chars) = (item.chars().count(), last.chars().count());
    // A list of places, countries too (`新加坡、韩国、英国实际对华投资`): what follows the last
    // place is what each of them did. (By jieba's tags, and only for a name longer than the two
    // characters the next rule reads.)
    let place_tail = || {
        if item_chars <= 2 || last_chars <= item_chars {
            return None;
        }
        let is_place = |w: &crate::segment::Word<'_>| w.tag == "ns";
        let own = crate::segment::words(item);
        let words = crate::segment::words(last);
        (own.len() == 1 && is_place(&own[0]) && words.len() > 1 && is_place(&words[0])).then(|| last[words[0].end..].to_owned())
    };
    let completed = if k + 1 == len {
        item.clone()
    } else if let Some(tail) = place_tail() {
        format!("{item}{tail}")
    } else if item_chars <= 2 && last_chars > item_chars {
        // `轻、重工业占比` → 轻工业占比: the last item's words after its own first characters.
        let tail: String = last.chars().skip(item_chars).collect();
        format!("{item}{tail}")
    } else if let Some(head) = measure_head(last).filter(|_| measure_head(item).is_none()) {
        // `高技术产业和装备制造业增加值` → 高技术产业增加值.
        format!("{item}{head}")
    } else {
        item.clone()
    };
    if !after.is_empty() && measure_head(&completed).is_none() && !names_rate(&completed) {
        return Some((format!("{completed}{after}"), None));
    }
    Some((completed, None))
}

/// A run listed by places (`深圳、广州分别增长6.0%、4.6%`) measures, in each place, what the
/// paragraph's whole measures: the nearest earlier figure of its kind that is no part of a
/// breakdown (not `第三产业增长4.7%` after `地区生产总值增长4.8%`).
fn places_whole(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    super::area::distributed_place(ctx, notes, i)?;
    let kind = ctx.facts[i].kind();
    let is_part = |j: usize| records[j].as_ref().is_some_and(|r| r.part_of.is_some());
    (0..notes[i].run.0)
        .rev()
        .take(64)
        .take_while(|&j| notes[j].line == notes[i].line)
        .filter(|&j| ctx.facts[j].kind() == kind && records[j].is_some())
        .find(|&j| !is_part(j) && records[j].as_ref().and_then(|r| r.of).is_none_or(|o| !is_part(o)))
        .and_then(|j| indicator_of(records, j))
}

/// `trim` on a string rather than a range of the text.
fn trim_str(s: &str) -> &str {
    let r = trim(s, 0..s.len());
    &s[r]
}

/// A change's indicator is the level's it is measured from: the nearest figure of its kind
/// before it in the sentence that is not a change (`夏粮总产量13926万吨,比上年减少162万吨`). So
/// is the indicator of a base a comparison names with its figure (`实际使用外资23.6亿美元,
/// 比2023年的20.1亿美元`).
fn level_of_change(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    if !notes[i].change && !super::relate::is_compared_figure(ctx, i) {
        return None;
    }
    let kind = ctx.facts[i].kind();
    let j = (0..i)
        .rev()
        .take(8)
        .take_while(|&j| notes[j].sentence == notes[i].sentence)
        .find(|&j| ctx.facts[j].kind() == kind && !notes[j].change)?;
    // A run of changes after as many levels (`世界500强企业47家、中国500强企业82家,分别比去年底增加
    // 3家和5家`): item by item.
    let (first, len) = notes[i].run;
    let j = if len > 1 {
        let levels: Vec<usize> = (0..first)
            .rev()
            .take(8)
            .take_while(|&k| notes[k].sentence == notes[i].sentence)
            .filter(|&k| ctx.facts[k].kind() == kind && !notes[k].change)
            .take(len)
            .collect();
        if levels.len() == len { levels[len - 1 - (i - first)] } else { j }
    } else {
        j
    };
    indicator_of(records, j)
}

/// A count with only a verb of its own (`现已完成10个`, `现已履约16个`) goes on from the count
/// of its kind before it in the full sentence: what completes a task is what the task counts
/// (`新履约项目任务8个` → 新履约项目); another verb counts the same things (`履约` + 项目).
fn count_goes_on(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    let Value::Count(c) = &ctx.facts[i].value else { return None };
    let j = (0..i).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| {
        matches!(&ctx.facts[j].value, Value::Count(d) if d.classifier == c.classifier)
            && records[j].as_ref().is_some_and(|r| r.indicator.is_some())
    })?;
    let before = records[j].as_ref()?.indicator.as_ref()?.text.clone();
    let before = ["任务", "目标", "计划"].iter().find_map(|w| before.strip_suffix(w)).map_or(before.clone(), str::to_owned);
    let verb = notes[i].words.clone().map_or("", |r| &ctx.text[r]);
    if verb.is_empty() || verb.ends_with("完成") {
        return Some((before, None));
    }
    let noun: String = before.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
    Some((format!("{verb}{noun}"), None))
}

/// Figure `j`'s indicator, as the figure `i` that takes it carries it (without a span of its own).
fn indicator_of(records: &[Option<Box<Record>>], j: usize) -> Option<Found> {
    records[j].as_ref()?.indicator.as_ref().map(|ind| (ind.text.clone(), None))
}

/// Whether a value is a growth or decline in percent (`增长6.7%`, not a share nor points).
pub(crate) fn is_growth_rate(v: &Value) -> bool {
    matches!(v, Value::Percent(p) if matches!(p.role, Some(crate::Role::Growth | crate::Role::Decline)) && p.unit == crate::PercentUnit::Percent)
}

/// A part of a whole that names only its own time (`前三季度…总产值186亿元,其中9月份完成23.4
/// 亿元`): the month's figure measures what the whole measures.
fn period_part(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    let j = records[i].as_ref()?.part_of.filter(|&j| j < i)?;
    if ctx.facts[j].kind() != ctx.facts[i].kind() {
        return None;
    }
    let timed = (j + 1..i).any(|k| matches!(ctx.facts[k].value, Value::Time(_)) && ctx.spans[k].start >= notes[i].clause_mark);
    if !timed {
        return None;
    }
    indicator_of(records, j)
}

/// A figure with no words of its own after a time that opens its clause measures what the figure
/// before it in its full sentence measures:
/// - a percentage that qualifies no figure of another time (`上半年地区生产总值402亿元,一季度增长
///   5.1%`);
/// - a level, after a growth of what it is the level of with no level written, or after a level
///   of the same unit, in the clause just before (`一般公共预算收入年均增长5.4%,2022年达到186亿元`).
fn timed(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    let rate = matches!(ctx.facts[i].value, Value::Percent(_));
    if rate && records[i].as_ref()?.of.is_some() {
        return None;
    }
    let j = (0..i).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| ctx.facts[j].is_figure())?;
    let kin = rate
        || match (&ctx.facts[j].value, &ctx.facts[i].value) {
            (Value::Percent(_), _) => is_growth_rate(&ctx.facts[j].value) && records[j].as_ref().is_some_and(|r| r.of.is_none()),
            (Value::Money(a), Value::Money(b)) => a.currency == b.currency,
            (Value::Count(a), Value::Count(b)) => a.classifier == b.classifier,
            (Value::Quantity(a), Value::Quantity(b)) => a.unit == b.unit,
            _ => false,
        };
    // (A level's time opens the clause right after the figure's: no clause of other words between.)
    let next_clause = |k: usize| {
        ctx.text.get(ctx.spans[j].end..ctx.spans[k].start).is_some_and(|gap| gap.chars().filter(|&c| super::is_clause_mark(c)).count() == 1)
    };
    let timed = kin
        && (j + 1..i).any(|k| {
            matches!(ctx.facts[k].value, Value::Time(_)) && super::relate::opens_clause_of(ctx, notes, k, i) && (rate || next_clause(k))
        });
    if !timed {
        return None;
    }
    indicator_of(records, j)
}

/// A growth with no words of its own right after an amount of change in its sentence
/// (`产量减少23万吨,下降3%`) is that change's rate: it measures what the change measures, not what
/// an earlier growth of the paragraph did.
fn rate_of_change(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    if !is_growth_rate(&ctx.facts[i].value) {
        return None;
    }
    let j = i.checked_sub(1)?;
    let gap = ctx.text.get(ctx.spans[j].end..ctx.spans[i].start)?;
    if !notes[j].change || notes[j].sentence != notes[i].sentence || gap.chars().count() > 8 {
        return None;
    }
    indicator_of(records, j)
}

/// A growth with no words of its own (`分季度看,一季度增长6.7%`) measures what the growth before
/// it in its paragraph measured.
fn previous_growth(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    if !is_growth_rate(&ctx.facts[i].value) {
        return None;
    }
    let is_growth =
        |j: usize| matches!(&ctx.facts[j].value, Value::Percent(q) if matches!(q.role, Some(crate::Role::Growth | crate::Role::Decline)));
    // A breakdown by quarter or month (`分季度看,一季度增长4.9%,二季度…`) is of the headline: the
    // first growth of the nearest sentence before that is no breakdown itself (`分产业看,…`),
    // in its paragraph or the one before.
    let sentence = super::recent(ctx.text, notes[i].stop, ctx.spans[i].start).trim_start();
    if ["分季度看", "分季看", "分月看", "分月份看", "分季度来看", "从季度看", "按季度看"].iter().any(|w| sentence.starts_with(w))
    {
        let earlier =
            (0..i).rev().take(40).filter(|&j| notes[j].stop < notes[i].stop && is_growth(j) && notes[i].line - notes[j].line <= 1);
        let mut headline = None;
        for j in earlier {
            if headline.is_some_and(|h: usize| notes[h].stop != notes[j].stop) {
                break;
            }
            if !super::relate::opens_with_breakdown(super::recent(ctx.text, notes[j].stop, ctx.spans[j].start)) {
                headline = Some(j);
            }
        }
        return indicator_of(records, headline?);
    }
    let j = (0..i).rev().take(12).take_while(|&j| notes[j].line == notes[i].line).find(
        |&j| matches!(&ctx.facts[j].value, Value::Percent(q) if matches!(q.role, Some(crate::Role::Growth | crate::Role::Decline))),
    )?;
    indicator_of(records, j)
}

/// A quantity with no words of its own (`越过800、900亿斤`, `到今年的1114亿斤`) measures what the
/// quantity of its unit before it in the full sentence measures.
///
/// So does an amount or a count that a change reaches from the one before it (`总投资由去年同期的
/// 120亿元增加到今年的168亿元`): 到 or 至 between them.
fn same_unit_before(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    let reached =
        |j: usize| ctx.text.get(ctx.spans[j].end..ctx.spans[i].start).is_some_and(|gap| gap.len() <= 40 && gap.contains(['到', '至']));
    let j = (0..i).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| {
        let same = match (&ctx.facts[j].value, &ctx.facts[i].value) {
            (Value::Quantity(p), Value::Quantity(q)) => p.unit == q.unit,
            (Value::Money(a), Value::Money(b)) => a.currency == b.currency && reached(j),
            (Value::Count(a), Value::Count(b)) => a.classifier == b.classifier && reached(j),
            _ => false,
        };
        same && records[j].as_ref().is_some_and(|r| r.indicator.is_some())
    })?;
    indicator_of(records, j)
}

/// A threshold (`5000万元以上项目`, `投资总额在一亿元以上的项目`) measures a project's investment:
/// its own words when they name it, else `项目投资额`.
fn threshold_measure(ctx: &Context<'_>, notes: &[Notes], i: usize, indicator: Option<Found>) -> Option<Found> {
    if !matches!(ctx.facts[i].value, Value::Money(_)) || !notes[i].periodless {
        return indicator;
    }
    let after = ctx.text.get(ctx.spans[i].end..).unwrap_or("");
    // (Projects of a kind or stage may be named between: `亿元以上在建项目`, `以上的产业项目`.)
    let project = ["及以上", "以上"].iter().find_map(|w| after.strip_prefix(w)).is_some_and(|rest| {
        let rest = rest.strip_prefix('的').unwrap_or(rest);
        // (Within the first six Han characters.)
        let run = &rest[..rest.find(|c: char| !is_han(c)).unwrap_or(rest.len())];
        run[..run.char_indices().nth(6).map_or(run.len(), |(k, _)| k)].contains("项目")
    });
    // (A project after 以上 makes the amount a threshold: `is_threshold` asks no more.)
    if !(project || super::when::is_size_band(&ctx.facts[i].value, after)) {
        return indicator;
    }
    match indicator {
        Some((t, r)) if ["投资", "投资额", "投资总额", "总投资", "规模"].iter().any(|w| t.ends_with(w)) => Some((t, r)),
        _ => Some(("项目投资额".to_owned(), None)),
    }
}

/// A growth whose words name only a category (`集体企业增长0.7%`, after `国有控股企业增加值同比
/// 增长1.0%`) measures what its neighbour in the sentence measures: the category with the
/// neighbour's measure (`集体企业增加值`). A level goes to [`parallel_level`].
fn complete_measure(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize, (t, range): Found) -> Found {
    let growth = |k: usize| is_growth_rate(&ctx.facts[k].value);
    if !growth(i) {
        return parallel_level(ctx, notes, records, i, (t, range));
    }
    // (Words that end with 量 name an amount of their own: `用水量`, `化学需氧量`.)
    if measure_head(&t).is_some() || t.ends_with('量') || names_rate(&t) || records[i].as_ref().is_some_and(|r| r.of.is_some()) {
        return (t, range);
    }
    let neighbour = (0..i).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| growth(j));
    let head = neighbour.and_then(|j| records[j].as_ref()?.indicator.as_ref()).and_then(|ind| measure_head(&ind.text));
    // (An abbreviation, `CPI`, is a measure of its own.)
    // (Only a category of the neighbour's kind: its last character, the kind, stands in the
    // neighbour's words, `集体企业` after `国有控股企业增加值`, `轻工业` after `重工业增加值`,
    // `农村居民` after `城镇居民人均可支配收入`; a product after a total, `钢` after `工业总产值`,
    // is none.)
    let neighbour_words = neighbour.and_then(|j| records[j].as_ref()?.indicator.as_ref()).map_or("", |ind| ind.text.as_str());
    let same_kind = t.chars().next_back().is_some_and(|c| neighbour_words.contains(c));
    match head {
        Some(h) if !t.contains(h) && !t.contains(|c: char| c.is_ascii_alphabetic()) && same_kind => {
            // The words the category ends with may be the measure's first (`轻工业` + `工业增加值`).
            let shared = h.char_indices().map(|(k, _)| k).filter(|&k| k > 0 && t.ends_with(&h[..k])).max().unwrap_or(0);
            (format!("{t}{}", &h[shared..]), None)
        }
        _ => (t, range),
    }
}

/// A level whose words name only a category (`农村居民11230元` after `城镇居民人均可支配收入38650元`,
/// `服务业1380亿元` after `制造业投资金额980亿元`) measures what the level of its unit before it in
/// the sentence measures: the category, then what follows the same head noun in the neighbour's
/// words (`农村居民人均可支配收入`).
fn parallel_level(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize, (t, range): Found) -> Found {
    let same_unit = |j: usize| {
        matches!(ctx.facts[i].value, Value::Money(_) | Value::Quantity(_))
            && super::relate::same_unit(&ctx.facts[j].value, &ctx.facts[i].value)
    };
    // (A figure is of its own unit: only its kind is asked, without comparing its unit with itself.)
    if !matches!(ctx.facts[i].value, Value::Money(_) | Value::Quantity(_)) || notes[i].change || t.chars().nth(1).is_none() {
        return (t, range);
    }
    let neighbour = (0..i)
        .rev()
        .take(8)
        .take_while(|&j| notes[j].stop == notes[i].stop)
        .filter(|&j| !notes[j].change && notes[j].periodless == notes[i].periodless)
        .find(|&j| same_unit(j));
    let Some(words) = neighbour.and_then(|j| records[j].as_ref()?.indicator.as_ref()).map(|ind| ind.text.as_str()) else {
        return (t, range);
    };
    if measure_head(&t).is_some() || names_rate(&t) {
        return (t, range);
    }
    // (Not a time's words, `…每年`, nor a change's, `共增产粮食`, `新增固定资产`: a measure of
    // their own.)
    // (One pass over the words for all the verbs: a search per verb built a searcher for each.)
    static CHANGES: std::sync::LazyLock<Lexicon> =
        std::sync::LazyLock::new(|| Lexicon::new(CHANGE_VERBS.iter().chain(&["新增", "增产", "减产"]).copied()));
    if t.ends_with(['年', '月', '日', '季']) || CHANGES.occurs_in(&t) {
        return (t, range);
    }
    // The head noun: the category's last character, or last two (`居民`, `企业`), each after
    // a short qualifier of its own (`城镇` / `农村`, `制造` / `服务`).
    let short = |s: &str| s.chars().count() <= 5;
    let heads = t.char_indices().rev().take(2).filter(|&(k, _)| short(&t[..k])).map(|(k, _)| &t[k..]);
    // (The head is found by its last byte, [`word_starts`]: `str::find` builds a substring
    // searcher for each.)
    let rest = heads.filter_map(|h| word_starts(words, h).next().filter(|&k| short(&words[..k])).map(|k| &words[k + h.len()..])).last();
    match rest {
        Some(rest) if !rest.is_empty() && !t.ends_with(rest) && (measure_head(rest).is_some() || rest.ends_with('额')) => {
            (format!("{t}{rest}"), None)
        }
        _ => (t, range),
    }
}

/// Characters that end a noun phrase naming what is counted (项目, 企业, 客商, 线索 ...).
const NOUN_HEADS: &str = "目业商索队户家资额金人员部会品构所校链园场台次批项件案宗问师者班组团议同体点位厂房专士才票证书站库室馆院区镇村街路线桥港座栋套辆架艘颗头口条器机车船地田林池窑炉岗位协策标法规务客";

/// [`NOUN_HEADS`] as a set (a figure's words are asked several times).
static NOUN_HEAD_SET: std::sync::LazyLock<CharSet> = std::sync::LazyLock::new(|| CharSet::new(NOUN_HEADS.chars()));

/// Whether `c` is one of [`NOUN_HEADS`].
fn is_noun_head(c: char) -> bool {
    NOUN_HEAD_SET.contains(c)
}

/// Whether `s` ends with one of [`NOUN_HEADS`].
fn ends_with_noun(s: &str) -> bool {
    s.chars().next_back().is_some_and(is_noun_head)
}

/// A count's indicator: the words before it when they name what is counted (`新签约项目52个`),
/// else the noun phrase after it (`组建11个招商小分队`), else its subject.
fn count_indicator(
    ctx: &Context<'_>,
    i: usize,
    own: Option<(String, Option<std::ops::Range<usize>>)>,
    subject: Option<&str>,
) -> Option<(String, Option<std::ops::Range<usize>>)> {
    // A number of people that sizes a group (`组成80多人的代表团`, `一支30人的招商小分队`): the
    // group's members. (Asked before the noun phrase after the count is segmented.)
    if let Some(group) = group_sized(ctx, i) {
        return Some(group);
    }
    // The noun phrase after the count, unless it is the next figure's words (`34个合同引资51.61亿元`).
    let following = following_words(ctx, i).and_then(|r| {
        let next_is_figure = ctx.spans.get(i + 1).is_some_and(|s| s.start == r.end) && ctx.facts[i + 1].is_figure();
        let phrase = noun_phrase(ctx.text, r.clone()).or_else(|| event_after(ctx, i, r.clone()));
        // (`38个行业大类中有33个`: the things among which the next count is counted.)
        let among = phrase.clone().is_some_and(|p| ["中有", "中"].iter().any(|w| ctx.text[p.end..r.end] == **w));
        if next_is_figure && !among { None } else { phrase }
    });
    // One count among another's things (`38个行业大类中有33个`) counts those things.
    if let Some(among) = among_before(ctx, i) {
        return Some((ctx.text[among.clone()].to_owned(), Some(among)));
    }
    if following.is_none()
        && let Some(shared) = level_before_list(ctx, i)
    {
        return Some(shared);
    }
    if let Some((w, _)) = &own
        && ends_with_noun(w)
        && (following.is_none() && !is_verb(w))
    {
        return own;
    }
    if let Some(range) = head_after_modifiers(ctx, i) {
        return Some((ctx.text[range.clone()].to_owned(), Some(range)));
    }
    if let Some(mut range) = following {
        // 家 and 户 count organisations: `160多家企业负责人` counts 企业.
        let Value::Count(c) = &ctx.facts[i].value else { unreachable!("a count") };
        if matches!(c.classifier.as_str(), "家" | "户") {
            for w in ["负责人", "代表", "人员", "员工", "家属"] {
                if ctx.text[range.clone()].ends_with(w) && range.len() > w.len() {
                    range.end -= w.len();
                }
            }
        }
        return Some((ctx.text[range.clone()].to_owned(), Some(range)));
    }
    match subject {
        // (A subject that is only a verb, `完成`, names nothing counted; nor does a place's
        // suffix, `新建区25个` read as 新建 and 区.)
        Some(s) if ["市", "县", "区", "省", "州", "镇", "乡", "旗"].contains(&s) => own,
        // (Nor the place the count is of, `珠三角地区19个` after `长三角地区的项目31个`: a list's
        // item, which the list's first names.)
        Some(s)
            if i.checked_sub(1)
                .is_some_and(|j| matches!(ctx.facts[j].value, Value::Place(_)) && s.starts_with(&ctx.text[ctx.spans[j].clone()])) =>
        {
            own
        }
        Some(s) if ends_with_noun(s) || !s.chars().all(is_han) => Some((s.to_owned(), subject_span(ctx, i, s))),
        _ => own,
    }
}

/// What a count followed only by a level (`国家级`, `省级`) and 、 counts: things of that level
/// named by the next count of its classifier (`建成8个国家级、13个省级区域医疗中心` → 国家级区域
/// 医疗中心), whose noun the two share.
fn level_before_list(ctx: &Context<'_>, i: usize) -> Option<Found> {
    let (Value::Count(a), Some(Value::Count(b))) = (&ctx.facts[i].value, ctx.facts.get(i + 1).map(|f| &f.value)) else { return None };
    let own = following_words_raw(ctx, i)?;
    if a.classifier != b.classifier || ctx.spans[i + 1].start != own.end + '、'.len_utf8() || !ctx.text[own.end..].starts_with('、') {
        return None;
    }
    // (A level is a word of up to four characters that ends in 级; the next count's starts its
    // words, which jieba may join to the noun after it, `省级重点`.)
    let level = &ctx.text[own.clone()];
    if !level.ends_with('级') || level.chars().count() > 4 || !level.chars().all(is_han) {
        return None;
    }
    let next = following_words(ctx, i + 1).and_then(|r| noun_phrase(ctx.text, r))?;
    let words = &ctx.text[next];
    let head = words.char_indices().take(4).find(|&(_, c)| c == '级').map(|(k, c)| &words[k + c.len_utf8()..])?;
    (head.chars().count() >= 2).then(|| (format!("{level}{head}"), None))
}

/// What a count of events counts when a verb names it right after the classifier (`接获710宗
/// 申请`, `35件投诉`): 宗, 件 and 项 count cases and requests, which a verb's noun use names. Only
/// at a clause's end: a verb with an object after it is a predicate.
fn event_after(ctx: &Context<'_>, i: usize, r: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let Value::Count(c) = &ctx.facts[i].value else { return None };
    if !matches!(c.classifier.as_str(), "宗" | "件" | "项") {
        return None;
    }
    // (Not before 、: `178项节能、节水…工程` lists what the count's noun is about.)
    let ends_clause = ctx.text[r.end..].chars().next().is_none_or(|c| super::is_clause_mark(c) && c != '、');
    let words = &ctx.text[r.clone()];
    // (What befell the things counted is no noun: `其中100宗获批`, `3宗已落地`.)
    let befell = words.starts_with(['获', '被', '已', '均', '全', '都']);
    (ends_clause && !befell && (2..=4).contains(&words.chars().count()) && words.chars().all(is_han) && is_verb(words)).then_some(r)
}

/// The things counted by the count before figure `i` when `i` is counted among them (`38个行业大类
/// 中有33个`).
fn among_before(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let j = i.checked_sub(1)?;
    let (Value::Count(a), Value::Count(b)) = (&ctx.facts[j].value, &ctx.facts[i].value) else { return None };
    let between = ctx.text.get(ctx.spans[j].end..ctx.spans[i].start)?;
    let head = ["中有", "中"].iter().find_map(|w| between.strip_suffix(w))?;
    if a.classifier != b.classifier || head.is_empty() {
        return None;
    }
    let head = ctx.spans[j].end..ctx.spans[j].end + head.len();
    noun_phrase(ctx.text, ctx.spans[j].end..ctx.spans[i].start).filter(|p| *p == head)
}

/// Whether `w` is one verb (`出台`, `建成`): a verb ending in a noun's character says what was
/// done, not what was counted.
fn is_verb(w: &str) -> bool {
    let words = crate::segment::words_in(w, 0..w.len());
    words.len() == 1 && words[0].tag.starts_with('v') && words[0].tag != "vn"
}

/// The noun phrase right after an amount (`带来5亿元投资`, `8亿元的投资`, `80亿目标任务`), when it
/// is no next figure's words.
fn noun_after_amount(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let mut range = following_words(ctx, i)?;
    if ctx.text[range.clone()].starts_with('的') {
        range.start += '的'.len_utf8();
    }
    // (A phrase that ends with a measure holds it: words without one are not segmented.)
    static HEADS: std::sync::LazyLock<Lexicon> =
        std::sync::LazyLock::new(|| Lexicon::new(MEASURE_HEADS.iter().chain(AMOUNT_HEADS).copied()));
    if !HEADS.occurs_in(&ctx.text[range.clone()]) {
        return None;
    }
    let phrase = noun_phrase(ctx.text, range.clone())?;
    // (Words that run up to the next figure are its own: `8亿元投资额10亿元`.)
    if phrase.end == range.end && ctx.spans.get(i + 1).is_some_and(|s| s.start == range.end) && ctx.facts[i + 1].is_figure() {
        return None;
    }
    let words = &ctx.text[phrase.clone()];
    (measure_head(words).is_some() || AMOUNT_HEADS.iter().any(|h| words.ends_with(h))).then_some(phrase)
}

/// What an amount's noun ends with besides a measure ([`MEASURE_HEADS`]): a task, a target, funds.
const AMOUNT_HEADS: &[&str] = &["任务", "目标", "资金", "金额", "投资额"];

/// The clause before a figure's when the figure's own has no words and starts its sentence's
/// figures (`来自北方的游客,则增加5%至20万人次`, `五星级酒店入住率最高,为80%`): its topic.
fn topic_clause(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<std::ops::Range<usize>> {
    let (sentence, mark) = (notes[i].sentence, notes[i].clause_mark);
    // (A time in brackets, `较上期(2019年7月至9月)下跌`, is an aside: the clause runs on across
    // it.)
    let mark = match i.checked_sub(1) {
        Some(j) if matches!(ctx.facts[j].value, Value::Time(_)) && ctx.spans[j].end < mark => {
            let (before, after) = (ctx.text.get(..ctx.spans[j].start).unwrap_or(""), ctx.text.get(ctx.spans[j].end..mark).unwrap_or(""));
            match before.strip_suffix(['(', '（']) {
                Some(open) if matches!(after, ")" | "）") => super::back_to(ctx.text, open.len(), sentence, super::is_clause_mark),
                _ => mark,
            }
        }
        _ => mark,
    };
    let own = ctx.text.get(mark..ctx.spans[i].start)?;
    // No figure before the figure in its sentence (a time may scope it: `今明两年继续提高…,人均
    // 每年增长10%`). (Asked first: it rules out most figures, and costs less than trimming
    // their words.)
    if mark <= sentence || (0..i).rev().take_while(|&j| ctx.spans[j].end > sentence).any(|j| ctx.facts[j].is_figure()) {
        return None;
    }
    // (A time between, `将由1952年的39.7%`, `到今年上半年有6600个`, says when: the words on either
    // side of it are asked.)
    let time_between = i
        .checked_sub(1)
        .filter(|&j| matches!(ctx.facts[j].value, Value::Time(_)) && ctx.spans[j].start >= mark)
        .map(|j| ctx.spans[j].clone());
    // (A time in brackets, `较上期(2019年7月至9月)下跌`, is an aside of the words around it.)
    let says_nothing = |words: &str| {
        let words = trim_str(words).trim_matches(['(', ')', '（', '）']);
        let words = words.strip_suffix('的').unwrap_or(words);
        words.is_empty() || is_role_only(words) || is_per_unit(words)
    };
    let nothing = match time_between {
        Some(t) => says_nothing(&ctx.text[mark..t.start]) && says_nothing(&ctx.text[t.end..ctx.spans[i].start]),
        None => says_nothing(own),
    };
    if !nothing {
        return None;
    }
    let end = ctx.text[..mark].char_indices().next_back().map(|(k, _)| k)?;
    let start = super::back_to(ctx.text, end, sentence, super::is_clause_mark);
    // (A topic given a value no recognizer reads, an index or a price without a unit, `住宅价格
    // 指数为267.4,较上期下跌0.1%`: what has the value, after any time that dates it.)
    let (start, end) = match valued_topic(&ctx.text[start..end]) {
        Some(at) => {
            let after_time = (0..i).rev().take(4).map(|j| ctx.spans[j].end).find(|&e| e <= start + at).filter(|&e| e > start);
            let from = after_time.unwrap_or(start);
            let from = from + ctx.text.get(from..start + at).and_then(|w| w.strip_prefix('的')).map_or(0, |_| '的'.len_utf8());
            (from, start + at)
        }
        None => (start, end),
    };
    let range = drop_leading_verbs(ctx.text, trim(ctx.text, start..end));
    let words = &ctx.text[range.clone()];
    (ends_with_noun(words) || names_rate(words) || measure_head(words).is_some()).then_some(range)
}

/// Where the copula stands in a clause that ends with a bare number given as its value
/// (`住宅价格指数为267.4`, `综合指数是98.5`): a number of no unit, which no recognizer reads.
fn valued_topic(clause: &str) -> Option<usize> {
    let value = clause.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    let digits = &clause[value.len()..];
    if !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    value.strip_suffix(['为', '是']).map(str::len).filter(|&at| at > 0)
}

/// One of a list of places each with its figure (`甲市获投资80亿元最多、乙市60亿元居次、丙市40亿元`):
/// a figure whose clause names only a place takes the indicator of the figure of its kind before
/// it in the full sentence.
fn place_listed(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    // (Words that are a place and no more say where, not what: `其中甲区(262.3)下跌0.3%`.)
    let from = match &notes[i].words {
        None => notes[i].clause_mark,
        Some(words) if is_place_only(ctx, i, words) => words.start,
        Some(_) => return None,
    };
    // The facts between the clause's mark and the figure are places.
    let mut k = i.checked_sub(1)?;
    if !matches!(ctx.facts[k].value, Value::Place(_)) || ctx.spans[k].start < from {
        return None;
    }
    while k > 0 && matches!(ctx.facts[k].value, Value::Place(_)) && ctx.spans[k].start >= from {
        k -= 1;
    }
    let kind = ctx.facts[i].kind();
    let j = (0..=k).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| ctx.facts[j].kind() == kind);
    match j {
        Some(j) => indicator_of(records, j),
        None => respective_head(ctx, notes, k + 1),
    }
}

/// An average per day, month or head of the figure before it in its sentence, written with no
/// words of its own (`入境旅客共268万人次,日均约8.6万人次`): that figure's indicator, so averaged
/// (日均入境旅客).
fn averaged(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize) -> Option<Found> {
    const AVERAGES: &[&str] = &["日均", "月均", "周均", "户均", "人均", "平均每日", "平均每天", "平均每月", "每日平均", "每天平均"];
    let words = ctx.text.get(notes[i].clause_mark..ctx.spans[i].start)?;
    // (Asked of every figure: most figures' words are longer than an average word and a hedge,
    // or end otherwise.)
    if words.len() > 8 * 3 || !words.ends_with(['均', '日', '天', '月', '约', '近', '超', '逾', '达', '为', '有', ' ']) {
        return None;
    }
    let words = trimmed(words);
    // (With a hedge or a verb of being before the figure: `日均约`, `日均达`.)
    let words = words.trim_end_matches(['约', '近', '超', '逾', '达', '为', '有']);
    if !AVERAGES.contains(&words) {
        return None;
    }
    let kind = ctx.facts[i].kind();
    let j = (0..i).rev().take(6).take_while(|&j| notes[j].sentence == notes[i].sentence).find(|&j| ctx.facts[j].kind() == kind)?;
    let (measured, _) = indicator_of(records, j)?;
    (!measured.starts_with(words)).then(|| (format!("{words}{measured}"), None))
}

/// A count named only by where its things come from or by what state they are in: what its
/// whole counts, from there or in that state. A country (`其次是美国(39间)`, `来自加拿大的有10宗`
/// → 美国企业) takes the figure it is part of or, without one, the figure of its kind before it in
/// its full sentence as its whole; a state (`其中在建1家`, `其中停产实施技改3家` → 在建企业) only
/// a figure it is part of. What the whole counts is its indicator's last noun.
fn of_origin(ctx: &Context<'_>, notes: &[Notes], records: &[Option<Box<Record>>], i: usize, found: Found) -> Found {
    // (Asked first of what costs least: a count, words not ending as most nouns do and as short
    // as a name or a state, no place fact right before, and a whole with an indicator; only
    // then the segmenter.)
    if !matches!(ctx.facts[i].value, Value::Count(_)) || ends_with_noun(&found.0) {
        return found;
    }
    let words = found.0.strip_prefix("来自").unwrap_or(&found.0);
    if !(2..=6).contains(&words.chars().count()) || i.checked_sub(1).is_some_and(|k| matches!(ctx.facts[k].value, Value::Place(_))) {
        return found;
    }
    let kind = ctx.facts[i].kind();
    let part_of = records[i].as_ref().and_then(|r| r.part_of).filter(|&j| j < i);
    let whole =
        part_of.or_else(|| (0..i).rev().take(8).take_while(|&j| notes[j].stop == notes[i].stop).find(|&j| ctx.facts[j].kind() == kind));
    let Some(measured) = whole.and_then(|j| records[j].as_ref()?.indicator.as_ref()).map(|ind| ind.text.as_str()) else { return found };
    let named = crate::segment::words(words);
    let place = matches!(named.as_slice(), [w] if w.tag == "ns");
    // (A state's words hold no noun: `在建`, `停产实施技改`, not `亿元以上项目`. By the noun tags
    // themselves: `Word::is_noun` also counts verbal nouns and abbreviations, which name doings.)
    let state = part_of.is_some() && !named.iter().any(|w| w.tag.starts_with('n') && w.tag != "nz");
    if !place && !state {
        return found;
    }
    let head = crate::segment::words(measured).last().filter(|w| w.is_noun() && w.tag != "ns").map(|w| w.text.to_owned());
    match head {
        Some(head) => (format!("{words}{head}"), None),
        None => found,
    }
}

/// A milestone crossed right before figure `i` in its sentence (`突破3万亿元大关,`), with no
/// figure between.
fn milestone_before(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<usize> {
    let j = (0..i).rev().take(4).take_while(|&j| notes[j].sentence == notes[i].sentence).find(|&j| ctx.facts[j].is_figure())?;
    super::when::is_milestone(ctx.text.get(ctx.spans[j].end..)?).then_some(j)
}

/// Whether figure `i`'s words are the place right before it and no more (`其中甲区(262.3)下跌
/// 0.3%`): they say where, not what.
fn is_place_only(ctx: &Context<'_>, i: usize, words: &std::ops::Range<usize>) -> bool {
    i.checked_sub(1).is_some_and(|k| matches!(ctx.facts[k].value, Value::Place(_)) && ctx.spans[k] == *words)
}

/// What a 分别 list of places with their figures measures (`各县区实际利用外资分别为:南昌县1.2亿
/// 美元、进贤县0.8亿美元`): the words before 分别, without the 各 that names the places listed.
fn respective_head(ctx: &Context<'_>, notes: &[Notes], place: usize) -> Option<Found> {
    let text = ctx.text;
    let head = text.get(notes[place].stop.min(ctx.spans[place].start)..ctx.spans[place].start)?;
    let k = rfind_word(head, "分别")?;
    // (Only the list's mark between 分别为 and its first place.)
    let rest = head[k + "分别".len()..].trim_start_matches(['为', '是']);
    if !rest.trim_start_matches([':', '：', ',', '，']).trim().is_empty() {
        return None;
    }
    let end = notes[place].stop.min(ctx.spans[place].start) + k;
    let start = super::back_to(text, end, notes[place].stop, super::is_clause_mark);
    let mut range = trim(text, start..end);
    // 各县区, 各县(区), 各地: the places, not what is measured.
    if let Some(after) = text[range.clone()].strip_prefix('各') {
        let places = after.chars().take_while(|c| "县区市镇乡地州旗()（）、".contains(*c)).map(char::len_utf8).sum::<usize>();
        if places > 0 {
            range.start += '各'.len_utf8() + places;
        }
    }
    let range = drop_leading_verbs(text, trim(text, range));
    (!range.is_empty() && !is_role_only(&text[range.clone()])).then(|| (text[range.clone()].to_owned(), Some(range)))
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Verbs that make a noun compound with the noun after them (`签约项目`, `推介项目`).
const COMPOUND_VERBS: &[&str] = &[
    "签约", "推介", "招商", "对接", "引进", "投资", "开工", "建设", "合作", "在谈", "储备", "谋划", "考察", "竣工", "投产", "落地", "入驻",
    "新建", "续建", "在建", "拟建", "签订", "回访", "到位", "控股", "参股", "独资", "合资",
];

/// [`COMPOUND_VERBS`] as six-byte arrays (each is two characters of three bytes, which the
/// compiler checks below): a word is compared with them inline, where comparing strings of
/// equal length calls memcmp for each (every word of two characters is asked, once per cut).
const COMPOUND_VERB_BYTES: [[u8; 6]; COMPOUND_VERBS.len()] = {
    let mut bytes = [[0u8; 6]; COMPOUND_VERBS.len()];
    let mut k = 0;
    while k < COMPOUND_VERBS.len() {
        let verb = COMPOUND_VERBS[k].as_bytes();
        assert!(verb.len() == 6, "a compound verb of two characters of three bytes");
        let mut b = 0;
        while b < 6 {
            bytes[k][b] = verb[b];
            b += 1;
        }
        k += 1;
    }
    bytes
};

/// Whether `w` is one of [`COMPOUND_VERBS`].
fn is_compound_verb(w: &str) -> bool {
    <[u8; 6]>::try_from(w.as_bytes()).is_ok_and(|b| COMPOUND_VERB_BYTES.contains(&b))
}

/// The noun phrase at the start of `range` (`重点项目配备了…` → 重点项目, `停滞项目重新启动` →
/// 停滞项目), by jieba's parts of speech: words up to an adverb, a conjunction, a particle, a
/// time or a punctuation mark, or a verb once a noun has been read; ending on its last noun.
fn noun_phrase(text: &str, range: std::ops::Range<usize>) -> Option<std::ops::Range<usize>> {
    let words = crate::segment::words_in(text, range.clone());
    let is_noun = |tag: &str| tag.starts_with('n') || matches!(tag, "j" | "l" | "vn" | "an" | "nz");
    let mut end = None;
    let mut seen_noun = false;
    for (k, w) in words.iter().enumerate() {
        let tag = w.tag;
        if matches!(w.text, "“" | "”" | "\"") {
            continue;
        }
        // A verb before a noun that makes a compound with it (签约项目, 推介项目) continues; not
        // before a verbal noun, which it governs (`项目开工建设`).
        // (`实际使用外资`, `实际利用外资`: what was actually used is what is measured.)
        let compound = || {
            (is_compound_verb(w.text) || k > 0 && words[k - 1].text == "实际")
                && words.get(k + 1).is_some_and(|n| is_noun(n.tag) && n.tag != "vn")
        };
        // A verbal noun after the noun and before a verb is the predicate (`实验室重组完成`).
        let predicate =
            tag == "vn" && seen_noun && words.get(k + 1).is_some_and(|n| n.tag.starts_with('v') && n.tag != "vn" || n.tag.starts_with('d'));
        // A place or direction before a noun (`两岸共通标准`), or a word that points at one
        // (`本地企业`, `各类项目`), is the noun's modifier; 及, 和 or 与 between two of them joins
        // them (`海外及内地企业`).
        let is_modifier = |w: &crate::segment::Word<'_>| matches!(w.tag, "f" | "s" | "r");
        let joins = |w: &crate::segment::Word<'_>| w.tag == "c" && matches!(w.text, "及" | "和" | "与");
        let leads_to_noun = |from: usize| words[from..].iter().find(|w| !(is_modifier(w) || joins(w))).is_some_and(|w| is_noun(w.tag));
        let modifier = !seen_noun && (is_modifier(w) || joins(w) && k > 0 && is_modifier(&words[k - 1])) && leads_to_noun(k + 1)
            // Two nouns joined before the noun they qualify (`外地和内地企业`).
            || seen_noun
                && joins(w)
                && leads_to_noun(k + 1)
                && words.get(k + 2).is_some_and(|n| n.tag.starts_with('n'))
                // (Where the phrase ends: the words, a verb or a preposition, not more of a word;
                // and not words cut short where the look ended, in the middle of a word.)
                && match words.get(k + 3) {
                    Some(n) => n.tag.starts_with(['v', 'p', 'd', 'x']) && n.tag != "vn",
                    None => !text[range.end..].starts_with(|c: char| is_han(c)),
                };
        // Coming to or going to a place named by its one-character name after the noun
        // (`公司来港`, `企业赴沪`) is the predicate, whatever tag the segmenter gives it.
        let motion = seen_noun && is_motion(w.text);
        // A relative clause led by a verb before 的 (`103家有营业的酒店`) modifies the noun
        // after 的, which is what is counted; not a noun's 的 (`3个产业园的基础设施`).
        let relative = w.text == "的"
            && seen_noun
            && words.first().is_some_and(|f| f.tag.starts_with('v') && f.tag != "vn")
            && words.get(k + 1).is_some_and(|n| is_noun(n.tag) && n.tag != "vn");
        let stop = !modifier
            && !relative
            && (predicate
                || motion
                || tag.starts_with('d')
                || tag.starts_with('c')
                || tag.starts_with('u')
                || tag.starts_with('p')
                || tag.starts_with('r')
                || matches!(tag, "x" | "f" | "t" | "i" | "y" | "e" | "o")
                || (tag.starts_with('v') && tag != "vn" && seen_noun && !compound()));
        if stop {
            break;
        }
        if is_noun(tag) {
            seen_noun = true;
            end = Some(w.end);
        }
    }
    end.map(|e| range.start..e)
}

/// Whether `word` is a verb of coming or going and a place's one-character name (`来港`, `赴沪`,
/// `回台`).
fn is_motion(word: &str) -> bool {
    const SHORT_NAMES: &str = "港澳台华京沪津渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔滇云藏陕甘青宁新深穗厦";
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some('来' | '赴' | '回' | '到' | '在'), Some(c), None) if SHORT_NAMES.contains(c))
}

/// The members of a group a count of people sizes (`80多人的代表团` → 代表团成员): a count in 人,
/// 名 or 位, then 的 and a noun phrase that names a group.
fn group_sized(ctx: &Context<'_>, i: usize) -> Option<Found> {
    const GROUPS: &[char] = &['团', '队', '组'];
    let Value::Count(c) = &ctx.facts[i].value else { return None };
    if !matches!(c.classifier.as_str(), "人" | "名" | "位") || !ctx.text.get(ctx.spans[i].end..)?.starts_with('的') {
        return None;
    }
    let from = ctx.spans[i].end + '的'.len_utf8();
    let limit = super::clause_end(ctx.text, from);
    let end = ctx.text.get(from..limit)?.char_indices().nth(8).map_or(limit, |(k, _)| from + k);
    let phrase = noun_phrase(ctx.text, from..end)?;
    let group = &ctx.text[phrase];
    group.ends_with(GROUPS).then(|| (format!("{group}成员"), None))
}

/// The noun at the end of a list of modifiers after a count (`39名懂业务、懂经济…的干部`): the
/// words after the first 的 that follows a list (、), up to a clause mark.
fn head_after_modifiers(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let start = ctx.spans[i].end;
    let limit = ctx.spans.get(i + 1).map_or(ctx.text.len(), |s| s.start.max(start));
    let words = ctx.text.get(start..limit)?;
    let mut de = None;
    let mut listed = false;
    for (n, (k, c)) in words.char_indices().enumerate() {
        if n >= 40 || super::is_sentence_mark(c) || c == ',' {
            return None;
        }
        listed |= c == '、';
        if c == '的' {
            de = Some(start + k + c.len_utf8());
            break;
        }
    }
    if !listed {
        return None;
    }
    let from = de?;
    let mut end = from;
    for (n, (k, c)) in ctx.text[from..limit].char_indices().enumerate() {
        if super::is_clause_mark(c) || n >= 6 {
            break;
        }
        end = from + k + c.len_utf8();
        // The first noun head ends the phrase (`的干部充实…` → 干部).
        if n >= 1 && is_noun_head(c) {
            break;
        }
    }
    (end > from && ends_with_noun(&ctx.text[from..end])).then_some(from..end)
}

/// The noun phrase right after a count, up to the next clause mark or fact (at most twelve
/// characters), without a closing 中 or 等.
pub(crate) fn following_words(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let mut range = following_words_raw(ctx, i)?;
    for w in ["中", "等"] {
        if ctx.text[range.clone()].ends_with(w) {
            range.end -= w.len();
        }
    }
    (!range.is_empty()).then_some(range)
}

/// How many characters [`following_words_raw`] reads after a fact, at most.
pub(crate) const FOLLOWING_CHARS: usize = 12;

/// The words right after a fact up to the next clause mark or fact, at most
/// [`FOLLOWING_CHARS`] characters (quotation marks are read through).
pub(crate) fn following_words_raw(ctx: &Context<'_>, i: usize) -> Option<std::ops::Range<usize>> {
    let start = ctx.spans[i].end;
    let limit = ctx.spans.get(i + 1).map_or(ctx.text.len(), |s| s.start.max(start));
    let mut end = start;
    let words = ctx.text.get(start..limit)?;
    // 和, 及 and 与 join the next figure's words to these (`企业5家和项目3个`) when a figure
    // follows in the clause; else they join two modifiers of one noun (`5家海外及内地企业`).
    // (Asked only at a 和, 及 or 与: it reads on to the clause's end.)
    let figure_follows = || ctx.facts.get(i + 1).is_some_and(crate::fact::Fact::is_figure) && !words.contains(super::is_clause_mark);
    static PREDICATE_FIRST: std::sync::LazyLock<CharSet> =
        std::sync::LazyLock::new(|| CharSet::new(PREDICATE_WORDS.iter().filter_map(|w| w.chars().next())));
    for (n, (k, c)) in words.char_indices().enumerate() {
        if matches!(c, '“' | '”' | '"') && n < 10 {
            continue;
        }
        if super::is_clause_mark(c) || n >= FOLLOWING_CHARS {
            break;
        }
        // The predicate starts: `8支招商小分队共签约项目…`; not a word that a predicate's
        // first character begins (`两岸共通标准`).
        let predicate = n > 0
            && PREDICATE_FIRST.contains(c)
            && PREDICATE_WORDS.iter().any(|w| words[k..].starts_with(w))
            && (!matches!(c, '和' | '及' | '与') || figure_follows())
            && !begins_other_word(&words[k..]);
        if predicate {
            break;
        }
        end = start + k + c.len_utf8();
    }
    (end > start).then_some(start..end)
}

/// Whether `s` begins with a dictionary word of two characters that is no predicate's word and
/// whose first character is one ([`PREDICATE_WORDS`] of one character: `共通`, `均衡`, `已知`).
fn begins_other_word(s: &str) -> bool {
    let mut chars = s.char_indices();
    let (Some((_, first)), Some((k, second))) = (chars.next(), chars.next()) else { return false };
    let pair = &s[..k + second.len_utf8()];
    let one_char_word = PREDICATE_WORDS.iter().any(|w| w.chars().count() == 1 && w.starts_with(first));
    // (共有 totals what follows: `8支小分队共有队员…`.)
    one_char_word && pair != "共有" && !PREDICATE_WORDS.contains(&pair) && crate::segment::has_word(pair)
}

/// Words that start the predicate after a figure's noun phrase.
const PREDICATE_WORDS: &[&str] = &[
    "共", "累计", "已", "均", "共计", "总计", "合计", "分别", "先后", "新签", "和", "及", "与", "开展", "进行", "实施", "推进", "实现",
    "参加", "参与",
];

/// The span of a count's subject: right after the count (`组建11个招商小分队`) or right before
/// it (`新签约项目52个`).
fn subject_span(ctx: &Context<'_>, i: usize, subject: &str) -> Option<std::ops::Range<usize>> {
    let span = &ctx.spans[i];
    if ctx.text[span.end..].starts_with(subject) {
        return Some(span.end..span.end + subject.len());
    }
    ctx.text[..span.start].ends_with(subject).then(|| span.start - subject.len()..span.start)
}

/// A figure that opens a parenthesis with no words of its own (`(占比为45%)`) takes the words
/// before the parenthesis.
fn parenthetical(ctx: &Context<'_>, notes: &[Notes], i: usize) -> Option<(String, Option<std::ops::Range<usize>>)> {
    let open = notes[i].paren?;
    let start = super::back_to(ctx.text, open, notes[i].sentence, super::is_clause_mark);
    let range = trim(ctx.text, start..open);
    let mut range = trim_comparison(ctx.text, range);
    // `完成全年任务(42.5亿元)`: the task, not its completion.
    for w in ["完成", "占"] {
        if ctx.text[range.clone()].starts_with(w) && range.len() > w.len() {
            range.start += w.len();
        }
    }
    (!range.is_empty()).then(|| (ctx.text[range.clone()].to_owned(), Some(range)))
}

/// One of a list of figures in parentheses (`来自台湾(3.7万人次)、香港(1.8万人次)及韩国团客(1.7万
/// 人次)`): the words before its parenthesis completed with the noun the list's last item ends
/// with (`台湾团客`).
fn paren_run_head(ctx: &Context<'_>, notes: &[Notes], i: usize, words: String, range: Option<std::ops::Range<usize>>) -> Found {
    // The list's later items: figures in parentheses of the same kind, each after `)、X(` or
    // `)及X(`.
    let mut last = None;
    let mut k = i;
    // (Places named in the list are facts too: the next figure is looked for past them.)
    while let Some(n) = (k + 1..ctx.facts.len().min(k + 4)).find(|&n| ctx.facts[n].is_figure()) {
        let Some(open) = notes[n].paren else { break };
        let between = ctx.text.get(ctx.spans[k].end..open).unwrap_or("");
        let joined = between.strip_prefix(')').is_some_and(|b| b.starts_with(['、', '和', '及', '与']) && b.chars().count() <= 12);
        if ctx.facts[n].kind() != ctx.facts[i].kind() || !joined || notes[n].sentence != notes[i].sentence {
            break;
        }
        last = Some(between.strip_prefix(')').unwrap_or("").trim_start_matches(['、', '和', '及', '与']).to_owned());
        k = n;
    }
    let Some(last) = last else { return (words, range) };
    let noun: String = last.chars().rev().take(2).collect::<Vec<_>>().into_iter().rev().collect();
    if noun.chars().count() == 2 && !words.ends_with(&noun) && ends_with_noun(&noun) {
        let words = words.strip_prefix("来自").unwrap_or(&words).to_owned();
        (format!("{words}{noun}"), None)
    } else {
        (words, range)
    }
}

/// Drop a leading 比 / 较 (`比自治区下达任务`).
fn trim_comparison(text: &str, mut range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    for w in ["比", "较", "高于", "低于"] {
        if text[range.clone()].starts_with(w) {
            range.start += w.len();
        }
    }
    range
}

/// The indicator of the figure this one follows in a list: the previous figure of the same
/// kind in the sentence, when only list words stand between them.
fn listed_after(
    ctx: &Context<'_>,
    notes: &[Notes],
    records: &[Option<Box<Record>>],
    i: usize,
) -> Option<(String, Option<std::ops::Range<usize>>)> {
    let j = i.checked_sub(1)?;
    if !ctx.facts[j].is_figure() || notes[j].sentence != notes[i].sentence {
        return None;
    }
    let between = ctx.text.get(ctx.spans[j].end..ctx.spans[i].start)?;
    // `在本地参团的旅客减少73.3%至4.5万人次`: the level the rate qualifies is what its words name.
    if records[j].as_ref().is_some_and(|r| r.of == Some(i)) {
        return indicator_of(records, j);
    }
    let listed = between.chars().all(|c| matches!(c, '、' | '和' | '及' | ',' | '与' | '或' | ' ' | '至' | '到'));
    // `由5.2万元提升至6.8万元`, `由2110公里增至3055公里`: the level reached is the same measure's.
    let reached = !between.contains(|c: char| super::is_clause_mark(c)) && trim_str(between).is_empty();
    let same_kind = ctx.facts[j].kind() == ctx.facts[i].kind();
    if !(listed && (same_kind || between.is_empty()) || reached && same_kind) {
        return None;
    }
    indicator_of(records, j)
}

/// Make a count's subject agree with its indicator: the thing counted is what the indicator
/// names (the subject the count recognizer read from a few words around the number gives way
/// to the record's reading of the clause when the indicator does not contain it).
pub fn agree(fact: &mut crate::fact::Fact) {
    // (Only a count has a subject: the indicator is copied only into one that disagrees.)
    if let Value::Count(c) = &mut fact.value
        && let Some(indicator) = fact.record.as_ref().and_then(|r| r.indicator.as_ref())
        && !c.subject.as_deref().is_some_and(|s| indicator.text.contains(s))
    {
        c.subject = Some(indicator.text.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compound_verbs_are_found_as_the_list_finds_them() {
        // Every verb, its halves, its neighbours by one byte, longer and shorter words and
        // words of six bytes that are not in the list.
        let mut texts: Vec<String> = vec![String::new(), "签".into(), "签约项目".into(), "abcdef".into(), "项目".into(), "签约x".into()];
        for v in COMPOUND_VERBS {
            texts.push((*v).to_owned());
            texts.extend(v.chars().map(String::from));
            texts.push(format!("{v}项"));
            texts.push(v.chars().rev().collect());
        }
        texts.extend(TRAILING.iter().chain(LISTING_VERBS).chain(EXAMPLE_VERBS).map(|w| (*w).to_owned()));
        for t in &texts {
            assert_eq!(is_compound_verb(t), COMPOUND_VERBS.contains(&t.as_str()), "{t}");
        }
    }

    #[test]
    fn char_set_holds_what_it_was_given() {
        // Han characters (at both ends of the bitset's block), others below and above it.
        let given = ['目', '业', '\u{4e00}', '\u{9fff}', 'a', '%', '〇', '\u{3400}', '\u{a000}', '\u{20000}', '\u{ff08}'];
        let set = CharSet::new(given.iter().copied());
        for c in given {
            assert!(set.contains(c), "{c:?}");
        }
        // Every other character of the Basic Multilingual Plane and a few beyond it is not held.
        for c in (0..=0xFFFF).chain(0x1F600..0x20100).filter_map(char::from_u32).filter(|c| !given.contains(c)) {
            assert!(!set.contains(c), "{c:?}");
        }
        assert!(!CharSet::new(std::iter::empty()).contains('目'));
        // The sets built from word lists hold the characters those words begin or end with.
        for c in NOUN_HEADS.chars() {
            assert!(is_noun_head(c), "{c}");
        }
        assert!(!is_noun_head('增') && !is_noun_head('a'));
    }

    #[test]
    fn a_scene_ends_after_its_place() {
        for (words, rest) in [
            ("活动现场共签约项目", "共签约项目"),
            ("推介会上签约项目", "签约项目"),
            ("签约仪式现场签约", "签约"),
            // (The scene words alone are LEADING's; with nothing after them, nothing is cut.)
            ("现场签约项目", "现场签约项目"),
            ("活动现场", "活动现场"),
            // (Only within the first eight characters; 期间 ends a time.)
            ("一二三四五六七八现场签约", "一二三四五六七八现场签约"),
            ("六五计划期间要求", "六五计划期间要求"),
            ("", ""),
        ] {
            assert_eq!(&words[scene(words)..], rest, "{words}");
        }
    }

    #[test]
    fn edge_words_are_trimmed_as_the_lists_searched_trim_them() {
        // (The groups hold words of Han characters only, each of three bytes, which the
        // comparisons in without_edge_words take for granted; and a slot holds at most 255 groups.)
        for w in LEADING.iter().chain(TRAILING) {
            assert!(w.chars().all(|c| CharSet::HAN.contains(&(c as u32))), "{w}");
        }
        assert!(LEADING_BY_FIRST.groups.len() < 255 && TRAILING_BY_LAST.groups.len() < 255);
        // What trim_edges answered when it searched the lists in order: the first LEADING word
        // the words start with (and are longer than), and the longest TRAILING word they end with.
        let searched = |text: &str| {
            let mut trailing = TRAILING.to_vec();
            trailing.sort_by_key(|w| std::cmp::Reverse(w.len()));
            let mut range = without_spaces(text, 0..text.len());
            while let Some(w) = LEADING.iter().find(|w| text[range.clone()].starts_with(**w) && range.len() > w.len()) {
                range.start += w.len();
            }
            loop {
                let s = &text[range.clone()];
                if let Some(w) = trailing.iter().find(|w| s.ends_with(**w)) {
                    range.end -= w.len();
                } else if let Some(&(c, _)) =
                    TRAILING_CHARACTERS.iter().find(|(c, words)| s.ends_with(*c) && !words.iter().any(|w| s.ends_with(w)))
                {
                    range.end -= c.len_utf8();
                } else {
                    break;
                }
            }
            range
        };
        let mut pieces: Vec<&str> = LEADING.iter().chain(TRAILING).copied().collect();
        pieces.extend([
            "项目",
            "地区生产总值",
            "签约",
            "可",
            "许可",
            "约",
            "合约",
            "要",
            "主要",
            "都",
            "首都",
            "才",
            "人才",
            "年",
            "5",
            " ",
            "\u{3000}",
            "a",
            "𠀀",
            "é",
            "全",
            "比",
        ]);
        let mut texts = crate::link::drawn_texts(13, 20000, 6, &pieces);
        texts.extend(pieces.iter().map(|w| (*w).to_owned()));
        for text in texts {
            assert_eq!(without_edge_words(&text, 0..text.len()), searched(&text), "{text}");
        }
    }

    #[test]
    fn per_unit_words_and_the_base_they_open() {
        for w in ["每人每年", "每月", "人均每月", "每亩", " 每人 ", "人均", "平均每年"] {
            assert!(is_per_unit(w), "{w}");
        }
        for w in ["", "月销售额", "每月销售额", "人口", "每人每年可支配收入", "2004年人均"] {
            assert!(!is_per_unit(w), "{w}");
        }
        assert_eq!(per_unit_base("财政补助由每人每年"), Some("财政补助".len()));
        assert_eq!(per_unit_base("最低标准从每月"), Some("最低标准".len()));
        assert_eq!(per_unit_base("起征点从月销售额"), None);
        assert_eq!(per_unit_base("由2019年的"), None);
        assert_eq!(per_unit_base("标准由 每人每年 "), Some("标准".len()));
    }

    /// [`is_function_only`] answers as a search of [`FUNCTION_ONLY`] does, on its words, their
    /// beginnings and ends, and words padded or longer.
    #[test]
    fn function_words_are_found_as_the_list_holds_them() {
        assert!(FUNCTION_ONLY.iter().all(|w| w.len() <= 6 && w.chars().all(|c| c.len_utf8() == 3)));
        let mut texts: Vec<String> = Vec::new();
        for w in FUNCTION_ONLY {
            texts.push((*w).to_owned());
            texts.push(format!(" {w}\u{3000}"));
            texts.push(format!("{w}项目"));
            texts.extend(w.chars().map(String::from));
        }
        texts.extend(["", "项目", "实际利用外资", "a", "已经有"].map(String::from));
        for t in &texts {
            assert_eq!(is_function_only(t), FUNCTION_ONLY.contains(&t.trim()), "{t:?}");
        }
    }

    #[test]
    fn is_role_only_knows_the_count_digits() {
        // (The set of first characters it answers most words by holds every count digit.)
        for c in ('\0'..='\u{ffff}').filter(|&c| is_count_digit(c)) {
            assert!(is_role_only(&format!("{c}年增长")), "{c}");
        }
        assert!(is_role_only("同比增长") && is_role_only("") && is_role_only("两年平均增长") == is_role_only("平均增长"));
        assert!(!is_role_only("地区生产总值") && !is_role_only("增长地区") && !is_role_only("5项目") && is_role_only("5年"));
    }

    #[test]
    fn rates_and_measures_are_told_as_the_lists_searched_tell_them() {
        // (The sets hold Han characters of three bytes only.)
        for w in RATE_ENDINGS.iter().chain(MEASURE_HEADS) {
            assert!(w.chars().next_back().is_some_and(|c| CharSet::HAN.contains(&(c as u32))), "{w}");
        }
        let rate = |s: &str| {
            RATE_ENDINGS.iter().any(|e| {
                s.ends_with(e) && {
                    let n = e.chars().count();
                    s.chars().count() > n + usize::from(n < 2)
                }
            })
        };
        let mut pieces: Vec<&str> = RATE_ENDINGS.iter().chain(MEASURE_HEADS).copied().collect();
        pieces.extend(["税", "投资", "项目", "a", " ", "𠀀", "é", "比", "额度"]);
        let mut texts = crate::link::drawn_texts(23, 20000, 4, &pieces);
        texts.extend(pieces.iter().map(|w| (*w).to_owned()));
        for s in &texts {
            assert_eq!(names_rate(s), rate(s), "{s}");
            assert_eq!(measure_head(s), MEASURE_HEADS.iter().find(|h| s.ends_with(**h)).copied(), "{s}");
        }
    }

    #[test]
    fn pointing_words_start_with_the_characters_asked_first() {
        for w in POINTING {
            assert!(w.chars().next().is_some_and(|c| c.len_utf8() == 3 && ['这', '该', '此', '上'].contains(&c)), "{w}");
        }
    }

    #[test]
    fn without_examples_reads_lists_only() {
        assert_eq!(without_examples("成功签约涉及航空、航天、先进装备制造等领域项目").as_deref(), Some("成功签约项目"));
        assert_eq!(without_examples("签约电子信息、新能源等项目").as_deref(), Some("签约项目"));
        // (No 、, no list: `等` alone is no list's end.)
        assert_eq!(without_examples("签约电子信息等项目"), None);
        assert_eq!(without_examples("地区生产总值"), None);
    }

    #[test]
    fn cut_and_particle_answers_as_the_searches_do() {
        // Every word of CUT_AT starts with a character `cut_and_particle` looks for.
        for w in CUT_AT {
            assert_eq!(cut_and_particle(w), (Some(0), None), "{w}");
        }
        let searched = |words: &str| {
            let cut = CUT_AT.iter().filter_map(|w| words.find(w)).min();
            (cut, words[..cut.unwrap_or(words.len())].rfind(['了', '的']))
        };
        for words in [
            "",
            "地区生产总值",
            "规模以上工业增加值按可比价格计算的",
            "完成了的研发投入增速高于全省的平均",
            "按现价",
            "高新技术企业的按照",
            "的了扣除价格因素后的高出",
            "低的慢快于",
            "a按b高c",
            "é的ü按现价",
            "𠀀了𠀀高于",
            "了",
            "的 了\u{3000}低于",
            "高低快慢按扣",
            "高新技术企业的营业收入",
        ] {
            assert_eq!(cut_and_particle(words), searched(words), "{words}");
        }
    }
}
