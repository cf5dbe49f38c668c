//! The record of backups (SEC-5) and of what was restored into this database.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::error::StoreResult;
use crate::schema::{backups, restores};
use crate::DbConnection;

pub const RUNNING: &str = "running";
pub const VERIFIED: &str = "verified";
pub const FAILED: &str = "failed";
pub const DELETED: &str = "deleted";

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = backups)]
pub struct BackupRow {
    pub id: String,
    pub kind: String,
    pub state: String,
    pub location: String,
    pub file_name: String,
    pub size_bytes: Option<i64>,
    pub sha256: Option<String>,
    pub schema_version: String,
    pub data_key_ids: String,
    pub tables: Option<i32>,
    pub rows_total: Option<i64>,
    pub documents: Option<i32>,
    pub document_bytes: Option<i64>,
    pub verification: Option<String>,
    pub verified_at: Option<NaiveDateTime>,
    pub error: Option<String>,
    pub job_id: Option<String>,
    pub made_by_type: String,
    pub made_by_id: Option<String>,
    pub made_by_name: String,
    pub started_at: NaiveDateTime,
    pub finished_at: Option<NaiveDateTime>,
    pub keep_until: Option<NaiveDate>,
    pub deleted_at: Option<NaiveDateTime>,
    pub deleted_by: Option<String>,
    pub delete_reason: Option<String>,
}

pub fn insert(conn: &mut DbConnection, row: &BackupRow) -> StoreResult<()> {
    diesel::insert_into(backups::table).values(row).execute(conn)?;
    Ok(())
}

pub fn find(conn: &mut DbConnection, id: &str) -> StoreResult<Option<BackupRow>> {
    Ok(backups::table
        .find(id)
        .select(BackupRow::as_select())
        .first(conn)
        .optional()?)
}

pub fn of_job(conn: &mut DbConnection, job_id: &str) -> StoreResult<Option<BackupRow>> {
    Ok(backups::table
        .filter(backups::job_id.eq(job_id))
        .select(BackupRow::as_select())
        .first(conn)
        .optional()?)
}

/// Newest first.
pub fn list(conn: &mut DbConnection, limit: i64) -> StoreResult<Vec<BackupRow>> {
    Ok(backups::table
        .order((backups::started_at.desc(), backups::id.desc()))
        .limit(limit)
        .select(BackupRow::as_select())
        .load(conn)?)
}

/// The archive was written and restored as its manifest says.
pub struct Verified<'a> {
    pub size_bytes: i64,
    pub sha256: &'a str,
    pub tables: i32,
    pub rows_total: i64,
    pub documents: i32,
    pub document_bytes: i64,
    pub verification: &'a str,
    pub at: NaiveDateTime,
}

pub fn mark_verified(conn: &mut DbConnection, id: &str, v: Verified<'_>) -> StoreResult<()> {
    diesel::update(backups::table.find(id))
        .set((
            backups::state.eq(VERIFIED),
            backups::size_bytes.eq(v.size_bytes),
            backups::sha256.eq(v.sha256),
            backups::tables.eq(v.tables),
            backups::rows_total.eq(v.rows_total),
            backups::documents.eq(v.documents),
            backups::document_bytes.eq(v.document_bytes),
            backups::verification.eq(v.verification),
            backups::verified_at.eq(v.at),
            backups::finished_at.eq(v.at),
            backups::error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn mark_failed(
    conn: &mut DbConnection,
    id: &str,
    error: &str,
    verification: Option<&str>,
    at: NaiveDateTime,
) -> StoreResult<()> {
    diesel::update(backups::table.find(id))
        .set((
            backups::state.eq(FAILED),
            backups::error.eq(error),
            backups::finished_at.eq(at),
        ))
        .execute(conn)?;
    // A verification's findings, once recorded, stay with the failure.
    if let Some(verification) = verification {
        diesel::update(backups::table.find(id))
            .set(backups::verification.eq(verification))
            .execute(conn)?;
    }
    Ok(())
}

/// Starts a run of the backup again (a worker died mid-way and the job is claimed again).
pub fn restart(conn: &mut DbConnection, id: &str, at: NaiveDateTime) -> StoreResult<()> {
    diesel::update(backups::table.find(id))
        .set((
            backups::state.eq(RUNNING),
            backups::started_at.eq(at),
            backups::error.eq(None::<String>),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn mark_deleted(
    conn: &mut DbConnection,
    id: &str,
    by: &str,
    reason: &str,
    at: NaiveDateTime,
) -> StoreResult<()> {
    diesel::update(backups::table.find(id))
        .set((
            backups::state.eq(DELETED),
            backups::deleted_at.eq(at),
            backups::deleted_by.eq(by),
            backups::delete_reason.eq(reason),
        ))
        .execute(conn)?;
    Ok(())
}

/// Verified backups kept for a limited time (retention decides which are over).
pub fn verified_with_retention(conn: &mut DbConnection) -> StoreResult<Vec<BackupRow>> {
    Ok(backups::table
        .filter(backups::state.eq(VERIFIED))
        .filter(backups::keep_until.is_not_null())
        .select(BackupRow::as_select())
        .load(conn)?)
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = restores)]
pub struct RestoreRow {
    pub id: String,
    pub backup_id: String,
    pub file_name: String,
    pub source_backend: String,
    pub source_schema_version: String,
    pub backup_made_at: NaiveDateTime,
    pub rows_total: i64,
    pub documents: i32,
    pub restored_by: String,
    pub restored_at: NaiveDateTime,
}

pub fn record_restore(conn: &mut DbConnection, row: &RestoreRow) -> StoreResult<()> {
    diesel::insert_into(restores::table).values(row).execute(conn)?;
    Ok(())
}

/// Newest first.
pub fn restores(conn: &mut DbConnection) -> StoreResult<Vec<RestoreRow>> {
    Ok(restores::table
        .order(restores::restored_at.desc())
        .select(RestoreRow::as_select())
        .load(conn)?)
}
