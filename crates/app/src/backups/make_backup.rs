use std::sync::Arc;

use diesel::connection::SimpleConnection;
use diesel::Connection;
use hoso_domain::backup::{file_name, retention_over, BackupKind};
use hoso_store::backup as dump;
use hoso_store::backups::{self as store, BackupRow};
use hoso_store::DbConnection;

use super::archive::{self, Header, TableHeader, FORMAT};
use super::verify::verify_archive;
use crate::error::AppError;
use crate::jobs::{JobContext, QueuedBy};
use crate::session::system_event;
use crate::App;

/// Makes one backup: writes the archive of a consistent snapshot under a temporary name,
/// restores it into a scratch database and compares, and only then gives it its name and
/// records it verified; afterwards retention deletes expired monthly ones. A failure is
/// recorded (state `failed`, an audit event `backup.failed`, an error log line) and returned as
/// a refusal, so a job making it ends dead rather than retrying a broken disk for an hour.
/// Blocking: call it on a blocking thread, with a connection of its own (a job's, so that a
/// backup holds no more than the job runner gave it besides progress reports). Run again for the
/// same job (a worker was killed), it starts that backup afresh under the same name.
pub fn make_backup(
    app: &Arc<App>,
    conn: &mut DbConnection,
    kind: BackupKind,
    by: &QueuedBy,
    job: Option<&JobContext>,
) -> Result<BackupRow, AppError> {
    let settings = &app.backups;
    let now = app.clock.now_naive();
    let schema_version = dump::schema_versions(conn)?
        .pop()
        .ok_or_else(|| AppError::Internal("the database has no migrations applied".into()))?;
    let existing = match job {
        Some(job) => store::of_job(conn, &job.job.id)?,
        None => None,
    };
    let row = match existing {
        Some(row) if row.state == store::VERIFIED => return Ok(row),
        Some(row) => {
            store::restart(conn, &row.id, now)?;
            BackupRow {
                state: store::RUNNING.into(),
                started_at: now,
                error: None,
                ..row
            }
        }
        None => {
            let row = BackupRow {
                id: uuid::Uuid::new_v4().to_string(),
                kind: kind.as_str().into(),
                state: store::RUNNING.into(),
                location: settings.target.describe(),
                file_name: file_name(kind, now),
                size_bytes: None,
                sha256: None,
                schema_version: schema_version.clone(),
                data_key_ids: app.data_keys.ids().join(" "),
                tables: None,
                rows_total: None,
                documents: None,
                document_bytes: None,
                verification: None,
                verified_at: None,
                error: None,
                job_id: job.map(|j| j.job.id.clone()),
                made_by_type: by.kind.into(),
                made_by_id: by.id.clone(),
                made_by_name: by.name.clone().unwrap_or_else(|| "hoso".into()),
                started_at: now,
                finished_at: None,
                keep_until: kind.keep_until(hoso_domain::schedule::local_of_utc(now).date()),
                deleted_at: None,
                deleted_by: None,
                delete_reason: None,
            };
            store::insert(conn, &row)?;
            row
        }
    };
    match write_and_verify(app, conn, &row, kind, job) {
        Ok(verified) => Ok(verified),
        Err(error) => {
            let message = match &error {
                AppError::Conflict { message, .. } => message.clone(),
                other => other.to_string(),
            };
            let _ = std::fs::remove_file(settings.target.staging(&settings.scratch, &row.file_name));
            let at = app.clock.now_naive();
            tracing::error!(backup = %row.id, file = %row.file_name, error = %message, "backup failed");
            let mut event = system_event("backup.failed");
            event.outcome = "failure".into();
            event.target_type = Some("backup".into());
            event.target_id = Some(row.id.clone());
            event.details = Some(message.clone());
            conn.write_transaction(|conn| {
                store::mark_failed(conn, &row.id, &message, None, at)?;
                crate::audit::record(conn, event)
            })?;
            Err(AppError::Conflict {
                code: "backup_failed",
                message: format!("Sao lưu không thành công: {message}"),
            })
        }
    }
}

fn write_and_verify(
    app: &Arc<App>,
    conn: &mut DbConnection,
    row: &BackupRow,
    kind: BackupKind,
    job: Option<&JobContext>,
) -> Result<BackupRow, AppError> {
    let settings = &app.backups;
    let partial = settings.target.staging(&settings.scratch, &row.file_name);
    let staging = partial.parent().expect("a staged archive has a directory");
    std::fs::create_dir_all(staging).map_err(|e| AppError::Conflict {
        code: "backup_failed",
        message: format!("Không tạo được thư mục sao lưu {}: {e}", staging.display()),
    })?;
    let recipients = settings.all_recipients();
    let stall = job.is_some_and(|j| j.job.attempts <= 1)
        && std::env::var("HOSO_TEST_BACKUP_STALL").as_deref() == Ok("1");
    // One snapshot for every table: PostgreSQL's repeatable read, SQLite's read transaction.
    let written = conn.transaction(|conn| -> Result<archive::Written, AppError> {
        if let DbConnection::Postgres(_) = conn {
            conn.batch_execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                .map_err(hoso_store::StoreError::from)?;
        }
        let tables = dump::tables(conn)?;
        let header = Header {
            format: FORMAT.into(),
            backup_id: row.id.clone(),
            kind,
            hoso_version: env!("CARGO_PKG_VERSION").into(),
            schema_version: row.schema_version.clone(),
            backend: conn.backend().as_str().into(),
            province: app.province_name.clone(),
            made_at: row.started_at,
            made_by: row.made_by_name.clone(),
            data_key_ids: app.data_keys.ids(),
            tables: tables.iter().map(TableHeader::of).collect(),
        };
        let mut progress = |done: usize, total: usize| -> Result<(), AppError> {
            if let Some(job) = job {
                job.progress(done, total)?;
            }
            if stall && done == total - 1 {
                // Test hook (HOSO_TEST_BACKUP_STALL=1, first attempt only): hold the job with
                // the archive half written, so that a test can kill the process here.
                loop {
                    std::thread::park();
                }
            }
            Ok(())
        };
        archive::write(
            conn,
            &*app.blobs,
            &header,
            &tables,
            &recipients,
            &partial,
            &mut progress,
        )
    })?;
    let identity = settings.identity.clone();
    let (_, manifest, verification) = verify_archive(app, &partial, &[&identity], &settings.scratch)?;
    let verification_json =
        serde_json::to_string(&verification).map_err(|e| AppError::Internal(e.to_string()))?;
    if !verification.ok {
        let at = app.clock.now_naive();
        store::mark_failed(
            conn,
            &row.id,
            &verification.problems.join(" "),
            Some(&verification_json),
            at,
        )?;
        return Err(AppError::Conflict {
            code: "backup_failed",
            message: format!(
                "Bản sao lưu không khớp khi phục hồi thử: {}",
                verification.problems.join(" ")
            ),
        });
    }
    if manifest != written.manifest {
        return Err(AppError::Conflict {
            code: "backup_failed",
            message: "Bản kê đọc lại khác bản kê đã ghi.".into(),
        });
    }
    settings.target.keep(&partial, &row.file_name, &written.sha256)?;
    let at = app.clock.now_naive();
    let mut event = system_event("backup.verified");
    event.target_type = Some("backup".into());
    event.target_id = Some(row.id.clone());
    event.details = Some(format!(
        "{} ({} byte, {} dòng, {} tài liệu)",
        row.file_name,
        written.size_bytes,
        manifest.rows(),
        manifest.documents.len()
    ));
    conn.write_transaction(|conn| {
        store::mark_verified(
            conn,
            &row.id,
            manifest.verified(written.size_bytes as i64, &written.sha256, &verification_json, at),
        )?;
        crate::audit::record(conn, event)
    })?;
    apply_retention(app, conn)?;
    store::find(conn, &row.id)?.ok_or(AppError::NotFound)
}

/// Deletes the archives of verified monthly and on-demand backups whose three months are over.
fn apply_retention(app: &App, conn: &mut DbConnection) -> Result<(), AppError> {
    let today = hoso_domain::schedule::local_of_utc(app.clock.now_naive()).date();
    let backups = store::verified_with_retention(conn)?;
    for expired in backups.iter().filter(|b| retention_over(b.keep_until, today)) {
        if let Err(e) = app.backups.target.delete(&expired.file_name) {
            tracing::warn!(file = %expired.file_name, error = %e, "expired backup not deleted");
            continue;
        }
        let reason = "Hết thời hạn lưu giữ bản sao lưu tháng (3 tháng).";
        let mut event = system_event("backup.deleted");
        event.target_type = Some("backup".into());
        event.target_id = Some(expired.id.clone());
        event.reason = Some(reason.into());
        let at = app.clock.now_naive();
        conn.write_transaction(|conn| {
            store::mark_deleted(conn, &expired.id, "hoso", reason, at)?;
            crate::audit::record(conn, event)
        })?;
    }
    Ok(())
}
