//! Reviews (WF-1…8): one pass of a dossier's draft through the workflow, its history and
//! evidence. The workflow's rules live in `hoso_domain::workflow`; this stores their outcome.
//! Every state change names the state it expects, so two reviewers acting at once cannot
//! both succeed.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::dossiers::DossierWithPerson;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::people::PersonRow;
use crate::schema::{dossiers, people, review_events, review_evidence, reviews, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = reviews)]
pub struct ReviewRow {
    pub id: String,
    pub dossier_id: String,
    pub kind: String,
    pub state: String,
    pub unit_id: String,
    pub draft_revision: i32,
    pub content_hash: String,
    pub reason: Option<String>,
    pub event_date: Option<NaiveDate>,
    pub submitted_by: String,
    pub on_behalf: bool,
    pub submitted_at: NaiveDateTime,
    pub state_since: NaiveDateTime,
    pub due_on: Option<NaiveDate>,
    pub checked_by: Option<String>,
    pub checked_at: Option<NaiveDateTime>,
    pub checklist: Option<String>,
    pub version_number: Option<i32>,
    pub return_reason: Option<String>,
    pub returned_by: Option<String>,
    pub campaign_id: Option<String>,
    /// WF-4: when the change was due to be recorded (its event plus the profile's days).
    pub record_due_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = review_events)]
pub struct ReviewEventRow {
    pub review_id: String,
    pub seq: i32,
    pub action: String,
    pub actor_id: String,
    pub at: NaiveDateTime,
    pub note: Option<String>,
}

pub struct NewReview<'a> {
    pub dossier_id: &'a str,
    pub kind: &'a str,
    pub unit_id: &'a str,
    pub draft_revision: i32,
    pub content_hash: &'a str,
    pub reason: Option<&'a str>,
    pub event_date: Option<NaiveDate>,
    pub submitted_by: &'a str,
    pub on_behalf: bool,
    pub at: NaiveDateTime,
    pub due_on: Option<NaiveDate>,
    pub campaign_id: Option<&'a str>,
    pub record_due_on: Option<NaiveDate>,
}

/// Files a review in state `submitted`, records the event and marks the dossier submitted.
pub fn create(
    conn: &mut DbConnection,
    new: NewReview<'_>,
    evidence: &[(String, String)],
) -> StoreResult<ReviewRow> {
    let id = new_id();
    diesel::insert_into(reviews::table)
        .values((
            reviews::id.eq(&id),
            reviews::dossier_id.eq(new.dossier_id),
            reviews::kind.eq(new.kind),
            reviews::state.eq("submitted"),
            reviews::unit_id.eq(new.unit_id),
            reviews::draft_revision.eq(new.draft_revision),
            reviews::content_hash.eq(new.content_hash),
            reviews::reason.eq(new.reason),
            reviews::event_date.eq(new.event_date),
            reviews::submitted_by.eq(new.submitted_by),
            reviews::on_behalf.eq(new.on_behalf),
            reviews::submitted_at.eq(new.at),
            reviews::state_since.eq(new.at),
            reviews::due_on.eq(new.due_on),
            reviews::campaign_id.eq(new.campaign_id),
            reviews::record_due_on.eq(new.record_due_on),
        ))
        .execute(conn)?;
    for (document_id, kind) in evidence {
        diesel::insert_into(review_evidence::table)
            .values((
                review_evidence::review_id.eq(&id),
                review_evidence::document_id.eq(document_id),
                review_evidence::kind.eq(kind),
            ))
            .execute(conn)?;
    }
    add_event(conn, &id, "submitted", new.submitted_by, new.at, new.reason)?;
    refresh_dossier_status(conn, new.dossier_id, new.at)?;
    find(conn, &id)?.ok_or(StoreError::NotFound)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ReviewRow>> {
    Ok(reviews::table
        .find(id)
        .select(ReviewRow::as_select())
        .first(conn)
        .optional()?)
}

/// The review of a dossier that still waits for someone (submitted, locked or signed), newest
/// first.
pub fn open_for_dossier(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Vec<ReviewRow>> {
    Ok(reviews::table
        .filter(reviews::dossier_id.eq(dossier_id))
        .filter(reviews::state.eq_any(["submitted", "locked", "signed"]))
        .order(reviews::submitted_at.desc())
        .select(ReviewRow::as_select())
        .load(conn)?)
}

/// Every review of a dossier, newest first.
pub fn for_dossier(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Vec<ReviewRow>> {
    Ok(reviews::table
        .filter(reviews::dossier_id.eq(dossier_id))
        .order((reviews::submitted_at.desc(), reviews::id.desc()))
        .select(ReviewRow::as_select())
        .load(conn)?)
}

/// What moves with a state change.
#[derive(Debug, Clone, Default)]
pub struct StateChange<'a> {
    pub checked_by: Option<&'a str>,
    pub checklist: Option<&'a str>,
    pub version_number: Option<i32>,
    pub return_reason: Option<&'a str>,
    pub returned_by: Option<&'a str>,
}

/// Moves a review from `from` to `to` (`StaleVersion` when someone moved it first), records
/// the event and sets the dossier's status to match.
#[allow(clippy::too_many_arguments)]
pub fn change_state(
    conn: &mut DbConnection,
    review: &ReviewRow,
    from: &str,
    to: &str,
    due_on: Option<NaiveDate>,
    actor: &str,
    at: NaiveDateTime,
    note: Option<&str>,
    change: StateChange<'_>,
) -> StoreResult<ReviewRow> {
    let moved = diesel::update(
        reviews::table
            .filter(reviews::id.eq(&review.id))
            .filter(reviews::state.eq(from)),
    )
    .set((
        reviews::state.eq(to),
        reviews::state_since.eq(at),
        reviews::due_on.eq(due_on),
    ))
    .execute(conn)?;
    if moved == 0 {
        return Err(StoreError::StaleVersion);
    }
    if let Some(by) = change.checked_by {
        diesel::update(reviews::table.find(&review.id))
            .set((
                reviews::checked_by.eq(by),
                reviews::checked_at.eq(at),
                reviews::checklist.eq(change.checklist),
            ))
            .execute(conn)?;
    }
    if let Some(number) = change.version_number {
        diesel::update(reviews::table.find(&review.id))
            .set(reviews::version_number.eq(number))
            .execute(conn)?;
    }
    if let Some(by) = change.returned_by {
        diesel::update(reviews::table.find(&review.id))
            .set((
                reviews::returned_by.eq(by),
                reviews::return_reason.eq(change.return_reason),
            ))
            .execute(conn)?;
    }
    add_event(conn, &review.id, to, actor, at, note)?;
    refresh_dossier_status(conn, &review.dossier_id, at)?;
    find(conn, &review.id)?.ok_or(StoreError::NotFound)
}

/// The dossier's status is its reviews' state: the one being checked if any (the draft is
/// frozen), else the latest one's. A head-signed version waiting for Sở Nội vụ does not hide
/// a newer change already submitted.
fn refresh_dossier_status(conn: &mut DbConnection, dossier_id: &str, at: NaiveDateTime) -> StoreResult<()> {
    let all = for_dossier(conn, dossier_id)?;
    let frozen = all.iter().find(|r| r.state == "submitted" || r.state == "locked");
    let latest = all.iter().max_by_key(|r| (r.state_since, r.submitted_at));
    if let Some(review) = frozen.or(latest) {
        diesel::update(dossiers::table.find(dossier_id))
            .set((dossiers::status.eq(&review.state), dossiers::updated_at.eq(at)))
            .execute(conn)?;
    }
    Ok(())
}

pub fn add_event(
    conn: &mut DbConnection,
    review_id: &str,
    action: &str,
    actor: &str,
    at: NaiveDateTime,
    note: Option<&str>,
) -> StoreResult<()> {
    let last: Option<i32> = review_events::table
        .filter(review_events::review_id.eq(review_id))
        .select(diesel::dsl::max(review_events::seq))
        .first(conn)?;
    diesel::insert_into(review_events::table)
        .values((
            review_events::review_id.eq(review_id),
            review_events::seq.eq(last.unwrap_or(0) + 1),
            review_events::action.eq(action),
            review_events::actor_id.eq(actor),
            review_events::at.eq(at),
            review_events::note.eq(note),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn events(conn: &mut DbConnection, review_id: &str) -> StoreResult<Vec<ReviewEventRow>> {
    Ok(review_events::table
        .filter(review_events::review_id.eq(review_id))
        .order(review_events::seq.asc())
        .select(ReviewEventRow::as_select())
        .load(conn)?)
}

/// Evidence of a review: document id and kind.
pub fn evidence(conn: &mut DbConnection, review_id: &str) -> StoreResult<Vec<(String, String)>> {
    Ok(review_evidence::table
        .filter(review_evidence::review_id.eq(review_id))
        .order(review_evidence::document_id.asc())
        .select((review_evidence::document_id, review_evidence::kind))
        .load(conn)?)
}

/// What a queue or the dashboard may be narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ReviewFilter {
    pub states: Vec<String>,
    /// Ancestry-path prefix of the caller's scope (`None`: the province).
    pub within: Option<String>,
    pub under_path: Option<String>,
    pub kind: Option<String>,
    pub dossier_id: Option<String>,
    pub limit: i64,
}

/// Reviews with their dossier, person and unit, the most urgent first.
pub fn list(
    conn: &mut DbConnection,
    filter: &ReviewFilter,
) -> StoreResult<Vec<(ReviewRow, DossierWithPerson)>> {
    let mut query = reviews::table
        .inner_join(dossiers::table.inner_join(people::table.inner_join(units::table)))
        .select((
            ReviewRow::as_select(),
            crate::dossiers::DossierRow::as_select(),
            PersonRow::as_select(),
            units::name,
            units::path,
        ))
        .order((
            reviews::due_on.asc(),
            reviews::submitted_at.asc(),
            reviews::id.asc(),
        ))
        .limit(filter.limit)
        .into_boxed();
    if !filter.states.is_empty() {
        query = query.filter(reviews::state.eq_any(filter.states.clone()));
    }
    for prefix in [&filter.within, &filter.under_path].into_iter().flatten() {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if let Some(kind) = &filter.kind {
        query = query.filter(reviews::kind.eq(kind.clone()));
    }
    if let Some(dossier_id) = &filter.dossier_id {
        query = query.filter(reviews::dossier_id.eq(dossier_id.clone()));
    }
    let rows = query.load::<(ReviewRow, crate::dossiers::DossierRow, PersonRow, String, String)>(conn)?;
    Ok(rows
        .into_iter()
        .map(|(review, dossier, person, unit_name, unit_path)| {
            (
                review,
                DossierWithPerson {
                    dossier,
                    person,
                    unit_name,
                    unit_path,
                },
            )
        })
        .collect())
}
