//! The electronic dossier (DOS-1…5, SEC-2). Content fields a reader may not see are absent.

use chrono::{DateTime, Utc};
use hoso_domain::dossier::completeness::MissingItem;
use hoso_domain::dossier::diff::FieldChange;
use hoso_domain::dossier::protection::RestrictionLevel;
use hoso_domain::dossier::DossierContent;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::units::UnitRef;

/// A dossier in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierSummary {
    pub id: String,
    /// Số hiệu hồ sơ.
    pub dossier_number: String,
    /// Mã số định danh, once the national database has assigned it.
    pub national_identifier: Option<String>,
    /// The national dossier code (CTX-1), entered by Sở Nội vụ or the national sync.
    #[serde(default)]
    pub national_dossier_code: Option<String>,
    pub person_id: String,
    pub full_name: String,
    pub unit: UnitRef,
    /// The workflow's state: `draft`, `submitted`, `returned`, `locked`, `signed`, `approved`.
    pub status: String,
    /// The person's service (TRF-5): `active`, `seconded`, or how it ended (then the dossier is
    /// in the permanent archive, read-only).
    pub service_status: String,
    /// Number of the latest approved version (0: none).
    pub current_version: i32,
    pub updated_at: DateTime<Utc>,
}

/// The draft being edited.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DraftView {
    /// Send it back with the next save: a save against an older revision is refused (409).
    pub revision: i32,
    /// The approved version the draft started from (0: none).
    pub based_on: i32,
    #[cfg_attr(feature = "openapi", schema(value_type = DossierContent))]
    pub content: serde_json::Value,
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
    /// Required items still empty (DOS-4).
    pub missing: Vec<MissingItem>,
    /// Scans the dossier should hold and does not yet (DOS-3): shown, not blocking approval,
    /// since paper originals are often scanned after the data is entered.
    pub missing_evidence: Vec<MissingItem>,
}

/// One dossier as the reader may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierView {
    #[serde(flatten)]
    pub summary: DossierSummary,
    /// What this reader receives (SEC-2): `basic`, `full` or `sensitive`.
    pub level: RestrictionLevel,
    /// The latest approved version's content; absent before the first approval.
    #[cfg_attr(feature = "openapi", schema(value_type = Option<DossierContent>))]
    pub content: Option<serde_json::Value>,
    /// Whether this reader may edit the draft.
    pub editable: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateDossierRequest {
    pub person_id: String,
    /// What is known already; the name defaults to the person's.
    #[serde(default)]
    pub content: DossierContent,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SaveDraftRequest {
    /// The draft revision this edit started from.
    pub revision: i32,
    pub content: DossierContent,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApproveDraftRequest {
    pub revision: i32,
    #[validate(length(max = 1000, message = "Tối đa 1000 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: Option<String>,
}

/// One approved version, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionSummary {
    pub number: i32,
    /// SHA-256 (hex) of the canonical JSON of the whole content.
    pub content_hash: String,
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub note: Option<String>,
}

/// A version with its content: the canonical export of that version (fields above the
/// reader's level absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VersionView {
    pub dossier_id: String,
    pub dossier_number: String,
    #[serde(flatten)]
    pub version: VersionSummary,
    pub level: RestrictionLevel,
    #[cfg_attr(feature = "openapi", schema(value_type = DossierContent))]
    pub content: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DiffView {
    /// Version numbers compared; 0 stands for the current draft.
    pub from: i32,
    pub to: i32,
    pub changes: Vec<FieldChange>,
}

/// A scanned document attached to a dossier (DOS-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachmentView {
    pub id: String,
    pub document: crate::documents::DocumentView,
    /// `document_kinds` code (appointment, salary decision, diploma, evidence of a change, …).
    pub kind: String,
    /// The item or row it proves, as a field path (`work_history[2]`, `salary`).
    pub item: Option<String>,
    pub note: Option<String>,
    pub added_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AttachRequest {
    /// A document uploaded with `POST /documents`.
    pub document_id: String,
    pub kind: String,
    #[validate(length(max = 200, message = "Tối đa 200 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub item: Option<String>,
    #[validate(length(max = 1000, message = "Tối đa 1000 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: Option<String>,
}
