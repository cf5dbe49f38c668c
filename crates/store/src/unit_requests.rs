//! Agencies' proposals of new units under them (ORG-1, ACC-7), decided by Sở Nội vụ.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::DbConnection;
use crate::error::{StoreError, StoreResult};
use crate::schema::{unit_requests, units};

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = unit_requests, treat_none_as_null = true)]
pub struct UnitRequestRow {
    pub id: String,
    pub requested_by: String,
    pub parent_id: String,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub effective_date: NaiveDate,
    pub reason: String,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub decision_document_id: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub decision_note: Option<String>,
    pub created_unit_id: Option<String>,
    pub created_at: NaiveDateTime,
}

pub fn insert(conn: &mut DbConnection, row: &UnitRequestRow) -> StoreResult<()> {
    diesel::insert_into(unit_requests::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The request with its parent unit's name.
pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<(UnitRequestRow, String)>> {
    Ok(unit_requests::table
        .inner_join(units::table.on(units::id.eq(unit_requests::parent_id)))
        .filter(unit_requests::id.eq(id))
        .select((UnitRequestRow::as_select(), units::name))
        .first(conn)
        .optional()?)
}

/// Requests under units inside `within` (`None`: all), newest first, optionally of one status.
pub fn list(
    conn: &mut DbConnection,
    within: Option<&str>,
    status: Option<&str>,
) -> StoreResult<Vec<(UnitRequestRow, String)>> {
    let mut query = unit_requests::table
        .inner_join(units::table.on(units::id.eq(unit_requests::parent_id)))
        .select((UnitRequestRow::as_select(), units::name))
        .order(unit_requests::created_at.desc())
        .limit(500)
        .into_boxed();
    if let Some(prefix) = within {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    if let Some(status) = status {
        query = query.filter(unit_requests::status.eq(status.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// Saves a decision on a request that was still pending; a request decided meanwhile is a
/// conflict, so two administrators never both decide it.
pub fn decide(conn: &mut DbConnection, row: &UnitRequestRow) -> StoreResult<()> {
    let updated = diesel::update(
        unit_requests::table
            .filter(unit_requests::id.eq(&row.id))
            .filter(unit_requests::status.eq("pending")),
    )
    .set(row)
    .execute(conn)?;
    if updated == 0 {
        return Err(StoreError::StaleVersion);
    }
    Ok(())
}
