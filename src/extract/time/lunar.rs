//! The Chinese lunisolar calendar (农历) and the 24 solar terms (节气), computed from astronomy
//! rather than read from a table, so that every year works:
//! - new moons from Meeus, *Astronomical Algorithms*, ch. 49 (within a minute or so);
//! - the sun's apparent longitude from Meeus ch. 25, low-precision (about 0.01°, a quarter of
//!   an hour for a solar term);
//! - the rules of the modern calendar: days are reckoned in Beijing time (UTC+8), a month
//!   starts on the day of a new moon, the month holding the winter solstice is the eleventh, and
//!   in a sui (solstice to solstice) of thirteen months the first month without a principal term
//!   (中气, the sun at a multiple of 30°) is the leap month.
//!
//! Dates within minutes of midnight may be off by a day in rare years; festivals and the months
//! of ordinary years come out as published.

use jiff::ToSpan;
use jiff::civil::Date;

const SYNODIC_MONTH: f64 = 29.530_588_861;
const TROPICAL_YEAR: f64 = 365.242_2;
/// The Julian Day of 1970-01-01 00:00 UT.
const JD_UNIX_EPOCH: f64 = 2_440_587.5;

fn sin_deg(x: f64) -> f64 {
    x.to_radians().sin()
}

/// The Julian Ephemeris Day of new moon number `k` (0 is the new moon of 2000-01-06).
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3, t4) = (t * t, t * t * t, t * t * t * t);
    let jde = 2_451_550.097_66 + SYNODIC_MONTH * k + 0.000_154_37 * t2 - 0.000_000_150 * t3 + 0.000_000_000_73 * t4;
    let e = 1.0 - 0.002_516 * t - 0.000_007_4 * t2;
    let m = 2.5534 + 29.105_356_70 * k - 0.000_001_4 * t2 - 0.000_000_11 * t3;
    let mp = 201.5643 + 385.816_935_28 * k + 0.010_758_2 * t2 + 0.000_012_38 * t3 - 0.000_000_058 * t4;
    let f = 160.7108 + 390.670_502_84 * k - 0.001_611_8 * t2 - 0.000_002_27 * t3 + 0.000_000_011 * t4;
    let om = 124.7746 - 1.563_755_88 * k + 0.002_067_2 * t2 + 0.000_002_15 * t3;
    let periodic = -0.40720 * sin_deg(mp)
        + 0.17241 * e * sin_deg(m)
        + 0.01608 * sin_deg(2.0 * mp)
        + 0.01039 * sin_deg(2.0 * f)
        + 0.00739 * e * sin_deg(mp - m)
        - 0.00514 * e * sin_deg(mp + m)
        + 0.00208 * e * e * sin_deg(2.0 * m)
        - 0.00111 * sin_deg(mp - 2.0 * f)
        - 0.00057 * sin_deg(mp + 2.0 * f)
        + 0.00056 * e * sin_deg(2.0 * mp + m)
        - 0.00042 * sin_deg(3.0 * mp)
        + 0.00042 * e * sin_deg(m + 2.0 * f)
        + 0.00038 * e * sin_deg(m - 2.0 * f)
        - 0.00024 * e * sin_deg(2.0 * mp - m)
        - 0.00017 * sin_deg(om)
        - 0.00007 * sin_deg(mp + 2.0 * m)
        + 0.00004 * sin_deg(2.0 * mp - 2.0 * f)
        + 0.00004 * sin_deg(3.0 * m)
        + 0.00003 * sin_deg(mp + m - 2.0 * f)
        + 0.00003 * sin_deg(2.0 * mp + 2.0 * f)
        - 0.00003 * sin_deg(mp + m + 2.0 * f)
        + 0.00003 * sin_deg(mp - m + 2.0 * f)
        - 0.00002 * sin_deg(mp - m - 2.0 * f)
        - 0.00002 * sin_deg(3.0 * mp + m)
        + 0.00002 * sin_deg(4.0 * mp);
    // Planetary arguments.
    let planetary: [(f64, f64, f64, f64); 14] = [
        (0.000_325, 299.77, 0.107_408, -0.009_173),
        (0.000_165, 251.88, 0.016_321, 0.0),
        (0.000_164, 251.83, 26.651_886, 0.0),
        (0.000_126, 349.42, 36.412_478, 0.0),
        (0.000_110, 84.66, 18.206_239, 0.0),
        (0.000_062, 141.74, 53.303_771, 0.0),
        (0.000_060, 207.14, 2.453_732, 0.0),
        (0.000_056, 154.84, 7.306_860, 0.0),
        (0.000_047, 34.52, 27.261_239, 0.0),
        (0.000_042, 207.19, 0.121_824, 0.0),
        (0.000_040, 291.34, 1.844_379, 0.0),
        (0.000_037, 161.72, 24.198_154, 0.0),
        (0.000_035, 239.56, 25.513_099, 0.0),
        (0.000_023, 331.55, 3.592_518, 0.0),
    ];
    let extra: f64 = planetary.iter().map(|&(c, a, b, q)| c * sin_deg(a + b * k + q * t2)).sum();
    jde + periodic + extra
}

/// The sun's apparent longitude in degrees, 0–360, at a Julian Ephemeris Day.
fn sun_longitude(jde: f64) -> f64 {
    let t = (jde - 2_451_545.0) / 36_525.0;
    let l0 = 280.46646 + 36_000.769_83 * t + 0.000_303_2 * t * t;
    let m = 357.52911 + 35_999.050_29 * t - 0.000_153_7 * t * t;
    let c = (1.914_602 - 0.004_817 * t - 0.000_014 * t * t) * sin_deg(m)
        + (0.019_993 - 0.000_101 * t) * sin_deg(2.0 * m)
        + 0.000_289 * sin_deg(3.0 * m);
    let omega = 125.04 - 1934.136 * t;
    (l0 + c - 0.005_69 - 0.004_78 * sin_deg(omega)).rem_euclid(360.0)
}

/// When the sun's apparent longitude next reaches `target` degrees, searching from `guess`
/// (Julian Ephemeris Days).
fn when_sun_at(target: f64, guess: f64) -> f64 {
    let mut t = guess;
    for _ in 0..30 {
        let diff = (target - sun_longitude(t) + 540.0).rem_euclid(360.0) - 180.0;
        t += diff * TROPICAL_YEAR / 360.0;
        if diff.abs() < 1e-7 {
            break;
        }
    }
    t
}

/// Terrestrial minus universal time, in seconds (NASA's polynomial for 1950–2150, the
/// long-term parabola elsewhere).
fn delta_t(year: f64) -> f64 {
    if (1950.0..2150.0).contains(&year) {
        let t = year - 2000.0;
        62.92 + 0.322_17 * t + 0.005_589 * t * t
    } else {
        let u = (year - 1820.0) / 100.0;
        -20.0 + 32.0 * u * u
    }
}

fn epoch() -> Date {
    jiff::civil::date(1970, 1, 1)
}

/// The Julian Day at 00:00 UT of a date.
fn julian_day(d: Date) -> Option<f64> {
    Some(JD_UNIX_EPOCH + epoch().until(d).ok()?.get_days() as f64)
}

/// The date in Beijing (UTC+8) at an instant given in Julian Ephemeris Days.
fn beijing_date(jde: f64) -> Option<Date> {
    let year = 2000.0 + (jde - 2_451_545.0) / 365.25;
    let local = jde - delta_t(year) / 86_400.0 + 8.0 / 24.0;
    let days = (local - JD_UNIX_EPOCH).floor();
    if !days.is_finite() || days.abs() > 1e6 {
        return None;
    }
    epoch().checked_add((days as i64).days()).ok()
}

/// The Beijing date of the solar term at `longitude` degrees (a multiple of 15) in Gregorian
/// `year` (小寒 at 285° and 大寒 at 300° fall in January).
pub fn solar_term(year: i16, longitude: u16) -> Option<Date> {
    let march = julian_day(Date::new(year, 3, 20).ok()?)?;
    let mut guess = march + f64::from(longitude % 360) * TROPICAL_YEAR / 360.0;
    if longitude >= 285 {
        guess -= TROPICAL_YEAR;
    }
    beijing_date(when_sun_at(f64::from(longitude % 360), guess))
}

/// The number of the last new moon whose Beijing date is on or before `d`.
fn new_moon_on_or_before(d: Date) -> Option<f64> {
    let mut k = ((julian_day(d)? - 2_451_550.1) / SYNODIC_MONTH).floor() + 1.0;
    for _ in 0..4 {
        if beijing_date(new_moon(k))? <= d {
            return Some(k);
        }
        k -= 1.0;
    }
    None
}

/// Whether a principal term (the sun at a multiple of 30°) falls in `[start, next)`.
fn has_principal_term(start: Date, next: Date) -> Option<bool> {
    // Beijing midnight of `start`, in TT.
    let jde = julian_day(start)? - 8.0 / 24.0;
    let lon = sun_longitude(jde);
    let target = ((lon / 30.0).floor() + 1.0) * 30.0;
    let term = when_sun_at(target.rem_euclid(360.0), jde + (target - lon) * TROPICAL_YEAR / 360.0);
    Some(beijing_date(term)? < next)
}

/// A month of the lunisolar calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LunarMonth {
    first: Date,
    last: Date,
    number: u8,
    leap: bool,
}

/// The months of the sui from the month holding the winter solstice of `year - 1` (its
/// eleventh month) to the month before the one holding the solstice of `year`.
fn sui(year: i16) -> Option<Vec<LunarMonth>> {
    let solstice = |y: i16| solar_term(y, 270);
    let k0 = new_moon_on_or_before(solstice(year - 1)?)?;
    let k1 = new_moon_on_or_before(solstice(year)?)?;
    if !(12.0..=13.0).contains(&(k1 - k0)) {
        return None;
    }
    let starts: Vec<Date> = (0..=(k1 - k0) as i64).map(|i| beijing_date(new_moon(k0 + i as f64))).collect::<Option<_>>()?;
    let count = starts.len() - 1;
    let leap_at = if count == 13 { (1..count).find(|&i| has_principal_term(starts[i], starts[i + 1]) == Some(false)) } else { None };
    let mut months = Vec::with_capacity(count);
    let mut number = 11u8;
    for i in 0..count {
        let leap = Some(i) == leap_at;
        if i > 0 && !leap {
            number = number % 12 + 1;
        }
        months.push(LunarMonth { first: starts[i], last: starts[i + 1].checked_sub(1.day()).ok()?, number, leap });
    }
    Some(months)
}

/// The first and last Gregorian day of lunar `month` (1–12, `leap` for a 闰 month) of the lunar
/// year that begins in Gregorian `year`.
pub fn lunar_month(year: i16, month: u8, leap: bool) -> Option<(Date, Date)> {
    // Months 1–10 (and most leap months) lie in the sui ending in `year`; 11 and 12 in the next.
    let this = sui(year)?;
    let next = sui(year.checked_add(1)?)?;
    let first_of = |s: &[LunarMonth]| s.iter().position(|m| m.number == 1 && !m.leap);
    let ours = this[first_of(&this)?..].iter().chain(&next[..first_of(&next)?]);
    ours.into_iter().find(|m| m.number == month && m.leap == leap).map(|m| (m.first, m.last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn new_years() {
        for (y, d) in [
            (1991, date(1991, 2, 15)),
            (2019, date(2019, 2, 5)),
            (2020, date(2020, 1, 25)),
            (2021, date(2021, 2, 12)),
            (2023, date(2023, 1, 22)),
            (2024, date(2024, 2, 10)),
            (2025, date(2025, 1, 29)),
        ] {
            assert_eq!(lunar_month(y, 1, false).map(|m| m.0), Some(d), "{y}");
        }
    }

    #[test]
    fn leap_months() {
        assert_eq!(lunar_month(2020, 4, true), Some((date(2020, 5, 23), date(2020, 6, 20))));
        assert_eq!(lunar_month(2023, 2, true), Some((date(2023, 3, 22), date(2023, 4, 19))));
        assert_eq!(lunar_month(2021, 4, true), None);
    }

    #[test]
    fn festivals_and_terms() {
        // 中秋 2020, 七夕 2018, 除夕 of lunar 2021.
        assert_eq!(lunar_month(2020, 8, false).map(|m| m.0.checked_add(14.days()).unwrap()), Some(date(2020, 10, 1)));
        assert_eq!(lunar_month(2018, 7, false).map(|m| m.0.checked_add(6.days()).unwrap()), Some(date(2018, 8, 17)));
        assert_eq!(lunar_month(2021, 12, false).map(|m| m.1), Some(date(2022, 1, 31)));
        assert_eq!(solar_term(2024, 270), Some(date(2024, 12, 21)));
        assert_eq!(solar_term(2021, 75), Some(date(2021, 6, 5)));
        assert_eq!(solar_term(2024, 15), Some(date(2024, 4, 4)));
    }
}
