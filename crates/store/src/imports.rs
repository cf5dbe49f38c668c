//! Imports from spreadsheets (issue #15): the dry run's record and, for a commit, one row per
//! record (person or unit) written, in that record's transaction (so a resumed commit skips it).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::error::StoreResult;
use crate::schema::{import_records, imports};
use crate::DbConnection;

pub const CHECKED: &str = "checked";
pub const COMMITTING: &str = "committing";
pub const COMMITTED: &str = "committed";
pub const FAILED: &str = "failed";

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = imports)]
pub struct ImportRow {
    pub id: String,
    pub kind: String,
    pub status: String,
    pub file_name: String,
    pub sha256: String,
    pub document_id: String,
    pub created_by: String,
    pub created_at: NaiveDateTime,
    pub rows_read: i32,
    pub people_new: i32,
    pub people_updated: i32,
    pub people_unchanged: i32,
    pub people_refused: i32,
    pub issues: String,
    pub issue_count: i32,
    pub valid_only: bool,
    pub migrated: bool,
    pub job_id: Option<String>,
    pub committed_by: Option<String>,
    pub committed_at: Option<NaiveDateTime>,
    pub finished_at: Option<NaiveDateTime>,
    pub error: Option<String>,
}

pub fn insert(conn: &mut DbConnection, row: &ImportRow) -> StoreResult<()> {
    diesel::insert_into(imports::table).values(row).execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<ImportRow>> {
    Ok(imports::table
        .find(id)
        .select(ImportRow::as_select())
        .first(conn)
        .optional()?)
}

/// The newest imports first; only `created_by`'s unless `None`.
pub fn list(conn: &mut DbConnection, created_by: Option<&str>, limit: i64) -> StoreResult<Vec<ImportRow>> {
    let mut query = imports::table
        .select(ImportRow::as_select())
        .order_by((imports::created_at.desc(), imports::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(account) = created_by {
        query = query.filter(imports::created_by.eq(account.to_owned()));
    }
    Ok(query.load(conn)?)
}

/// Marks a checked import as committing under `job_id`; false when it was not `checked` any
/// more (a second commit of the same import).
pub fn start_commit(
    conn: &mut DbConnection,
    id: &str,
    job_id: &str,
    by: &str,
    valid_only: bool,
    migrated: bool,
    at: NaiveDateTime,
) -> StoreResult<bool> {
    let changed = diesel::update(imports::table.find(id).filter(imports::status.eq(CHECKED)))
        .set((
            imports::status.eq(COMMITTING),
            imports::job_id.eq(job_id),
            imports::committed_by.eq(by),
            imports::committed_at.eq(at),
            imports::valid_only.eq(valid_only),
            imports::migrated.eq(migrated),
        ))
        .execute(conn)?;
    Ok(changed == 1)
}

/// Ends a commit: its final status, and the counts of what it wrote.
pub fn finish(
    conn: &mut DbConnection,
    id: &str,
    status: &str,
    error: Option<&str>,
    at: NaiveDateTime,
) -> StoreResult<()> {
    diesel::update(imports::table.find(id))
        .set((
            imports::status.eq(status),
            imports::error.eq(error),
            imports::finished_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

/// One record the commit wrote (or refused), with its outcome.
pub fn record_done(
    conn: &mut DbConnection,
    import_id: &str,
    record_key: &str,
    outcome: &str,
    target_id: Option<&str>,
) -> StoreResult<()> {
    diesel::insert_into(import_records::table)
        .values((
            import_records::import_id.eq(import_id),
            import_records::record_key.eq(record_key),
            import_records::outcome.eq(outcome),
            import_records::target_id.eq(target_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// The keys of the records a commit has already written.
pub fn records_done(
    conn: &mut DbConnection,
    import_id: &str,
) -> StoreResult<std::collections::HashSet<String>> {
    Ok(import_records::table
        .filter(import_records::import_id.eq(import_id))
        .select(import_records::record_key)
        .load::<String>(conn)?
        .into_iter()
        .collect())
}

/// How many records of the commit ended each way (outcome, count).
pub fn outcome_counts(conn: &mut DbConnection, import_id: &str) -> StoreResult<Vec<(String, i64)>> {
    Ok(import_records::table
        .filter(import_records::import_id.eq(import_id))
        .group_by(import_records::outcome)
        .select((import_records::outcome, diesel::dsl::count_star()))
        .load(conn)?)
}

/// The file a dossier was migrated from, when Sở Nội vụ marked the import that opened or
/// updated it so: (file name, SHA-256), the earliest such import.
pub fn migrated_source(conn: &mut DbConnection, dossier_id: &str) -> StoreResult<Option<(String, String)>> {
    Ok(import_records::table
        .inner_join(imports::table.on(imports::id.eq(import_records::import_id)))
        .filter(import_records::target_id.eq(dossier_id))
        .filter(imports::migrated.eq(true))
        .order_by(imports::created_at.asc())
        .select((imports::file_name, imports::sha256))
        .first(conn)
        .optional()?)
}
