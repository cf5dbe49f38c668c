//! The statutory retirement age (Labour Code 2019, Article 169; Decree 135/2020/NĐ-CP): from
//! 2021 the normal age rises each year — men from 60 years 3 months by 3 months a year to 62 in
//! 2028, women from 55 years 4 months by 4 months a year to 60 in 2035 — and a person retires
//! from the month after the one in which they reach the age that applies in that year. Used for
//! the list of people reaching retirement age in a period (USE-3, issue #7).

use chrono::{Datelike, Months, NaiveDate};

/// The normal retirement age, in months, for someone reaching it in `year`.
pub fn age_in_months(male: bool, year: i32) -> u32 {
    let steps = (year - 2020).max(0) as u32;
    if male {
        (60 * 12 + 3 * steps).min(62 * 12)
    } else {
        (55 * 12 + 4 * steps).min(60 * 12)
    }
}

/// The birth dates of everyone who may start retirement within `period` (ages 55 to 62, the
/// start on the first of the next month): a list narrows the province to these before it
/// computes each person's date.
pub fn born_window(period: (NaiveDate, NaiveDate)) -> (NaiveDate, NaiveDate) {
    (
        period.0 - Months::new(62 * 12 + 2),
        period.1 - Months::new(55 * 12),
    )
}

/// The first day of the month from which a person born on `birth` retires: the first year in
/// which they reach that year's age, the month after.
pub fn retirement_starts(male: bool, birth: NaiveDate) -> NaiveDate {
    let first_of_month = |d: NaiveDate| d.with_day(1).expect("day 1 exists");
    let before_2021 = birth + Months::new(age_in_months(male, 2020));
    let reached = if before_2021.year() < 2021 {
        before_2021
    } else {
        (2021..)
            .map(|year| birth + Months::new(age_in_months(male, year)))
            .find(|reached| {
                let year = reached.year();
                birth + Months::new(age_in_months(male, year)) == *reached
            })
            .expect("the age stops rising, so some year fits")
    };
    first_of_month(reached) + Months::new(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 15).unwrap()
    }

    fn first(y: i32, m: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, 1).unwrap()
    }

    #[test]
    fn the_roadmap_of_decree_135() {
        assert_eq!(age_in_months(true, 2021), 60 * 12 + 3);
        assert_eq!(age_in_months(true, 2028), 62 * 12);
        assert_eq!(age_in_months(true, 2035), 62 * 12);
        assert_eq!(age_in_months(false, 2021), 55 * 12 + 4);
        assert_eq!(age_in_months(false, 2035), 60 * 12);
        // Annex I examples: a man born in January 1961 retires at 60 years 3 months from
        // May 2021; born in October 1961, at 60 years 6 months from May 2022.
        assert_eq!(retirement_starts(true, d(1961, 1)), first(2021, 5));
        assert_eq!(retirement_starts(true, d(1961, 10)), first(2022, 5));
        // A woman born in January 1966: 55 years 4 months, from June 2021.
        assert_eq!(retirement_starts(false, d(1966, 1)), first(2021, 6));
        // Under the old rule: a man born in June 1960 reached 60 in June 2020.
        assert_eq!(retirement_starts(true, d(1960, 6)), first(2020, 7));
        // The end of the roadmap: men born from 1966 retire at 62, women born from 1975 at 60.
        assert_eq!(retirement_starts(true, d(1970, 3)), first(2032, 4));
        assert_eq!(retirement_starts(false, d(1980, 3)), first(2040, 4));
    }

    #[test]
    fn the_born_window_holds_everyone_retiring_in_the_period() {
        let period = (
            NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap(),
        );
        let window = born_window(period);
        let mut birth = NaiveDate::from_ymd_opt(1960, 1, 1).unwrap();
        while birth < NaiveDate::from_ymd_opt(1975, 1, 1).unwrap() {
            for male in [true, false] {
                if (period.0..=period.1).contains(&retirement_starts(male, birth)) {
                    assert!((window.0..=window.1).contains(&birth), "{male} {birth}");
                }
            }
            birth = birth.succ_opt().unwrap();
        }
    }
}
