//! Working days (CTX-4): the deadlines of the regulations count working days — not weekends,
//! not public holidays (Labour Code 2019, Article 112), with each year's plan of days off and
//! swapped working Saturdays that the government announces and an administrator enters.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::lunar;

/// A year's adjustments to the statutory days off, as the government's plan for that year
/// sets them (an administrator enters them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Calendar {
    /// Extra days off (bridging days of the Tết and 2 September plans).
    pub days_off: BTreeSet<NaiveDate>,
    /// Days worked although they would be off (a swapped Saturday, a compensation day moved).
    pub working_days: BTreeSet<NaiveDate>,
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid holiday date")
}

fn is_weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The public holidays of a solar year by the Labour Code 2019, Article 112, with their names:
/// 1 January; Tết, five days (by default lunar New Year's Eve to the 4th day); Giỗ Tổ Hùng Vương
/// (10/3 lunar); 30 April; 1 May; National Day 2 September with the day before it. A holiday on
/// a weekend gives a day off on the next working day (Article 112(3)).
pub fn statutory_holidays(year: i32) -> Vec<(NaiveDate, &'static str)> {
    let tet = lunar::tet(year);
    let mut holidays: Vec<(NaiveDate, &'static str)> = vec![(date(year, 1, 1), "Tết Dương lịch")];
    holidays.extend((-1..=3).map(|offset| (tet + Duration::days(offset), "Tết Âm lịch")));
    holidays.extend([
        (lunar::hung_kings_day(year), "Giỗ Tổ Hùng Vương"),
        (date(year, 4, 30), "Ngày Chiến thắng"),
        (date(year, 5, 1), "Ngày Quốc tế Lao động"),
        (date(year, 9, 1), "Quốc khánh"),
        (date(year, 9, 2), "Quốc khánh"),
    ]);
    let mut taken: BTreeSet<NaiveDate> = holidays.iter().map(|(d, _)| *d).collect();
    let mut result = holidays.clone();
    for (holiday, _) in holidays.iter().filter(|(d, _)| is_weekend(*d)) {
        let mut compensation = *holiday + Duration::days(1);
        while is_weekend(compensation) || taken.contains(&compensation) {
            compensation += Duration::days(1);
        }
        taken.insert(compensation);
        result.push((compensation, "Nghỉ bù"));
    }
    result.sort();
    result
}

/// The days off of [`statutory_holidays`].
pub fn statutory_days_off(year: i32) -> BTreeSet<NaiveDate> {
    statutory_holidays(year).into_iter().map(|(d, _)| d).collect()
}

impl Calendar {
    /// Whether civil servants work on `day`.
    pub fn is_working_day(&self, day: NaiveDate) -> bool {
        self.works(day, &statutory_days_off(day.year()))
    }

    fn works(&self, day: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> bool {
        self.working_days.contains(&day)
            || !(is_weekend(day) || self.days_off.contains(&day) || holidays.contains(&day))
    }

    /// The day by which something due `days` working days after `start` must be done: the
    /// `days`-th working day after it. A deadline can only fall on a working day, so one that
    /// would land on a day off is already the next working day.
    pub fn add_working_days(&self, start: NaiveDate, days: u32) -> NaiveDate {
        // The holidays come from the lunar calendar: computed once per year crossed, not per day.
        let mut year = start.year();
        let mut holidays = statutory_days_off(year);
        let mut day = start;
        let mut left = days;
        while left > 0 {
            day += Duration::days(1);
            if day.year() != year {
                year = day.year();
                holidays = statutory_days_off(year);
            }
            if self.works(day, &holidays) {
                left -= 1;
            }
        }
        day
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn the_statutory_holidays_follow_the_lunar_calendar_and_compensate_weekends() {
        let off = statutory_days_off(2026);
        // Tết Bính Ngọ: 17 February 2026; New Year's Eve the 16th.
        for d in [
            "2026-01-01",
            "2026-02-16",
            "2026-02-17",
            "2026-02-20",
            "2026-04-26",
            "2026-04-30",
            "2026-05-01",
            "2026-09-01",
            "2026-09-02",
        ] {
            assert!(off.contains(&day(d)), "{d}");
        }
        // Giỗ Tổ 2026 is a Sunday: Monday 27 April is off instead.
        assert!(off.contains(&day("2026-04-27")));
        assert!(
            !off.contains(&day("2026-02-21")),
            "the 5th day of Tết is a Saturday anyway"
        );
    }

    #[test]
    fn deadlines_count_working_days_around_tet_and_a_swapped_saturday() {
        // 2025: Tết Ất Tỵ on 29 January. A plan of the kind the government announces: a bridging
        // Monday (27 January) off, a Saturday (8 February) worked in exchange, and the
        // compensation for the Saturday holiday (1 February) folded in, so Monday 3 February is
        // worked.
        let plan = Calendar {
            days_off: [day("2025-01-27")].into_iter().collect(),
            working_days: [day("2025-02-03"), day("2025-02-08")].into_iter().collect(),
        };
        assert!(!plan.is_working_day(day("2025-01-27")));
        assert!(!plan.is_working_day(day("2025-01-30")));
        assert!(
            plan.is_working_day(day("2025-02-08")),
            "a swapped Saturday is worked"
        );
        // Five working days from Friday 24 January 2025: 3, 4, 5, 6, 7 February.
        assert_eq!(plan.add_working_days(day("2025-01-24"), 5), day("2025-02-07"));
        // Six: the swapped Saturday counts.
        assert_eq!(plan.add_working_days(day("2025-01-24"), 6), day("2025-02-08"));
        // Without the plan, the statutory rules alone: 28–31 January and the Monday after the
        // Saturday holiday are off.
        let law = Calendar::default();
        assert_eq!(law.add_working_days(day("2025-01-24"), 1), day("2025-01-27"));
        assert_eq!(law.add_working_days(day("2025-01-27"), 1), day("2025-02-04"));
    }
}
