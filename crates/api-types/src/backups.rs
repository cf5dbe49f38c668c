//! Backups as administrators see them (`/backups`, SEC-5): each archive, where it is, what its
//! verification by a real restore found, and what was restored into this database.

use chrono::{DateTime, NaiveDate, Utc};
use hoso_domain::backup::BackupKind;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// What restoring the archive into a scratch database found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "ok": true, "tables": 44, "rows": 182340, "documents": 1204, "document_bytes": 734003200,
    "signatures_checked": 20412, "problems": [], "seconds": 41.7
})))]
pub struct VerificationView {
    /// Every check passed.
    pub ok: bool,
    /// Tables read back and compared with the manifest (row count and SHA-256 each).
    pub tables: i32,
    pub rows: i64,
    /// Documents re-hashed.
    pub documents: i32,
    pub document_bytes: i64,
    /// Approval signatures verified against the trusted roots.
    pub signatures_checked: i32,
    /// What failed, in Vietnamese; empty when `ok`.
    pub problems: Vec<String>,
    pub seconds: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "8d7c4b1a-5e2f-4a90-b3c6-1f0e9d8a7b65", "kind": "quarterly", "state": "verified",
    "location": "/var/lib/hoso/backups", "file_name": "hoso-quarterly-20261231T110000Z.tar.gz.age",
    "size_bytes": 512000000, "sha256": "9f2c…", "schema_version": "20261204000000",
    "data_key_ids": ["k2026"], "verification": null, "error": null, "job_id": null,
    "made_by_type": "schedule", "made_by_name": "backup.monthly",
    "started_at": "2026-12-31T11:00:00Z", "finished_at": "2026-12-31T11:04:10Z", "keep_until": null,
    "deleted_at": null, "deleted_by": null, "delete_reason": null
})))]
pub struct BackupView {
    pub id: String,
    pub kind: BackupKind,
    /// `running`, `verified` (written, restored into a scratch database and found equal),
    /// `failed` (see `error`; no archive is kept), `deleted`.
    pub state: String,
    /// Where the archive is kept: a directory, or `s3://bucket/prefix`.
    pub location: String,
    pub file_name: String,
    pub size_bytes: Option<i64>,
    /// SHA-256 of the encrypted archive file.
    pub sha256: Option<String>,
    /// The newest migration of the database backed up.
    pub schema_version: String,
    /// Data keys the sealed fields need (kept apart from backups).
    pub data_key_ids: Vec<String>,
    pub verification: Option<VerificationView>,
    pub error: Option<String>,
    pub job_id: Option<String>,
    /// `account`, `schedule`, `system` (the command line).
    pub made_by_type: String,
    pub made_by_name: String,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// From this day retention deletes it; `null`: kept until an administrator deletes it.
    pub keep_until: Option<NaiveDate>,
    pub deleted_at: Option<DateTime<Utc>>,
    pub deleted_by: Option<String>,
    pub delete_reason: Option<String>,
}

/// A restore that was made into this database.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RestoreView {
    pub backup_id: String,
    pub file_name: String,
    /// `sqlite` or `postgres`: where the backup was made.
    pub source_backend: String,
    pub backup_made_at: DateTime<Utc>,
    pub rows: i64,
    pub documents: i32,
    pub restored_by: String,
    pub restored_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "items": [], "restores": [], "location": "/var/lib/hoso/backups", "recipients": 2,
    "next_run": "2026-12-31T11:00:00Z", "alert": null
})))]
pub struct BackupList {
    /// Newest first (at most 200).
    pub items: Vec<BackupView>,
    pub restores: Vec<RestoreView>,
    /// Where backups are kept: a directory, or `s3://bucket/prefix`.
    pub location: String,
    /// How many age recipients each archive is encrypted to besides this server's own key.
    pub recipients: i32,
    /// The next scheduled backup (the last working day of this or next month, 18:00 local).
    pub next_run: Option<DateTime<Utc>>,
    /// Set when the latest backup failed: what administrators must see.
    pub alert: Option<String>,
}

/// Deleting a backup before its retention ends, or a quarterly one at all, needs a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Bản sao lưu thử trước khi nâng cấp, đã có bản quý thay thế"})))]
#[serde(deny_unknown_fields)]
pub struct DeleteBackup {
    /// Why (recorded in the audit trail); 5 to 500 characters.
    #[validate(length(min = 5, max = 500, message = "Nhập lý do xóa (5–500 ký tự)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 500))]
    pub reason: String,
}
