//! When recurring work falls due (SEC-5 backups, INT-1 monthly sync, reminders): rules over the
//! working-day calendar and the regulation profile, in Vietnam's local time (UTC+7 all year).
//! Pure: the scheduler asks for the occurrences in a span and records each one it runs.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::regulation::{last_day_of_month, RegulationProfile, Signer};

/// How often a recurring job falls due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum Recurrence {
    /// Every day at `at` (local time), e.g. "every night at 01:00".
    Daily { at: NaiveTime },
    /// The last working day of each month at `at` (HY 12, TG 9: monthly backup).
    LastWorkingDayOfMonth { at: NaiveTime },
    /// The last working day of each quarter at `at` (the quarterly backup).
    LastWorkingDayOfQuarter { at: NaiveTime },
    /// The first day of `signer`'s approval window each month, at `at` (reminders to sign).
    FirstDayOfApprovalWindow { signer: Signer, at: NaiveTime },
    /// The first working day after `signer`'s window each month, at `at` (the national
    /// reconciliation, once Sở Nội vụ's approvals of the month are sent).
    DayAfterApprovalWindow { signer: Signer, at: NaiveTime },
}

const VIETNAM_OFFSET_HOURS: i64 = 7;

/// The UTC time of a local (Vietnam) time.
pub fn utc_of_local(local: NaiveDateTime) -> NaiveDateTime {
    local - Duration::hours(VIETNAM_OFFSET_HOURS)
}

/// The local (Vietnam) time of a UTC time.
pub fn local_of_utc(utc: NaiveDateTime) -> NaiveDateTime {
    utc + Duration::hours(VIETNAM_OFFSET_HOURS)
}

fn last_working_day(mut day: NaiveDate, calendar: &Calendar) -> NaiveDate {
    // A month always has a working day; the bound only guards a corrupt calendar.
    for _ in 0..31 {
        if calendar.is_working_day(day) {
            return day;
        }
        day -= Duration::days(1);
    }
    day
}

impl Recurrence {
    /// The local day this rule falls on in a month, if it falls in that month at all.
    fn day_in_month(
        &self,
        year: i32,
        month: u32,
        calendar: &Calendar,
        profile: &RegulationProfile,
    ) -> Option<NaiveDate> {
        match *self {
            Recurrence::Daily { .. } => None,
            Recurrence::LastWorkingDayOfMonth { .. } => {
                Some(last_working_day(last_day_of_month(year, month), calendar))
            }
            Recurrence::LastWorkingDayOfQuarter { .. } => month
                .is_multiple_of(3)
                .then(|| last_working_day(last_day_of_month(year, month), calendar)),
            Recurrence::FirstDayOfApprovalWindow { signer, .. } => profile
                .window_for(signer)
                .map(|window| window.rule.dates(year, month, calendar).from),
            Recurrence::DayAfterApprovalWindow { signer, .. } => profile.window_for(signer).map(|window| {
                let mut day = window.rule.dates(year, month, calendar).to + Duration::days(1);
                while !calendar.is_working_day(day) {
                    day += Duration::days(1);
                }
                day
            }),
        }
    }

    fn at(&self) -> NaiveTime {
        match *self {
            Recurrence::Daily { at }
            | Recurrence::LastWorkingDayOfMonth { at }
            | Recurrence::LastWorkingDayOfQuarter { at }
            | Recurrence::FirstDayOfApprovalWindow { at, .. }
            | Recurrence::DayAfterApprovalWindow { at, .. } => at,
        }
    }

    /// Every occurrence after `after` and at or before `until` (both UTC), oldest first, in UTC.
    pub fn occurrences(
        &self,
        after: NaiveDateTime,
        until: NaiveDateTime,
        calendar: &Calendar,
        profile: &RegulationProfile,
    ) -> Vec<NaiveDateTime> {
        let (from, to) = (local_of_utc(after), local_of_utc(until));
        let mut found = Vec::new();
        let keep = |local: NaiveDateTime, found: &mut Vec<NaiveDateTime>| {
            if local > from && local <= to {
                found.push(utc_of_local(local));
            }
        };
        match self {
            Recurrence::Daily { at } => {
                let mut day = from.date();
                while day <= to.date() {
                    keep(day.and_time(*at), &mut found);
                    day += Duration::days(1);
                }
            }
            _ => {
                // From the month before: a rule of that month may fall in this one (the day
                // after a window that ends on the month's last day).
                let (mut year, mut month) = if from.month() == 1 {
                    (from.year() - 1, 12)
                } else {
                    (from.year(), from.month() - 1)
                };
                while (year, month) <= (to.year(), to.month()) {
                    if let Some(day) = self.day_in_month(year, month, calendar, profile) {
                        keep(day.and_time(self.at()), &mut found);
                    }
                    (year, month) = if month == 12 {
                        (year + 1, 1)
                    } else {
                        (year, month + 1)
                    };
                }
            }
        }
        found
    }

    /// The latest occurrence at or before `until` (UTC), looking back at most `horizon_days`.
    pub fn latest(
        &self,
        until: NaiveDateTime,
        horizon_days: i64,
        calendar: &Calendar,
        profile: &RegulationProfile,
    ) -> Option<NaiveDateTime> {
        self.occurrences(until - Duration::days(horizon_days), until, calendar, profile)
            .pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(h: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, 0, 0).unwrap()
    }

    fn utc(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d).unwrap().and_time(at(h))
    }

    fn calendar() -> Calendar {
        Calendar::default()
    }

    #[test]
    fn nightly_at_one_local_is_six_in_the_evening_utc() {
        let rule = Recurrence::Daily { at: at(1) };
        let found = rule.occurrences(
            utc(2026, 12, 1, 0),
            utc(2026, 12, 3, 0),
            &calendar(),
            &RegulationProfile::hung_yen(),
        );
        assert_eq!(found, vec![utc(2026, 12, 1, 18), utc(2026, 12, 2, 18)]);
    }

    #[test]
    fn month_end_backup_moves_back_from_a_weekend() {
        // 31 January 2027 is a Sunday, 30 a Saturday: the last working day is Friday the 29th.
        let rule = Recurrence::LastWorkingDayOfMonth { at: at(22) };
        let found = rule.occurrences(
            utc(2027, 1, 1, 0),
            utc(2027, 2, 1, 0),
            &calendar(),
            &RegulationProfile::hung_yen(),
        );
        assert_eq!(found, vec![utc(2027, 1, 29, 15)]);
    }

    #[test]
    fn quarter_end_falls_only_in_march_june_september_december() {
        let rule = Recurrence::LastWorkingDayOfQuarter { at: at(22) };
        let found = rule.occurrences(
            utc(2026, 12, 1, 0),
            utc(2027, 12, 31, 23),
            &calendar(),
            &RegulationProfile::hung_yen(),
        );
        let months: Vec<u32> = found.iter().map(|t| local_of_utc(*t).month()).collect();
        assert_eq!(months, vec![12, 3, 6, 9, 12]);
    }

    #[test]
    fn the_day_after_home_affairs_window_is_the_next_months_first_working_day() {
        // Hưng Yên: Sở Nội vụ signs in the last five working days; December 2026 ends on a
        // Thursday, Friday 1 January is a holiday and the weekend follows: Monday 4 January.
        let rule = Recurrence::DayAfterApprovalWindow {
            signer: Signer::HomeAffairs,
            at: at(2),
        };
        let found = rule.occurrences(
            utc(2026, 12, 15, 0),
            utc(2027, 1, 15, 0),
            &calendar(),
            &RegulationProfile::hung_yen(),
        );
        assert_eq!(found, vec![utc(2027, 1, 3, 19)]);
    }

    #[test]
    fn first_window_day_follows_the_profile() {
        // Hưng Yên: heads of subordinate units sign on the 20th–22nd.
        let rule = Recurrence::FirstDayOfApprovalWindow {
            signer: Signer::SubordinateUnitHead,
            at: at(8),
        };
        let found = rule.occurrences(
            utc(2026, 12, 1, 0),
            utc(2026, 12, 31, 0),
            &calendar(),
            &RegulationProfile::hung_yen(),
        );
        assert_eq!(found, vec![utc(2026, 12, 20, 1)]);
    }

    #[test]
    fn the_span_is_open_at_its_start_and_closed_at_its_end() {
        let rule = Recurrence::Daily { at: at(1) };
        let first = utc(2026, 12, 1, 18);
        assert!(rule
            .occurrences(first, first, &calendar(), &RegulationProfile::hung_yen())
            .is_empty());
        assert_eq!(
            rule.occurrences(
                first - Duration::seconds(1),
                first,
                &calendar(),
                &RegulationProfile::hung_yen()
            ),
            vec![first]
        );
    }
}
