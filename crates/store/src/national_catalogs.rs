//! Versions of the shared national catalogues read from the national side, waiting for an
//! administrator's review or decided (issue #17; docs/integration.md, "Catalogues").

use chrono::NaiveDateTime;
use diesel::prelude::*;
use hoso_domain::catalog::CatalogEntry;

use crate::error::StoreResult;
use crate::schema::{catalog_entries, catalogs, national_catalog_updates};
use crate::DbConnection;

pub const PENDING: &str = "pending";
pub const UNCHANGED: &str = "unchanged";
pub const INVALID: &str = "invalid";
pub const ACCEPTED: &str = "accepted";
pub const REJECTED: &str = "rejected";
pub const SUPERSEDED: &str = "superseded";

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = national_catalog_updates)]
pub struct UpdateRow {
    pub id: String,
    pub kind: String,
    pub national_name: String,
    pub national_version: i32,
    pub title: String,
    pub source: String,
    pub effective_date: Option<chrono::NaiveDate>,
    pub state: String,
    /// JSON array of the national entries as read.
    pub entries: String,
    /// JSON array of `hoso_domain::national_catalogs::CatalogChange`.
    pub changes: String,
    /// JSON array of codes.
    pub only_here: String,
    pub error: Option<String>,
    pub job_id: Option<String>,
    pub fetched_at: NaiveDateTime,
    pub decided_by: Option<String>,
    pub decided_at: Option<NaiveDateTime>,
    pub reason: Option<String>,
    pub skipped: Option<String>,
}

/// Keeps a version read; `false` when another check kept the same version first.
pub fn insert_update(conn: &mut DbConnection, row: &UpdateRow) -> StoreResult<bool> {
    Ok(conn.insert_unless_taken(|conn| {
        diesel::insert_into(national_catalog_updates::table)
            .values(row)
            .execute(conn)
    })?)
}

pub fn find_update(conn: &mut DbConnection, id: &str) -> StoreResult<Option<UpdateRow>> {
    Ok(national_catalog_updates::table
        .find(id)
        .select(UpdateRow::as_select())
        .first(conn)
        .optional()?)
}

/// The newest version of `kind` read so far, whatever became of it.
pub fn last_version(conn: &mut DbConnection, kind: &str) -> StoreResult<Option<i32>> {
    Ok(national_catalog_updates::table
        .filter(national_catalog_updates::kind.eq(kind))
        .select(diesel::dsl::max(national_catalog_updates::national_version))
        .first(conn)?)
}

/// Newest first; `state` narrows to one state.
pub fn list_updates(conn: &mut DbConnection, state: Option<&str>, limit: i64) -> StoreResult<Vec<UpdateRow>> {
    let mut query = national_catalog_updates::table
        .select(UpdateRow::as_select())
        .order((
            national_catalog_updates::fetched_at.desc(),
            national_catalog_updates::kind.asc(),
        ))
        .limit(limit)
        .into_boxed();
    if let Some(state) = state {
        query = query.filter(national_catalog_updates::state.eq(state.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// Pending updates of `kind` older than `version` become `superseded`: the newer version's
/// changes are computed against ours and hold all of theirs.
pub fn supersede_older(conn: &mut DbConnection, kind: &str, version: i32) -> StoreResult<usize> {
    Ok(diesel::update(
        national_catalog_updates::table
            .filter(national_catalog_updates::kind.eq(kind))
            .filter(national_catalog_updates::state.eq(PENDING))
            .filter(national_catalog_updates::national_version.lt(version)),
    )
    .set(national_catalog_updates::state.eq(SUPERSEDED))
    .execute(conn)?)
}

/// Records the decision on a pending update; `false` if it was no longer pending.
pub fn decide(
    conn: &mut DbConnection,
    id: &str,
    state: &str,
    by: &str,
    at: NaiveDateTime,
    reason: &str,
    skipped: Option<&str>,
) -> StoreResult<bool> {
    let changed = diesel::update(
        national_catalog_updates::table
            .filter(national_catalog_updates::id.eq(id))
            .filter(national_catalog_updates::state.eq(PENDING)),
    )
    .set((
        national_catalog_updates::state.eq(state),
        national_catalog_updates::decided_by.eq(by),
        national_catalog_updates::decided_at.eq(at),
        national_catalog_updates::reason.eq(reason),
        national_catalog_updates::skipped.eq(skipped),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// Writes an accepted national entry over ours (or adds it): from then on it is `national`, and
/// the shipped files leave it alone.
pub fn put_national_entry(
    conn: &mut DbConnection,
    kind: &str,
    entry: &CatalogEntry,
    by: &str,
) -> StoreResult<()> {
    let data = entry.data.as_ref().map(|d| d.to_string());
    let updated = diesel::update(catalog_entries::table.find((kind, &entry.code)))
        .set((
            catalog_entries::label.eq(&entry.label),
            catalog_entries::parent.eq(&entry.parent),
            catalog_entries::valid_from.eq(entry.valid_from),
            catalog_entries::valid_to.eq(entry.valid_to),
            catalog_entries::replaced_by.eq(&entry.replaced_by),
            catalog_entries::data.eq(&data),
            catalog_entries::origin.eq("national"),
            // A code the national side publishes is national, whoever made it first.
            catalog_entries::local_code.eq(false),
        ))
        .execute(conn)?;
    if updated == 0 {
        crate::catalogs::insert_entry(conn, kind, entry, "national", Some(by))?;
    }
    Ok(())
}

/// The national version a catalogue was brought to.
pub fn set_national_version(conn: &mut DbConnection, kind: &str, version: i32) -> StoreResult<()> {
    diesel::update(catalogs::table.find(kind))
        .set(catalogs::national_version.eq(version))
        .execute(conn)?;
    Ok(())
}

pub fn count_in_state(conn: &mut DbConnection, state: &str) -> StoreResult<i64> {
    Ok(national_catalog_updates::table
        .filter(national_catalog_updates::state.eq(state))
        .count()
        .get_result(conn)?)
}
