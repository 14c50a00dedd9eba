//! Hong Kong, Macau and Taiwan pages: what a bare `元` is worth on each, decided from what the
//! page says of itself, and a mainland page that quotes another region's money.

/// The money facts of `text`: (text, value, currency).
fn money(text: &str) -> Vec<(String, String, String)> {
    gongbao::extract(text)
        .facts
        .into_iter()
        .filter_map(|f| match f.value {
            gongbao::Value::Money(m) => Some((f.text, m.value.to_string(), m.currency)),
            _ => None,
        })
        .collect()
}

fn currencies(text: &str) -> Vec<String> {
    money(text).into_iter().map(|(_, _, c)| c).collect()
}

#[test]
fn a_hong_kong_page_counts_in_hong_kong_dollars() {
    let page = "投資推廣署:去年引入600間公司來港 預計帶來800億元投資\n投資推廣署公佈全年表現,引入的企業合計帶來800億元投資,按年增長12%。\
                根據施政報告,政府擬再撥款50億元。";
    assert_eq!(currencies(page), ["HKD", "HKD", "HKD"]);
    let doc = gongbao::extract(page);
    assert!(doc.warnings.iter().any(|w| w.contains("HKD") && w.contains("Hong Kong")), "{:?}", doc.warnings);
    // An amount after an investment word, without 元, is in the page's currency too.
    assert_eq!(money("投資推廣署表示,來港企業今年揽金300亿,按年增長5%。"), [("300亿".into(), "30000000000".into(), "HKD".into())]);
}

#[test]
fn a_macau_page_counts_in_patacas_and_says_when_it_is_unsure() {
    let page = "貿促局表示,今年一至十月資助企業參展,涉及金額410萬元,並推動澳門元與人民幣掛鈎。";
    assert_eq!(currencies(page), ["MOP"]);
    let doc = gongbao::extract(page);
    assert!(doc.warnings.iter().any(|w| w.starts_with("the region is uncertain") && w.contains("人民币")), "{:?}", doc.warnings);
}

#[test]
fn a_taiwan_page_counts_in_new_taiwan_dollars() {
    let page = "經濟部昨(26)日公布,今(2021)年5億元以上投資案總金額達1.5兆元;各部會統計,僑外投資達3,000億元。";
    assert_eq!(currencies(page), ["TWD", "TWD", "TWD"]);
}

#[test]
fn a_mainland_page_quoting_another_regions_money_stays_in_yuan() {
    assert_eq!(currencies("市委书记率团赴香港招商,签约项目12个,总投资50亿元,其中港资5亿港元。"), ["CNY", "HKD"]);
    assert_eq!(currencies("新华社北京3月2日电 香港特区政府统计处公布,本港按年增长3%,内地企业在港投资50亿元。"), ["CNY"]);
    assert_eq!(currencies("全省与台湾客商签约30亿元,台资企业新增投资5亿新台币。"), ["CNY", "TWD"]);
}
