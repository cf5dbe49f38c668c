use chrono::Utc;
use hoso_api_types::imports::{ImportCounts, ImportIssue, ImportView};
use hoso_domain::FieldError;
use hoso_store::documents::NewDocument;
use hoso_store::imports::{ImportRow, CHECKED};

use super::plan::Checker;
use super::{sheets, workbook};
use crate::error::AppError;
use crate::session::Session;
use crate::{secrets, App};

/// A workbook as the HTTP layer read it (within the upload limit).
pub struct ImportUpload {
    /// `staff`.
    pub kind: String,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// The dry run (USE-1, DOS-1): reads the workbook, checks every cell and every person exactly
/// as a draft save would (and the caller's rights over each unit), and records what a commit
/// would do — new, updated, unchanged, refused — with every refused cell. Nothing is written to
/// any dossier; the file is kept as a document. A file that cannot be read as an import at all
/// (not a workbook, a zip bomb, a sheet over the caps, merged header cells, a missing required
/// column) is refused with 422 naming `file`, and nothing is stored.
pub async fn check_import(app: &App, session: Session, upload: ImportUpload) -> Result<ImportView, AppError> {
    super::require_importer(&session)?;
    let kind = super::kind(&upload.kind)?;
    let file_name = upload.file_name.trim().to_owned();
    if file_name.is_empty() || file_name.len() > 255 || file_name.contains(['/', '\\']) {
        return Err(FieldError::new("file_name", "invalid", "Tên tệp không hợp lệ.").into());
    }
    if upload.bytes.len() > app.max_import_bytes {
        return Err(AppError::PayloadTooLarge {
            limit: app.max_import_bytes,
        });
    }
    let keys = app.data_keys.clone();
    let blobs = app.blobs.clone();
    let bytes = upload.bytes;
    app.db(move |conn| {
        let book = workbook::read(kind, &file_name, &bytes)?;
        let mut checker = Checker::new(conn, &session, &keys, &book, kind)?;
        let mut issues: Vec<ImportIssue> = std::mem::take(&mut checker.issues);
        let mut counts = ImportCounts::default();
        for p in 0..checker.records.len() {
            let plan = checker.plan(conn, p)?;
            super::plan::count(&mut counts, plan.outcome_name(), 1);
            issues.extend(plan.issues);
        }
        sort_issues(&book, &mut issues);
        let rows_read: usize = book.sheets.iter().map(|s| s.rows.len()).sum();
        let digest = secrets::digest_bytes(&bytes);
        let content_type = if bytes.starts_with(b"PK") {
            sheets::XLSX
        } else {
            "text/csv"
        };
        let mut event = session.event("import.checked");
        event.target_type = Some("import".into());
        event.unit_id = session.account.account.unit_id.clone();
        let row = conn.write_transaction(|conn| -> Result<_, AppError> {
            blobs.put(&digest, &bytes)?;
            let document = hoso_store::documents::insert(
                conn,
                NewDocument {
                    sha256: digest.clone(),
                    file_name: file_name.clone(),
                    content_type: content_type.into(),
                    size_bytes: bytes.len() as i64,
                    unit_id: session.account.account.unit_id.clone(),
                    uploaded_by: session.actor.account_id.clone(),
                },
            )?;
            let row = ImportRow {
                id: hoso_store::ids::new_id(),
                kind: kind.as_str().into(),
                status: CHECKED.into(),
                file_name: file_name.clone(),
                sha256: digest.clone(),
                document_id: document.id,
                created_by: session.actor.account_id.clone(),
                created_at: Utc::now().naive_utc(),
                rows_read: rows_read as i32,
                people_new: counts.new,
                people_updated: counts.updated,
                people_unchanged: counts.unchanged,
                people_refused: counts.refused,
                issues: serde_json::to_string(&issues).expect("issues serialise"),
                issue_count: issues.len() as i32,
                valid_only: false,
                migrated: false,
                job_id: None,
                committed_by: None,
                committed_at: None,
                finished_at: None,
                error: None,
            };
            hoso_store::imports::insert(conn, &row)?;
            event.target_id = Some(row.id.clone());
            event.details = Some(
                serde_json::json!({
                    "file_name": file_name, "sha256": digest, "rows": rows_read,
                    "new": counts.new, "updated": counts.updated,
                    "unchanged": counts.unchanged, "refused": counts.refused,
                    "issues": issues.len(),
                })
                .to_string(),
            );
            crate::audit::record(conn, event)?;
            Ok(row)
        })?;
        super::view(conn, row)
    })
    .await
}

/// Issues in the order of the workbook's sheets, then by row and column.
pub fn sort_issues(book: &workbook::Book, issues: &mut [ImportIssue]) {
    let sheet_order = |name: &str| {
        book.sheets
            .iter()
            .position(|s| s.name == name)
            .unwrap_or(usize::MAX)
    };
    issues.sort_by(|a, b| {
        (sheet_order(&a.sheet), a.row, a.column.len(), &a.column).cmp(&(
            sheet_order(&b.sheet),
            b.row,
            b.column.len(),
            &b.column,
        ))
    });
}
