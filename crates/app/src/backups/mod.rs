//! Backups that prove themselves (SEC-5, SEC-1, SEC-6; issue #18).
//!
//! A backup is one archive of the whole database (every table, read off the catalogue), every
//! document and a manifest of hashes, in a backend-neutral format (`archive`), encrypted with
//! age to the configured recipients and to this server's own key, written under a temporary
//! name and renamed only once a real restore of it into a scratch database (`verify`) found
//! it equal to its manifest. Scheduled on the last working day of every month (the one ending
//! a quarter is the quarterly backup, kept permanently); monthly and on-demand ones are kept
//! three months. `hoso restore` loads an archive into an empty SQLite or PostgreSQL database,
//! whichever the archive came from.

pub mod archive;
pub mod delete_backup;
pub mod keys;
pub mod list_backups;
pub mod load;
pub mod make_backup;
pub mod restore_backup;
pub mod start_backup;
pub mod target;
pub mod verify;

use hoso_api_types::backups::{BackupView, RestoreView};
use hoso_domain::backup::BackupKind;
use hoso_domain::schedule::Recurrence;
use hoso_store::backups::{BackupRow, RestoreRow};
use hoso_store::DbConnection;
use serde_json::Value;
use std::path::PathBuf;

pub use delete_backup::delete_backup;
pub use list_backups::list_backups;
pub use make_backup::make_backup;
pub use restore_backup::{restore_backup, RestoreOptions, RestoreReport};
pub use start_backup::start_backup;

use crate::error::AppError;
use crate::jobs::{JobContext, JobKind, QueuedBy};
use crate::views::utc;

/// Where backups go and who can open them.
#[derive(Clone)]
pub struct BackupSettings {
    /// Where verified archives are kept: a directory (a mounted dedicated disk) or an
    /// S3-compatible object store.
    pub target: target::BackupTarget,
    /// How to reach an object store named by a `s3://` archive given to `hoso restore`.
    pub s3: target::S3Options,
    /// Public keys (age X25519 recipients) each archive is also encrypted to: the province's
    /// recovery keys, whose identities are kept offline.
    pub recipients: Vec<age::x25519::Recipient>,
    /// This server's own identity: it encrypts every archive to its public key too, so that it
    /// can restore the archive to verify it.
    pub identity: age::x25519::Identity,
    /// Where verification makes its scratch database.
    pub scratch: PathBuf,
}

impl std::fmt::Debug for BackupSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the identity.
        f.debug_struct("BackupSettings")
            .field("target", &self.target.describe())
            .field("recipients", &self.recipients.len())
            .finish_non_exhaustive()
    }
}

impl BackupSettings {
    /// Everyone an archive is encrypted to.
    pub fn all_recipients(&self) -> Vec<age::x25519::Recipient> {
        let mut all = vec![self.identity.to_public()];
        all.extend(self.recipients.iter().cloned());
        all
    }

    /// Settings under one directory with a fresh identity (tests, the demo).
    pub fn in_directory(root: &std::path::Path) -> Self {
        BackupSettings {
            target: target::BackupTarget::Directory(root.join("backups")),
            s3: target::S3Options::default(),
            recipients: Vec::new(),
            identity: age::x25519::Identity::generate(),
            scratch: root.join("tmp"),
        }
    }
}

/// The scheduled backup: the last working day of each month, at 18:00 local time, after the
/// working day (HY 12, TG 9).
pub fn schedule() -> crate::scheduler::Schedule {
    crate::scheduler::Schedule {
        name: "backup.monthly",
        recurrence: Recurrence::LastWorkingDayOfMonth {
            at: chrono::NaiveTime::from_hms_opt(18, 0, 0).expect("a time of day"),
        },
        kind: BACKUP_JOB.name,
        payload: serde_json::json!({}),
    }
}

/// Makes one backup; its payload is `{"kind": …}` or, from the schedule, `{"occurrence": …}`.
pub const BACKUP_JOB: JobKind = JobKind {
    name: "backup",
    run: run_job,
    on_dead: Some(on_dead),
};

fn run_job(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let payload: Value = context.payload()?;
    let kind = match (
        payload.get("kind").and_then(Value::as_str),
        payload.get("occurrence"),
    ) {
        (Some(kind), _) => BackupKind::parse(kind)
            .ok_or_else(|| AppError::Internal(format!("job {}: backup kind {kind}", context.job.id)))?,
        (None, Some(occurrence)) => {
            let at: chrono::NaiveDateTime = serde_json::from_value(occurrence.clone())
                .map_err(|e| AppError::Internal(format!("job {}: occurrence {e}", context.job.id)))?;
            BackupKind::scheduled_on(hoso_domain::schedule::local_of_utc(at).date())
        }
        (None, None) => BackupKind::OnDemand,
    };
    let by = QueuedBy {
        kind: match context.job.queued_by_type.as_str() {
            "account" => "account",
            "schedule" => "schedule",
            _ => "system",
        },
        id: context.job.queued_by_id.clone(),
        name: context.job.queued_by_name.clone(),
    };
    let row = make_backup(&context.app, conn, kind, &by, Some(context))?;
    Ok(Some(
        serde_json::json!({ "backup_id": row.id, "file_name": row.file_name }),
    ))
}

fn on_dead(
    conn: &mut DbConnection,
    job: &hoso_store::jobs::JobRow,
    error: &str,
    at: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    if let Some(row) = hoso_store::backups::of_job(conn, &job.id)? {
        if row.state == hoso_store::backups::RUNNING {
            hoso_store::backups::mark_failed(conn, &row.id, error, None, at)?;
        }
    }
    Ok(())
}

pub fn view(row: BackupRow) -> BackupView {
    BackupView {
        kind: BackupKind::parse(&row.kind).unwrap_or(BackupKind::OnDemand),
        state: row.state,
        location: row.location,
        file_name: row.file_name,
        size_bytes: row.size_bytes,
        sha256: row.sha256,
        schema_version: row.schema_version,
        data_key_ids: row.data_key_ids.split_whitespace().map(str::to_owned).collect(),
        verification: row.verification.and_then(|v| serde_json::from_str(&v).ok()),
        error: row.error,
        job_id: row.job_id,
        made_by_type: row.made_by_type,
        made_by_name: row.made_by_name,
        started_at: utc(row.started_at),
        finished_at: row.finished_at.map(utc),
        keep_until: row.keep_until,
        deleted_at: row.deleted_at.map(utc),
        deleted_by: row.deleted_by,
        delete_reason: row.delete_reason,
        id: row.id,
    }
}

pub fn restore_view(row: RestoreRow) -> RestoreView {
    RestoreView {
        backup_id: row.backup_id,
        file_name: row.file_name,
        source_backend: row.source_backend,
        backup_made_at: utc(row.backup_made_at),
        rows: row.rows_total,
        documents: row.documents,
        restored_by: row.restored_by,
        restored_at: utc(row.restored_at),
    }
}
