//! Imports of a province's existing staff and dossiers from spreadsheets (issue #15; ORG-1,
//! DOS-1, DOS-5, USE-1): a template per kind, a dry run that checks every cell with the checks
//! a draft save applies and hands the workbook back marked, and a commit on the durable job
//! queue that writes each person whole or not at all, resumable and idempotent by citizen ID.

pub mod check_import;
pub mod commit_import;
pub mod download_import_template;
pub mod download_marked_workbook;
pub mod export_search_workbook;
pub mod list_imports;
pub mod plan;
pub mod read_import;
pub mod sheets;
pub mod workbook;
pub use check_import::{check_import, ImportUpload};
pub use commit_import::{commit_import, COMMIT_JOB};
pub use download_import_template::download_import_template;
pub use download_marked_workbook::download_marked_workbook;
pub use export_search_workbook::export_search_workbook;
pub use list_imports::list_imports;
pub use read_import::read_import;

use hoso_api_types::imports::{ImportCounts, ImportIssue, ImportView};
use hoso_domain::access::{AccountKind, Right, Scope};
use hoso_domain::import::ImportKind;
use hoso_domain::FieldError;
use hoso_store::imports::ImportRow;
use hoso_store::DbConnection;

use crate::error::AppError;
use crate::session::Session;
use crate::views::utc;

/// Issues a view carries; the marked workbook has them all.
const ISSUES_IN_VIEW: usize = 500;

/// Importing needs an agency account that may open or update dossiers.
pub fn require_importer(session: &Session) -> Result<(), AppError> {
    let actor = &session.actor;
    let may = actor.kind != AccountKind::Personal
        && (actor.rights.contains(Right::CreateDossiers) || actor.rights.contains(Right::UpdateDossiers));
    if may {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

pub fn kind(key: &str) -> Result<ImportKind, AppError> {
    ImportKind::parse(key).ok_or_else(|| {
        let known: Vec<&str> = ImportKind::ALL.iter().map(|k| k.as_str()).collect();
        FieldError::new(
            "kind",
            "invalid_choice",
            format!("Không có mẫu nhập này; có: {}.", known.join(", ")),
        )
        .into()
    })
}

/// An import the caller may see: their own, or any for Sở Nội vụ's importers. Others: 404.
pub fn load_visible(conn: &mut DbConnection, session: &Session, id: &str) -> Result<ImportRow, AppError> {
    require_importer(session)?;
    let row = hoso_store::imports::find(conn, id)?.ok_or(AppError::NotFound)?;
    let province = matches!(session.actor.scope, Scope::Province);
    if row.created_by != session.actor.account_id && !province {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

pub fn view(conn: &mut DbConnection, row: ImportRow) -> Result<ImportView, AppError> {
    let created_by = hoso_store::accounts::find(conn, &row.created_by)?
        .map(|a| a.account.username)
        .unwrap_or_default();
    let job = match &row.job_id {
        Some(id) => hoso_store::jobs::find(conn, id)?,
        None => None,
    };
    let (progress_done, progress_total) = job
        .as_ref()
        .map(|j| (j.progress_done, j.progress_total))
        .unwrap_or_default();
    // A commit whose job an administrator cancelled (`POST /jobs/{id}/cancel`) is not committing
    // any more: what it wrote stays, the rest was not written.
    let cancelled = row.status == hoso_store::imports::COMMITTING
        && job
            .as_ref()
            .is_some_and(|j| j.state == hoso_store::jobs::CANCELLED);
    let (status, error) = if cancelled {
        (
            hoso_store::imports::FAILED.to_owned(),
            Some("Việc ghi đã bị hủy ở trang Tác vụ nền; những dòng đã ghi được giữ nguyên.".to_owned()),
        )
    } else {
        (row.status.clone(), row.error.clone())
    };
    let committed = if row.job_id.is_some() {
        let mut counts = ImportCounts::default();
        for (outcome, n) in hoso_store::imports::outcome_counts(conn, &row.id)? {
            plan::count(&mut counts, &outcome, n as i32);
        }
        Some(counts)
    } else {
        None
    };
    let mut issues: Vec<ImportIssue> = serde_json::from_str(&row.issues)
        .map_err(|e| AppError::Internal(format!("import {} issues: {e}", row.id)))?;
    issues.truncate(ISSUES_IN_VIEW);
    Ok(ImportView {
        id: row.id,
        kind: row.kind,
        status,
        file_name: row.file_name,
        sha256: row.sha256,
        document_id: row.document_id,
        created_by,
        created_at: utc(row.created_at),
        rows_read: row.rows_read,
        dry_run: ImportCounts {
            new: row.people_new,
            updated: row.people_updated,
            unchanged: row.people_unchanged,
            refused: row.people_refused,
        },
        committed,
        issue_count: row.issue_count,
        issues,
        valid_only: row.valid_only,
        migrated: row.migrated,
        job_id: row.job_id,
        progress_done,
        progress_total,
        committed_at: row.committed_at.map(utc),
        finished_at: row.finished_at.map(utc),
        error,
    })
}
