//! Search by any criteria (USE-1): over the facts of approved dossiers, within the caller's
//! scope, by name with stable pages; saved searches; CSV and Excel exports.

pub mod create_saved_search;
pub mod list_saved_searches;
pub mod search_dossiers;
pub use create_saved_search::create_saved_search;
pub use list_saved_searches::list_saved_searches;
pub use search_dossiers::search_dossiers;

use crate::error::AppError;
use crate::session::Session;
use base64::Engine;
use chrono::{Datelike, NaiveDate};
use hoso_api_types::search::{SearchCriteria, SearchHit};
use hoso_domain::dossier::facts::Facts;
use hoso_domain::FieldError;
use hoso_store::dossiers::DossierWithPerson;
use hoso_store::search::{Criteria, Cursor, SortOrder};
use hoso_store::DbConnection;

/// The birthday a person of `age` whole years on `on` had at the latest.
/// The oldest age a search may ask for; beyond it no date exists to compare with.
pub const OLDEST_AGE: u32 = 150;

fn years_before(on: NaiveDate, years: u32) -> NaiveDate {
    let year = on.year() - years.min(OLDEST_AGE) as i32;
    NaiveDate::from_ymd_opt(year, on.month(), on.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, on.month(), 28))
        .expect("a valid date")
}

/// The store's criteria for the caller: their scope, the chosen unit, ages as birth dates.
pub fn criteria(
    conn: &mut DbConnection,
    session: &Session,
    c: &SearchCriteria,
    today: NaiveDate,
) -> Result<Criteria, AppError> {
    let sort = match c.sort.as_deref() {
        None => SortOrder::Name,
        Some(name) => SORTS
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, s)| *s)
            .ok_or_else(|| {
                hoso_domain::FieldError::new(
                    "sort",
                    "invalid_choice",
                    "Sắp xếp theo name, birth_date, recruited_on hoặc coefficient_desc.",
                )
            })?,
    };
    let drafts = c.drafts.unwrap_or(false);
    if drafts
        && !session
            .actor
            .rights
            .contains(hoso_domain::access::Right::UpdateDossiers)
    {
        return Err(AppError::Forbidden);
    }
    let under_path = match &c.unit_id {
        Some(id) => Some(hoso_store::units::find(conn, id)?.ok_or(AppError::NotFound)?.path),
        None => None,
    };
    let on = c.as_of.unwrap_or(today);
    for (field, age) in [("age_from", c.age_from), ("age_to", c.age_to)] {
        if age.is_some_and(|a| a > OLDEST_AGE) {
            return Err(
                FieldError::new(field, "out_of_range", format!("Tuổi phải từ 0 đến {OLDEST_AGE}.")).into(),
            );
        }
    }
    // At least `age_from` years old: born on or before that many years ago; at most `age_to`:
    // born after `age_to + 1` years ago.
    let born_until = [c.born_until, c.age_from.map(|a| years_before(on, a))]
        .into_iter()
        .flatten()
        .min();
    let born_from = [
        c.born_from,
        c.age_to
            .map(|a| years_before(on, a + 1).succ_opt().expect("a date")),
    ]
    .into_iter()
    .flatten()
    .max();
    Ok(Criteria {
        within: session.actor.scope.prefix().map(str::to_owned),
        under_path,
        name: c.q.as_deref().map(hoso_domain::dossier::search_name),
        gender: c.gender.clone(),
        born_from,
        born_until,
        ethnicity: c.ethnicity.clone(),
        religion: c.religion.clone(),
        grade: c.grade.clone(),
        job_position: c.job_position.clone(),
        position: c.position.clone(),
        salary_step: c.salary_step,
        coefficient_min: c.coefficient_min,
        coefficient_max: c.coefficient_max,
        qualification: c.qualification.clone(),
        political_theory: c.political_theory.clone(),
        state_management: c.state_management.clone(),
        language: c.language.clone(),
        party_member: c.party_member,
        latest_rating: c.rating.clone(),
        has_reward: c.has_reward,
        has_discipline: c.has_discipline,
        recruited_from: c.recruited_from,
        recruited_until: c.recruited_until,
        appointed_from: c.appointed_from,
        appointed_until: c.appointed_until,
        dossier_status: c.status.clone(),
        archived: c.archived.unwrap_or(false),
        drafts,
        due: None,
        sort,
    })
}

pub fn hit(found: &DossierWithPerson, facts: Facts) -> SearchHit {
    SearchHit {
        dossier: crate::dossiers::summary(found),
        gender: facts.gender,
        birth_date: facts.birth_date,
        grade: facts.grade,
        salary_step: facts.salary_step,
        coefficient: facts.coefficient,
        position: facts.position,
        qualification: facts.qualification,
        political_theory: facts.political_theory,
        party_member: facts.party_member,
        rating: facts.latest_rating,
        recruited_on: facts.recruited_on,
    }
}

/// The cursor after a row: its sort key, search name and id, URL-safe.
pub fn cursor(sort: SortOrder, found: &DossierWithPerson, facts: &Facts) -> String {
    let key = hoso_store::search::sort_key(sort, facts);
    let raw = format!("{key}\u{0}{}\u{0}{}", found.dossier.sort_name, found.dossier.id);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(raw)
}

pub fn parse_cursor(text: &str) -> Result<Cursor, AppError> {
    let bad = || hoso_domain::FieldError::new("after", "invalid_cursor", "Con trỏ trang không hợp lệ.");
    let raw = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| bad())?;
    let raw = String::from_utf8(raw).map_err(|_| bad())?;
    let mut parts = raw.split('\u{0}');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(key), Some(name), Some(id), None) => Ok(Cursor {
            key: key.to_owned(),
            name: name.to_owned(),
            id: id.to_owned(),
        }),
        _ => Err(bad().into()),
    }
}

/// The orders a search may be sorted in, by their names in `sort=`.
const SORTS: &[(&str, SortOrder)] = &[
    ("name", SortOrder::Name),
    ("birth_date", SortOrder::BirthDate),
    ("recruited_on", SortOrder::RecruitedOn),
    ("coefficient_desc", SortOrder::CoefficientDesc),
];
