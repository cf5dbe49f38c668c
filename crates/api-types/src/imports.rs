//! Imports of existing staff from spreadsheets (`/imports`, issue #15): the dry run's counts and
//! marked cells, the commit's progress and outcome.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One refused cell (or header) of the file, where Excel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "sheet": "Nhân sự", "row": 7, "column": "E", "header": "Ngày sinh",
    "code": "invalid_date", "message": "Ngày 30/02/1990 không có thật."
})))]
pub struct ImportIssue {
    /// The sheet's name as written in the file.
    pub sheet: String,
    /// Excel's row number (1 is the header row).
    pub row: u32,
    /// Excel's column letters.
    pub column: String,
    pub header: Option<String>,
    /// A stable code: `required`, `invalid_date`, `unknown_code`, `invalid_citizen_id`,
    /// `duplicate_in_file`, `unknown_unit`, `unit_out_of_scope`, `formula_cell`, …
    pub code: String,
    /// What is wrong, in Vietnamese.
    pub message: String,
}

/// People of the file by what the import does (or did) with each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportCounts {
    /// A new person with a new dossier draft.
    pub new: i32,
    /// An existing dossier whose draft changes.
    pub updated: i32,
    /// An existing dossier the file says nothing new about.
    pub unchanged: i32,
    /// A person with at least one refused cell: not written at all.
    pub refused: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "2f7c1b8e-4a6d-4c1e-9a3b-8d2e6f0a1c55", "kind": "staff", "status": "checked",
    "file_name": "nhan-su-so-y-te.xlsx", "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "document_id": "0d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6", "created_by": "canbo.syt",
    "created_at": "2026-12-01T03:00:00Z", "rows_read": 412,
    "dry_run": {"new": 180, "updated": 12, "unchanged": 3, "refused": 5},
    "committed": null, "issue_count": 7,
    "issues": [{"sheet": "Nhân sự", "row": 7, "column": "E", "header": "Ngày sinh",
        "code": "invalid_date", "message": "Ngày 30/02/1990 không có thật."}],
    "valid_only": false, "migrated": false, "job_id": null, "progress_done": 0,
    "progress_total": 0, "committed_at": null, "finished_at": null, "error": null
})))]
pub struct ImportView {
    pub id: String,
    /// `staff`.
    pub kind: String,
    /// `checked` (dry run done, nothing written), `committing`, `committed` or `failed`.
    pub status: String,
    pub file_name: String,
    /// SHA-256 of the file, as kept among the documents.
    pub sha256: String,
    pub document_id: String,
    /// Username of who uploaded it.
    pub created_by: String,
    pub created_at: DateTime<Utc>,
    /// Data rows read, over every sheet.
    pub rows_read: i32,
    /// What the dry run found.
    pub dry_run: ImportCounts,
    /// What the commit wrote (as far as it got while `committing`).
    pub committed: Option<ImportCounts>,
    /// Refused cells and headers in all.
    pub issue_count: i32,
    /// The first 500 of them, in sheet and row order (all are in the marked workbook).
    pub issues: Vec<ImportIssue>,
    /// The commit writes the valid people and leaves the refused ones out.
    pub valid_only: bool,
    /// Sở Nội vụ marked the dossiers as migrated from the previous system.
    pub migrated: bool,
    /// The commit's background job (`GET /jobs/{id}`).
    pub job_id: Option<String>,
    /// People done of all, while committing.
    pub progress_done: i32,
    pub progress_total: i32,
    pub committed_at: Option<DateTime<Utc>>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Why a commit failed.
    pub error: Option<String>,
}

/// Committing a checked import.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"valid_only": false, "migrated": false})))]
#[serde(deny_unknown_fields)]
pub struct CommitImportRequest {
    /// Write the valid people even though some were refused (they are left out). Without it a
    /// dry run with any refused cell cannot be committed (409 `import_has_errors`).
    #[serde(default)]
    pub valid_only: bool,
    /// Mark the dossiers as migrated from the previous system (Sở Nội vụ only).
    #[serde(default)]
    pub migrated: bool,
}
