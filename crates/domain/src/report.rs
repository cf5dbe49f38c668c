//! What statutory reports count (USE-2…4), as pure functions over dossier facts, so that the
//! report of today (counted by the database) and the report as of a past date (counted here
//! from the versions then in force) cannot disagree on what a row means.

use chrono::{Datelike, NaiveDate};

use crate::dossier::facts::Facts;

/// A fact that a report counts people by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    Grade,
    JobPosition,
    Gender,
    Ethnicity,
    Religion,
    Qualification,
    PoliticalTheory,
    StateManagement,
    Rating,
}

impl Dimension {
    /// The code this person is counted under; `None` is "not stated".
    pub fn key_of(self, facts: &Facts) -> Option<&str> {
        match self {
            Dimension::Grade => facts.grade.as_deref(),
            Dimension::JobPosition => facts.job_position.as_deref(),
            Dimension::Gender => facts.gender.as_deref(),
            Dimension::Ethnicity => facts.ethnicity.as_deref(),
            Dimension::Religion => facts.religion.as_deref(),
            Dimension::Qualification => facts.qualification.as_deref(),
            Dimension::PoliticalTheory => facts.political_theory.as_deref(),
            Dimension::StateManagement => facts.state_management.as_deref(),
            Dimension::Rating => facts.latest_rating.as_deref(),
        }
    }
}

/// People counted by one dimension, in code order ("not stated" first).
pub fn tally<'a>(
    dimension: Dimension,
    people: impl IntoIterator<Item = &'a Facts>,
) -> Vec<(Option<String>, i64)> {
    let mut counts = std::collections::BTreeMap::<Option<String>, i64>::new();
    for facts in people {
        *counts
            .entry(dimension.key_of(facts).map(str::to_owned))
            .or_default() += 1;
    }
    counts.into_iter().collect()
}

/// Age bands of the pyramid: (key, label, lowest age, highest age).
pub const AGE_BANDS: &[(&str, &str, u32, u32)] = &[
    ("<30", "Dưới 30", 0, 29),
    ("30-39", "30 – 39", 30, 39),
    ("40-49", "40 – 49", 40, 49),
    ("50-59", "50 – 59", 50, 59),
    (">=60", "Từ 60", 60, 200),
];

/// Age in whole years on a day.
pub fn age_on(birth: NaiveDate, on: NaiveDate) -> u32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age.max(0) as u32
}

/// Men and women in each of `AGE_BANDS` on a day, from (gender code, birth date) pairs; people
/// without both are left out.
pub fn pyramid(people: &[(Option<String>, Option<NaiveDate>)], on: NaiveDate) -> Vec<(u64, u64)> {
    let mut bands = vec![(0, 0); AGE_BANDS.len()];
    for (gender, birth) in people {
        let Some(birth) = birth else { continue };
        let age = age_on(*birth, on);
        let Some(band) = AGE_BANDS
            .iter()
            .position(|(.., low, high)| (*low..=*high).contains(&age))
        else {
            continue;
        };
        match gender.as_deref() {
            Some("1") => bands[band].0 += 1,
            Some("2") => bands[band].1 += 1,
            _ => {}
        }
    }
    bands
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn tally_counts_not_stated_apart() {
        let people = [
            Facts {
                grade: Some("01.003".into()),
                ..Facts::default()
            },
            Facts {
                grade: Some("01.003".into()),
                ..Facts::default()
            },
            Facts::default(),
        ];
        assert_eq!(
            tally(Dimension::Grade, &people),
            vec![(None, 1), (Some("01.003".into()), 2)]
        );
    }

    #[test]
    fn age_turns_on_the_birthday() {
        assert_eq!(age_on(day(1990, 5, 10), day(2020, 5, 9)), 29);
        assert_eq!(age_on(day(1990, 5, 10), day(2020, 5, 10)), 30);
        let people = vec![
            (Some("1".into()), Some(day(1990, 5, 10))),
            (Some("2".into()), Some(day(1990, 5, 11))),
            (Some("2".into()), None),
        ];
        // On 10/5/2020 the man is 30, the woman still 29.
        assert_eq!(pyramid(&people, day(2020, 5, 10))[..2], [(0, 1), (1, 0)]);
    }
}
