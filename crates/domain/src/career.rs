//! When a civil servant or public employee is next due a regular pay raise (USE-3): one salary
//! step up the grade's scale, or, at the last step, beyond-frame seniority (phụ cấp thâm niên
//! vượt khung). Decree 204/2004/NĐ-CP Art. 7 and Circular 08/2013/TT-BNV as amended by Circular
//! 03/2021/TT-BNV: grades requiring college training or above (scales A0–A3) move up a step
//! every 36 months, the others (B, C) every 24; at the last step, beyond-frame seniority of 5 %
//! after the same time, then 1 % more every 12 months.
//!
//! The due date is when the time is served; a discipline in the period postpones it by 6 or
//! 12 months, which the officer checks (the lists flag people with a discipline recorded).

use chrono::{Days, Months, NaiveDate};

use crate::dossier::validation::CatalogIndex;

/// Months between regular step raises on a salary scale (`A3.1`, `A1`, `B`, `C2`…).
pub fn step_interval_months(scale: &str) -> u32 {
    if scale.starts_with('A') {
        36
    } else {
        24
    }
}

/// The days since which a wait of `months` (the shortest and the longest) ends within `period`,
/// widened by a few days for month ends; a list narrows the province to these before it
/// computes each person's exact date.
pub fn since_window(period: (NaiveDate, NaiveDate), months: (u32, u32)) -> (NaiveDate, NaiveDate) {
    const SLACK: Days = Days::new(3);
    (
        period.0 - Months::new(months.1) - SLACK,
        period.1 - Months::new(months.0) + SLACK,
    )
}

/// The shortest and longest wait for the next step (B/C scales, A scales).
pub const STEP_WAITS: (u32, u32) = (24, 36);

/// The grade (or professional-title) codes whose scale waits the longer time for a step.
pub fn long_wait_grades(catalogs: &CatalogIndex) -> Vec<String> {
    catalogs
        .entries(crate::catalog::GRADE_KINDS)
        .filter(|grade| {
            grade
                .parent
                .as_deref()
                .is_some_and(|scale| step_interval_months(scale) == STEP_WAITS.1)
        })
        .map(|grade| grade.code.clone())
        .collect()
}

/// The wait between beyond-frame increments.
pub const BEYOND_FRAME_WAIT: (u32, u32) = (12, 12);

/// The raise a person is next due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Raise {
    /// To this step and its coefficient (in hundredths).
    Step { step: u32, coefficient: u32 },
    /// Beyond-frame seniority at this percentage.
    BeyondFrame { percent: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RaiseDue {
    pub due_on: NaiveDate,
    pub raise: Raise,
}

/// What a person holds now on their grade's scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PayPosition<'a> {
    /// The scale's code and its coefficients by step.
    pub scale: &'a str,
    pub coefficients: &'a [u32],
    pub step: u32,
    pub step_since: NaiveDate,
    pub beyond_frame_percent: Option<u32>,
    pub beyond_frame_since: Option<NaiveDate>,
}

/// The next regular raise, or `None` when the step is not on the scale.
pub fn next_raise(now: PayPosition<'_>) -> Option<RaiseDue> {
    let last = now.coefficients.len() as u32;
    if now.step == 0 || now.step > last {
        return None;
    }
    let interval = Months::new(step_interval_months(now.scale));
    if now.step < last {
        return Some(RaiseDue {
            due_on: now.step_since + interval,
            raise: Raise::Step {
                step: now.step + 1,
                coefficient: now.coefficients[now.step as usize],
            },
        });
    }
    match (now.beyond_frame_percent, now.beyond_frame_since) {
        (Some(percent), Some(since)) if percent > 0 => Some(RaiseDue {
            due_on: since + Months::new(12),
            raise: Raise::BeyondFrame { percent: percent + 1 },
        }),
        _ => Some(RaiseDue {
            due_on: now.step_since + interval,
            raise: Raise::BeyondFrame { percent: 5 },
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const A1: &[u32] = &[234, 267, 300, 333, 366, 399, 432, 465, 498];
    const C1: &[u32] = &[165, 183, 201];

    fn at(scale: &'static str, coefficients: &'static [u32], step: u32) -> PayPosition<'static> {
        PayPosition {
            scale,
            coefficients,
            step,
            step_since: day(2022, 3, 1),
            beyond_frame_percent: None,
            beyond_frame_since: None,
        }
    }

    #[test]
    fn college_grades_wait_three_years_the_others_two() {
        assert_eq!(
            next_raise(at("A1", A1, 3)),
            Some(RaiseDue {
                due_on: day(2025, 3, 1),
                raise: Raise::Step {
                    step: 4,
                    coefficient: 333
                }
            })
        );
        assert_eq!(
            next_raise(at("C1", C1, 1)).map(|r| r.due_on),
            Some(day(2024, 3, 1))
        );
    }

    #[test]
    fn the_last_step_leads_to_beyond_frame_seniority() {
        assert_eq!(
            next_raise(at("A1", A1, 9)),
            Some(RaiseDue {
                due_on: day(2025, 3, 1),
                raise: Raise::BeyondFrame { percent: 5 }
            })
        );
        let seniority = PayPosition {
            beyond_frame_percent: Some(7),
            beyond_frame_since: Some(day(2024, 6, 1)),
            ..at("C1", C1, 3)
        };
        assert_eq!(
            next_raise(seniority),
            Some(RaiseDue {
                due_on: day(2025, 6, 1),
                raise: Raise::BeyondFrame { percent: 8 }
            })
        );
        assert_eq!(next_raise(at("A1", A1, 10)), None);
    }

    /// Whoever is due within a period held their step (or seniority) since a day in the window,
    /// month ends and leap days included.
    #[test]
    fn the_window_holds_everyone_due_in_the_period() {
        let period = (day(2027, 2, 28), day(2027, 3, 31));
        let (short, long) = STEP_WAITS;
        let long_steps = since_window(period, (long, long));
        let short_steps = since_window(period, (short, short));
        let seniority = since_window(period, BEYOND_FRAME_WAIT);
        let mut since = day(2022, 1, 1);
        while since < day(2027, 4, 1) {
            for (scale, coefficients, step) in [("A1", A1, 3), ("C1", C1, 1), ("A1", A1, 9)] {
                let due = next_raise(PayPosition {
                    step_since: since,
                    ..at(scale, coefficients, step)
                })
                .unwrap();
                let steps = if scale.starts_with('A') {
                    long_steps
                } else {
                    short_steps
                };
                if (period.0..=period.1).contains(&due.due_on) {
                    assert!((steps.0..=steps.1).contains(&since), "{scale} since {since}");
                }
            }
            let due = next_raise(PayPosition {
                beyond_frame_percent: Some(6),
                beyond_frame_since: Some(since),
                ..at("C1", C1, 3)
            })
            .unwrap();
            if (period.0..=period.1).contains(&due.due_on) {
                assert!(
                    (seniority.0..=seniority.1).contains(&since),
                    "seniority since {since}"
                );
            }
            since = since.succ_opt().unwrap();
        }
        assert_eq!(step_interval_months("A1"), STEP_WAITS.1);
        assert_eq!(step_interval_months("C1"), STEP_WAITS.0);
    }

    #[test]
    fn grades_of_the_a_scales_wait_the_longer_time() {
        let catalogs = CatalogIndex::from_files(crate::catalog::shipped());
        let long = long_wait_grades(&catalogs);
        // Chuyên viên (A1) and chuyên viên chính (A2.1) wait 36 months; cán sự (B) does not.
        assert!(long.contains(&"01.003".to_owned()) && long.contains(&"01.002".to_owned()));
        assert!(!long.contains(&"01.005".to_owned()));
    }
}
