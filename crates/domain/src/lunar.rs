//! The Vietnamese lunisolar calendar, for the holidays that follow it (Tết, Giỗ Tổ Hùng Vương).
//! Astronomical algorithm of Hồ Ngọc Đức (new moons after Meeus, sun longitude for the solar
//! terms), computed for Vietnam's time zone, UTC+7: the calendar differs from China's in the
//! years when a new moon or a solar term falls near midnight (in 1985 Tết came a month earlier).

use std::f64::consts::PI;

use chrono::{Datelike, NaiveDate};

/// Vietnam's time zone, in hours.
const TIME_ZONE: f64 = 7.0;

fn jd_from_date(date: NaiveDate) -> i64 {
    let (dd, mm, yy) = (
        i64::from(date.day()),
        i64::from(date.month()),
        i64::from(date.year()),
    );
    let a = (14 - mm) / 12;
    let y = yy + 4800 - a;
    let m = mm + 12 * a - 3;
    dd + (153 * m + 2) / 5 + 365 * y + y / 4 - y / 100 + y / 400 - 32045
}

fn date_from_jd(jd: i64) -> NaiveDate {
    let a = jd + 32044;
    let b = (4 * a + 3) / 146097;
    let c = a - (b * 146097) / 4;
    let d = (4 * c + 3) / 1461;
    let e = c - (1461 * d) / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = b * 100 + d - 4800 + m / 10;
    NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32).expect("a Julian day maps to a date")
}

/// Julian day of the `k`-th new moon after 1900-01-01 13:52 UTC.
fn new_moon(k: f64) -> f64 {
    let t = k / 1236.85;
    let (t2, t3) = (t * t, t * t * t);
    let dr = PI / 180.0;
    let mut jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
    jd1 += 0.00033 * ((166.56 + 132.87 * t - 0.009173 * t2) * dr).sin();
    let m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
    let mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
    let f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
    let mut c1 = (0.1734 - 0.000393 * t) * (m * dr).sin() + 0.0021 * (2.0 * dr * m).sin();
    c1 -= 0.4068 * (mpr * dr).sin() + 0.0161 * (dr * 2.0 * mpr).sin();
    c1 -= 0.0004 * (dr * 3.0 * mpr).sin();
    c1 += 0.0104 * (dr * 2.0 * f).sin() - 0.0051 * (dr * (m + mpr)).sin();
    c1 -= 0.0074 * (dr * (m - mpr)).sin() + 0.0004 * (dr * (2.0 * f + m)).sin();
    c1 -= 0.0004 * (dr * (2.0 * f - m)).sin() - 0.0006 * (dr * (2.0 * f + mpr)).sin();
    c1 += 0.0010 * (dr * (2.0 * f - mpr)).sin() + 0.0005 * (dr * (2.0 * mpr + m)).sin();
    let delta_t = if t < -11.0 {
        0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    } else {
        -0.000278 + 0.000265 * t + 0.000262 * t2
    };
    jd1 + c1 - delta_t
}

/// The local day (Julian day number) of the `k`-th new moon.
fn new_moon_day(k: i64) -> i64 {
    (new_moon(k as f64) + 0.5 + TIME_ZONE / 24.0).floor() as i64
}

/// The sun's longitude at the start of a local day, as one of twelve 30° sectors (0–11).
fn sun_sector(day: i64) -> i64 {
    let jdn = day as f64 - 0.5 - TIME_ZONE / 24.0;
    let t = (jdn - 2451545.0) / 36525.0;
    let t2 = t * t;
    let dr = PI / 180.0;
    let m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
    let l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
    let mut dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * (dr * m).sin();
    dl += (0.019993 - 0.000101 * t) * (dr * 2.0 * m).sin() + 0.000290 * (dr * 3.0 * m).sin();
    let mut l = (l0 + dl) * dr;
    l -= PI * 2.0 * (l / (PI * 2.0)).floor();
    (l / PI * 6.0).floor() as i64
}

/// The first day of the 11th lunar month (the one holding the winter solstice) of year `yy`.
fn lunar_month_11(yy: i32) -> i64 {
    let off = jd_from_date(NaiveDate::from_ymd_opt(yy, 12, 31).expect("31 December")) - 2415021;
    let k = (off as f64 / 29.530588853).floor() as i64;
    let nm = new_moon_day(k);
    if sun_sector(nm) >= 9 {
        new_moon_day(k - 1)
    } else {
        nm
    }
}

/// Which month after the 11th is the leap month, in a year of 13 months.
fn leap_month_offset(a11: i64) -> i64 {
    let k = ((a11 as f64 - 2415021.076998695) / 29.530588853 + 0.5).floor() as i64;
    let mut i = 1;
    let mut arc = sun_sector(new_moon_day(k + i));
    loop {
        let last = arc;
        i += 1;
        arc = sun_sector(new_moon_day(k + i));
        if arc == last || i >= 14 {
            break;
        }
    }
    i - 1
}

/// The solar date of day `day` of lunar month `month` (not the leap one) of lunar year `year`.
pub fn lunar_to_solar(day: u32, month: u32, year: i32) -> NaiveDate {
    let (a11, b11) = if month < 11 {
        (lunar_month_11(year - 1), lunar_month_11(year))
    } else {
        (lunar_month_11(year), lunar_month_11(year + 1))
    };
    let k = (0.5 + (a11 as f64 - 2415021.076998695) / 29.530588853).floor() as i64;
    let mut off = i64::from(month) - 11;
    if off < 0 {
        off += 12;
    }
    if b11 - a11 > 365 && off >= leap_month_offset(a11) {
        off += 1;
    }
    date_from_jd(new_moon_day(k + off) + i64::from(day) - 1)
}

/// Lunar New Year's Day (mùng 1 Tết) of the lunar year beginning in solar year `year`.
pub fn tet(year: i32) -> NaiveDate {
    lunar_to_solar(1, 1, year)
}

/// Giỗ Tổ Hùng Vương: the 10th day of the 3rd lunar month.
pub fn hung_kings_day(year: i32) -> NaiveDate {
    lunar_to_solar(10, 3, year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Published dates (the government's holiday announcements and printed calendars).
    #[test]
    fn tet_and_hung_kings_day_match_the_published_dates() {
        for (year, tet_day) in [
            // 1985: Vietnam's Tết came a month before China's (20 February): computed for UTC+7
            // the leap month falls elsewhere. A calendar computed for UTC+8 gets this wrong.
            (1985, "1985-01-21"),
            (2019, "2019-02-05"),
            (2020, "2020-01-25"),
            (2021, "2021-02-12"),
            (2022, "2022-02-01"),
            (2023, "2023-01-22"),
            (2024, "2024-02-10"),
            (2025, "2025-01-29"),
            (2026, "2026-02-17"),
            (2027, "2027-02-06"),
        ] {
            assert_eq!(tet(year), day(tet_day), "Tết {year}");
        }
        for (year, date) in [
            (2021, "2021-04-21"),
            (2022, "2022-04-10"),
            (2023, "2023-04-29"),
            (2024, "2024-04-18"),
            (2025, "2025-04-07"),
            (2026, "2026-04-26"),
        ] {
            assert_eq!(hung_kings_day(year), day(date), "Giỗ Tổ {year}");
        }
    }

    #[test]
    fn julian_days_round_trip() {
        for date in ["1900-01-01", "2000-02-29", "2026-11-23"] {
            assert_eq!(date_from_jd(jd_from_date(day(date))), day(date));
        }
    }
}
