//! Identifiers that look like numbers are never facts: phone numbers (landlines with an area
//! code, mobiles, 400 numbers), ID-card numbers, postal codes after 邮编, ICP and 公网安备
//! numbers, document numbers (`〔2024〕12号`), URLs and e-mail addresses; also when a unit or a
//! classifier follows them (`电话0912-1234567个人`), in full-width forms, in traditional script
//! and in HTML. The figures beside them are still read.

use gongbao::{Document, Extractor, Kind};

/// `(text, identifiers in it, facts that must still be found)`.
const CASES: &[(&str, &[&str], &[&str])] = &[
    // Landlines with an area code.
    ("联系电话0912-1234567", &["0912-1234567"], &[]),
    ("电话0912-1234567个人咨询", &["0912-1234567"], &[]),
    ("联系电话:0912-1234567个人", &["0912-1234567"], &[]),
    ("0912-1234567个", &["0912-1234567"], &[]),
    ("0912-1234567元", &["0912-1234567"], &[]),
    ("咨询(0914)2321234", &["(0914)2321234"], &[]),
    ("咨询(0914)2321234个人", &["(0914)2321234"], &[]),
    ("咨询（0914）2321234个工作日", &["（0914）2321234"], &[]),
    ("(0914)2321234元", &["(0914)2321234"], &[]),
    ("（029）88881234个", &["（029）88881234"], &[]),
    ("（０２９）８８８８１２３４个", &["（０２９）８８８８１２３４"], &[]),
    ("联系0912 1234567个人", &["0912 1234567"], &[]),
    ("电话：０９１２－１２３４５６７个人", &["０９１２－１２３４５６７"], &[]),
    ("电话：0912—1234567", &["0912—1234567"], &[]),
    ("电话:029-88881234 传真:029-88885678", &["029-88881234", "029-88885678"], &[]),
    ("传真029-88885678个", &["029-88885678"], &[]),
    ("+86-29-88881234个", &["+86-29-88881234"], &[]),
    ("电话0912-1234567，投资5亿元", &["0912-1234567"], &["5亿元"]),
    // Mobiles.
    ("联系人:王先生 13912345678", &["13912345678"], &[]),
    ("王先生13912345678个人", &["13912345678"], &[]),
    ("手机：13912345678。", &["13912345678"], &[]),
    ("13912345678个", &["13912345678"], &[]),
    ("13912345678人", &["13912345678"], &[]),
    ("+86 139-1234-5678个", &["139-1234-5678"], &[]),
    // 400 numbers.
    ("服务热线400-800-1234", &["400-800-1234"], &[]),
    ("拨打400-800-1234个", &["400-800-1234"], &[]),
    ("400-800-1234家", &["400-800-1234"], &[]),
    // ID-card numbers.
    ("身份证号码61040219800101123X", &["61040219800101123X"], &[]),
    ("持身份证61040219800101123X个人", &["61040219800101123X"], &[]),
    ("有人61040219800101123X办理", &["61040219800101123X"], &[]),
    ("610402198001011234名", &["610402198001011234"], &[]),
    // Postal codes after 邮编.
    ("邮编712000", &["712000"], &[]),
    ("邮编:712000个", &["712000"], &[]),
    ("邮编：７１２０００个", &["７１２０００"], &[]),
    ("邮政编码 712000", &["712000"], &[]),
    ("邮政编码:712000个", &["712000"], &[]),
    ("邮编712000元", &["712000"], &[]),
    ("地址:兴平市东城路1号 邮编712100", &["712100"], &[]),
    ("邮编712000。新签约项目3个", &["712000"], &["3个"]),
    // ICP and 公网安备 numbers.
    ("蜀ICP备12345678号", &["12345678号"], &[]),
    ("蜀ICP备12345678号-1", &["12345678号-1"], &[]),
    ("ICP备案号:陕ICP备05004645号-1个", &["05004645号-1个"], &[]),
    ("京ICP证080268号", &["080268号"], &[]),
    ("京公网安备11010502030143号", &["11010502030143号"], &[]),
    // Document numbers.
    ("〔2024〕12号", &["〔2024〕12号"], &[]),
    ("[2024]12号", &["[2024]12号"], &[]),
    ("陕政发〔2023〕5号", &["〔2023〕5号"], &[]),
    ("兴政办发[2024]12号文件", &["[2024]12号"], &[]),
    ("兴政发〔2024〕12号、13号", &["〔2024〕12号、13号"], &[]),
    ("（2024）12号", &["（2024）12号"], &[]),
    ("〔2024〕12号元", &["〔2024〕12号"], &[]),
    ("根据〔2024〕12号文件精神，新增项目3个", &["〔2024〕12号"], &["3个"]),
    ("陕政发〔2023〕5号文件要求新建项目12个", &["〔2023〕5号"], &["12个"]),
    // URLs.
    ("网址http://www.xingping.gov.cn/art/2024/7/15/art_123_45.html", &["http://www.xingping.gov.cn/art/2024/7/15/art_123_45.html"], &[]),
    ("访问www.xp.gov.cn/52个", &["www.xp.gov.cn/52个"], &[]),
    ("访问 https://xp.gov.cn:8080/a?id=52&n=3个", &["https://xp.gov.cn:8080/a?id=52&n=3个"], &[]),
    ("网址:www.gov.cn。投资5亿元", &["www.gov.cn"], &["5亿元"]),
    // E-mail addresses.
    ("邮箱xp52@163.com", &["xp52@163.com"], &[]),
    ("邮箱 zsj2024@xingping.gov.cn 个人", &["zsj2024@xingping.gov.cn"], &[]),
    ("E-mail:zsj@xp.gov.cn。投资5亿元", &["zsj@xp.gov.cn"], &["5亿元"]),
    // Other codes.
    ("统一社会信用代码91610000MA6TG8XK2B个", &["91610000MA6TG8XK2B"], &[]),
    ("QQ:123456789个", &["123456789"], &[]),
    // Traditional script.
    ("聯繫電話0912-1234567個人", &["0912-1234567"], &[]),
    ("郵編712000個", &["712000"], &[]),
];

/// The problems with one document read from `text`.
fn problems(text: &str, doc: &Document, identifiers: &[&str], expected: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for id in identifiers {
        let start = text.find(id).unwrap_or_else(|| panic!("{id:?} is not in {text:?}"));
        let end = start + id.len();
        // A place name inside a code (蜀 in 蜀ICP备) is the recognizer's business; no number or
        // date may come from the identifier.
        for f in doc.facts.iter().filter(|f| f.kind() != Kind::Place) {
            if f.span.start < end && start < f.span.end {
                out.push(format!("{text:?}: identifier {id:?} read as a {} fact {:?}", f.kind(), f.text));
            }
        }
    }
    for want in expected {
        if !doc.facts.iter().any(|f| f.text == *want) {
            out.push(format!("{text:?}: the fact {want:?} is missing"));
        }
    }
    out
}

#[test]
fn identifiers_are_not_facts() {
    let mut all = Vec::new();
    for (text, identifiers, expected) in CASES {
        all.extend(problems(text, &gongbao::extract(text), identifiers, expected));
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

#[test]
fn identifiers_in_a_page_are_not_facts() {
    let extractor = Extractor::new();
    let mut all = Vec::new();
    for (text, identifiers, expected) in CASES {
        let page = format!("<html><body><p>{text}</p></body></html>");
        all.extend(problems(&page, &extractor.extract_html(&page), identifiers, expected));
    }
    assert!(all.is_empty(), "{} problems:\n{}", all.len(), all.join("\n"));
}

/// A footer with every kind of identifier, after a paragraph of figures: the figures are read,
/// the footer gives nothing but places.
#[test]
fn a_footer_of_identifiers() {
    let text = "今年以来，全市新签约项目52个，总投资116.68亿元，同比增长11.73%。\n\
                主办单位：兴平市人民政府办公室 地址：兴平市东城路1号 邮编：713100\n\
                联系电话：029-38822345（0914）2321234 13912345678 400-800-1234\n\
                电子邮箱：xpszf@163.com 网址：http://www.xingping.gov.cn\n\
                陕ICP备05004645号-1 陕公网安备61048102000123号 网站标识码6104810001\n\
                文号：兴政发〔2024〕12号 索引号：xpszf/2024-00049\n";
    let doc = gongbao::extract(text);
    let footer = text.find("主办单位").unwrap();
    let late: Vec<_> = doc.facts.iter().filter(|f| f.span.start >= footer && f.kind() != Kind::Place).collect();
    assert!(late.is_empty(), "facts in the footer: {late:?}");
    for want in ["52个", "116.68亿元", "11.73%"] {
        assert!(doc.facts.iter().any(|f| f.text == want), "{want} missing");
    }
}
