//! Transfers, arrivals, departures and the end of service (TRF-1…5), with their decisions.
//! The rules are in `hoso_domain::transfer`; this stores what happened.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::ids::new_id;
use crate::schema::transfers;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = transfers)]
pub struct TransferRow {
    pub id: String,
    pub kind: String,
    pub state: String,
    pub person_id: Option<String>,
    pub person_name: String,
    pub from_unit_id: Option<String>,
    pub to_unit_id: Option<String>,
    pub outside_body: Option<String>,
    pub decision_number: String,
    pub decision_date: NaiveDate,
    pub decision_signer: String,
    pub decision_document_id: Option<String>,
    pub effective_on: NaiveDate,
    pub until_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub due_on: NaiveDate,
    pub filed_by: String,
    pub filed_at: NaiveDateTime,
    pub completed_by: Option<String>,
    pub completed_at: Option<NaiveDateTime>,
    pub completion_document_id: Option<String>,
    pub completion_note: Option<String>,
    pub returned_at: Option<NaiveDateTime>,
}

pub struct NewTransfer<'a> {
    pub kind: &'a str,
    pub person_id: Option<&'a str>,
    pub person_name: &'a str,
    pub from_unit_id: Option<&'a str>,
    pub to_unit_id: Option<&'a str>,
    pub outside_body: Option<&'a str>,
    pub decision_number: &'a str,
    pub decision_date: NaiveDate,
    pub decision_signer: &'a str,
    pub decision_document_id: Option<&'a str>,
    pub effective_on: NaiveDate,
    pub until_on: Option<NaiveDate>,
    pub note: Option<&'a str>,
    pub due_on: NaiveDate,
    pub filed_by: &'a str,
    pub at: NaiveDateTime,
}

pub fn create(conn: &mut DbConnection, new: NewTransfer<'_>) -> StoreResult<TransferRow> {
    let id = new_id();
    diesel::insert_into(transfers::table)
        .values((
            transfers::id.eq(&id),
            transfers::kind.eq(new.kind),
            transfers::state.eq("pending"),
            transfers::person_id.eq(new.person_id),
            transfers::person_name.eq(new.person_name),
            transfers::from_unit_id.eq(new.from_unit_id),
            transfers::to_unit_id.eq(new.to_unit_id),
            transfers::outside_body.eq(new.outside_body),
            transfers::decision_number.eq(new.decision_number),
            transfers::decision_date.eq(new.decision_date),
            transfers::decision_signer.eq(new.decision_signer),
            transfers::decision_document_id.eq(new.decision_document_id),
            transfers::effective_on.eq(new.effective_on),
            transfers::until_on.eq(new.until_on),
            transfers::note.eq(new.note),
            transfers::due_on.eq(new.due_on),
            transfers::filed_by.eq(new.filed_by),
            transfers::filed_at.eq(new.at),
        ))
        .execute(conn)?;
    find(conn, &id)?.ok_or(StoreError::NotFound)
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<TransferRow>> {
    Ok(transfers::table
        .find(id)
        .select(TransferRow::as_select())
        .first(conn)
        .optional()?)
}

/// Marks a pending transfer completed (`StaleVersion` if someone completed or cancelled it).
pub fn complete(
    conn: &mut DbConnection,
    id: &str,
    by: &str,
    at: NaiveDateTime,
    person_id: Option<&str>,
    document_id: Option<&str>,
    note: Option<&str>,
) -> StoreResult<TransferRow> {
    let changed = diesel::update(
        transfers::table
            .filter(transfers::id.eq(id))
            .filter(transfers::state.eq("pending")),
    )
    .set((
        transfers::state.eq("completed"),
        transfers::completed_by.eq(by),
        transfers::completed_at.eq(at),
        transfers::completion_document_id.eq(document_id),
        transfers::completion_note.eq(note),
    ))
    .execute(conn)?;
    if changed == 0 {
        return Err(StoreError::StaleVersion);
    }
    if let Some(person) = person_id {
        diesel::update(transfers::table.find(id))
            .set(transfers::person_id.eq(person))
            .execute(conn)?;
    }
    find(conn, id)?.ok_or(StoreError::NotFound)
}

/// Records a seconded person's return.
pub fn mark_returned(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> StoreResult<()> {
    let changed = diesel::update(
        transfers::table
            .filter(transfers::id.eq(id))
            .filter(transfers::returned_at.is_null()),
    )
    .set(transfers::returned_at.eq(at))
    .execute(conn)?;
    if changed == 0 {
        return Err(StoreError::StaleVersion);
    }
    Ok(())
}

/// A person's moves, newest first.
pub fn of_person(conn: &mut DbConnection, person_id: &str) -> StoreResult<Vec<TransferRow>> {
    Ok(transfers::table
        .filter(transfers::person_id.eq(person_id))
        .order((transfers::filed_at.desc(), transfers::id.desc()))
        .select(TransferRow::as_select())
        .load(conn)?)
}

/// Transfers in a state, the earliest due first.
pub fn in_state(conn: &mut DbConnection, state: &str, limit: i64) -> StoreResult<Vec<TransferRow>> {
    Ok(transfers::table
        .filter(transfers::state.eq(state))
        .order((transfers::due_on.asc(), transfers::id.asc()))
        .limit(limit)
        .select(TransferRow::as_select())
        .load(conn)?)
}
