use std::path::PathBuf;

use hoso_api_types::backups::VerificationView;
use hoso_store::backup as dump;
use hoso_store::backups::RestoreRow;
use hoso_store::{DatabaseUrl, DbConnection};

use super::archive::Header;
use super::load;
use super::verify::{file_sha256, verify_archive};
use crate::error::AppError;
use crate::session::system_event;
use crate::App;

/// What `hoso restore` was asked.
pub struct RestoreOptions {
    pub archive: PathBuf,
    /// Identities that may open the archive (this server's own, or the offline recovery key).
    pub identities: Vec<Box<dyn age::Identity>>,
    /// The database to restore into.
    pub into: DatabaseUrl,
    /// Only verify (a restore into a scratch database); the target is not touched.
    pub dry_run: bool,
    /// Replace a database that holds data (everything in it is dropped first).
    pub replace: bool,
    /// Who restores, for the record (the operator's name, or "hoso restore").
    pub restored_by: String,
}

pub struct RestoreReport {
    pub header: Header,
    pub verification: VerificationView,
    /// False for a dry run.
    pub restored: bool,
}

/// Restores an archive (SEC-5): first a full verification into a scratch database, so that a
/// damaged archive or a wrong key never touches the target; then, unless a dry run, the rows
/// into the target brought to the archive's schema (one transaction), the documents into this
/// deployment's document store, the remaining migrations, and a record of the restore. A target
/// holding data is refused unless `replace`. Blocking: run it on a blocking thread.
pub fn restore_backup(app: &App, options: RestoreOptions) -> Result<RestoreReport, AppError> {
    let identities: Vec<&dyn age::Identity> = options.identities.iter().map(|i| i.as_ref()).collect();
    let (header, manifest, verification) =
        verify_archive(app, &options.archive, &identities, &app.backups.scratch)?;
    if !verification.ok {
        return Err(AppError::Conflict {
            code: "backup_corrupt",
            message: format!(
                "Bản sao lưu không phục hồi đúng: {}",
                verification.problems.join(" ")
            ),
        });
    }
    if options.dry_run {
        return Ok(RestoreReport {
            header,
            verification,
            restored: false,
        });
    }

    let mut conn = open_target(&options.into, options.replace)?;
    let staging = tempfile::tempdir_in(&app.backups.scratch)
        .map_err(|e| AppError::Unavailable(format!("{}: {e}", app.backups.scratch.display())))?;
    let loaded = load::load(
        &options.archive,
        &identities,
        &mut conn,
        |header, conn| {
            hoso_store::migrations::run_up_to(conn, &header.schema_version)?;
            Ok(())
        },
        |digest, bytes| {
            std::fs::write(staging.path().join(digest), bytes)
                .map_err(|e| AppError::Unavailable(format!("{}: {e}", staging.path().display())))
        },
    )?;
    hoso_store::migrations::prepare(&mut conn)?;
    for document in &loaded.manifest.documents {
        let bytes = std::fs::read(staging.path().join(&document.sha256))
            .map_err(|e| AppError::Unavailable(format!("{}: {e}", staging.path().display())))?;
        app.blobs.put(&document.sha256, &bytes)?;
    }
    let now = app.clock.now_naive();
    let file_name = options
        .archive
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let size = std::fs::metadata(&options.archive)
        .map(|m| m.len() as i64)
        .unwrap_or(0);
    let sha256 = file_sha256(&options.archive)?;
    let verification_json =
        serde_json::to_string(&verification).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut event = system_event("backup.restored");
    event.actor_name = Some(options.restored_by.clone());
    event.target_type = Some("backup".into());
    event.target_id = Some(header.backup_id.clone());
    event.details = Some(format!(
        "{file_name} ({} dòng, {} tài liệu)",
        manifest.rows(),
        manifest.documents.len()
    ));
    conn.write_transaction(|conn| {
        // The archive's own record was taken while it was being made: it is verified now.
        if let Some(row) = hoso_store::backups::find(conn, &header.backup_id)? {
            if row.state == hoso_store::backups::RUNNING {
                hoso_store::backups::mark_verified(
                    conn,
                    &row.id,
                    manifest.verified(size, &sha256, &verification_json, now),
                )?;
            }
        }
        hoso_store::backups::record_restore(
            conn,
            &RestoreRow {
                id: uuid::Uuid::new_v4().to_string(),
                backup_id: header.backup_id.clone(),
                file_name: file_name.clone(),
                source_backend: header.backend.clone(),
                source_schema_version: header.schema_version.clone(),
                backup_made_at: header.made_at,
                rows_total: manifest.rows() as i64,
                documents: manifest.documents.len() as i32,
                restored_by: options.restored_by.clone(),
                restored_at: now,
            },
        )?;
        crate::audit::record(conn, event)
    })?;
    Ok(RestoreReport {
        header: loaded.header,
        verification,
        restored: true,
    })
}

/// A connection to the target, emptied first when `replace` allows it.
fn open_target(into: &DatabaseUrl, replace: bool) -> Result<DbConnection, AppError> {
    let mut conn = into.connect(5_000)?;
    let Some(table) = dump::first_table_with_data(&mut conn)? else {
        return Ok(conn);
    };
    if !replace {
        return Err(AppError::Conflict {
            code: "restore_target_not_empty",
            message: format!(
                "Cơ sở dữ liệu đích {into} đã có dữ liệu (bảng «{table}»): phục hồi vào một cơ sở dữ liệu trống, \
                 hoặc dùng --replace để xóa toàn bộ dữ liệu hiện có."
            ),
        });
    }
    match into {
        DatabaseUrl::Sqlite(path) => {
            drop(conn);
            for suffix in ["", "-wal", "-shm"] {
                let file = PathBuf::from(format!("{}{suffix}", path.display()));
                match std::fs::remove_file(&file) {
                    Ok(()) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                    Err(e) => return Err(AppError::Unavailable(format!("{}: {e}", file.display()))),
                }
            }
            Ok(into.connect(5_000)?)
        }
        DatabaseUrl::Postgres(_) => {
            dump::drop_everything(&mut conn)?;
            Ok(conn)
        }
    }
}
