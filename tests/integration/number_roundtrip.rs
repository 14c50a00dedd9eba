//! Amounts written out in Chinese numerals, in digits with separators, and in 万/亿 forms parse
//! back to exactly the number they were written from.

use proptest::prelude::*;
use rust_decimal::Decimal;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const FINANCIAL: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// A number below 10 000 in Chinese numerals, the way a careful writer puts it (三千零五十).
fn section(n: u64, digits: &[char; 10], units: [&str; 3]) -> String {
    let parts = [(n / 1000, units[0]), (n / 100 % 10, units[1]), (n / 10 % 10, units[2]), (n % 10, "")];
    let mut out = String::new();
    let mut zero = false;
    for (d, unit) in parts {
        if d == 0 {
            zero |= !out.is_empty();
            continue;
        }
        if zero {
            out.push(digits[0]);
            zero = false;
        }
        out.push(digits[d as usize]);
        out.push_str(unit);
    }
    out
}

/// `n` in Chinese numerals, with 万 and 亿 (and 万亿 above).
fn chinese(n: u64, digits: &[char; 10], units: [&str; 3]) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    let (yi, wan, low) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
    let mut out = String::new();
    if yi > 0 {
        out.push_str(&chinese(yi, digits, units));
        out.push('亿');
    }
    if wan > 0 {
        if yi > 0 && wan < 1000 {
            out.push(digits[0]);
        }
        out.push_str(&section(wan, digits, units));
        out.push('万');
    }
    if low > 0 {
        if (yi > 0 || wan > 0) && (low < 1000 || (wan == 0 && yi > 0)) {
            out.push(digits[0]);
        }
        out.push_str(&section(low, digits, units));
    }
    out
}

/// `n` with thousands separators: 1,234,567.
fn grouped(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn parsed(s: &str) -> Decimal {
    gongbao::parse_number(s).unwrap_or_else(|e| panic!("{s}: {e}")).value
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn chinese_numerals(n in 1u64..10_000_000_000_000) {
        let written = chinese(n, &DIGITS, ["千", "百", "十"]);
        prop_assert_eq!(parsed(&written), Decimal::from(n), "{}", written);
        let money = gongbao::parse_money(&format!("{written}元")).unwrap();
        prop_assert_eq!(money.value, Decimal::from(n));
    }

    #[test]
    fn financial_numerals(n in 1u64..1_000_000_000_000) {
        let written = chinese(n, &FINANCIAL, ["仟", "佰", "拾"]);
        prop_assert_eq!(parsed(&written), Decimal::from(n), "{}", written);
    }

    #[test]
    fn digits_with_separators(n in 0u64..u64::MAX / 2) {
        prop_assert_eq!(parsed(&grouped(n)), Decimal::from(n));
        prop_assert_eq!(parsed(&n.to_string()), Decimal::from(n));
    }

    #[test]
    fn scaled_decimals(mantissa in 1u64..100_000_000, scale in 0u32..6, yi in any::<bool>()) {
        // mantissa × 10^-scale 万 or 亿, e.g. 116.68亿 = 11668000000.
        let m = Decimal::new(mantissa as i64, scale);
        let (unit, factor) = if yi { ("亿", Decimal::from(100_000_000u64)) } else { ("万", Decimal::from(10_000u64)) };
        let written = format!("{m}{unit}");
        prop_assert_eq!(parsed(&written), m * factor, "{}", written);
        let money = gongbao::parse_money(&format!("{written}元")).unwrap();
        prop_assert_eq!(money.value.to_string(), (m * factor).normalize().to_string());
    }

    #[test]
    fn printed_values_parse_back(n in any::<i64>(), scale in 0u32..10) {
        // What the JSON prints is what the parser reads back.
        let d = Decimal::new(n.checked_abs().unwrap_or(i64::MAX), scale).normalize();
        prop_assert_eq!(parsed(&d.to_string()), d);
    }
}

#[test]
fn the_writer_writes_what_people_write() {
    assert_eq!(chinese(35_000_000, &DIGITS, ["千", "百", "十"]), "三千五百万");
    assert_eq!(chinese(100_000_005, &DIGITS, ["千", "百", "十"]), "一亿零五");
    assert_eq!(chinese(10_005, &DIGITS, ["千", "百", "十"]), "一万零五");
    assert_eq!(chinese(3050, &DIGITS, ["千", "百", "十"]), "三千零五十");
    assert_eq!(grouped(1_234_567), "1,234,567");
}
