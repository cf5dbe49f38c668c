//! The update and approval workflow (WF-1…8), signatures (CTX-5) and deadlines.

use chrono::{DateTime, NaiveDate, Utc};
use hoso_domain::approval::Step;
use hoso_domain::regulation::WindowStatus;
use hoso_domain::workflow::{ReviewKind, ReviewState};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::documents::DocumentView;
use crate::dossiers::DossierSummary;
use crate::units::UnitRef;

/// Submitting the draft for the agency's check (WF-1): the revision read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SubmitRequest {
    pub revision: i32,
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

/// One scanned proof of a change (WF-4): an uploaded document and its kind (`document_kinds`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EvidenceItem {
    pub document_id: String,
    pub kind: String,
}

/// A change to an approved dossier (WF-4): the draft at `revision`, what changed and why,
/// when it happened, and its evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewChangeRequest {
    pub dossier_id: String,
    pub revision: i32,
    #[validate(length(min = 5, max = 2000, message = "Nêu nội dung thay đổi (ít nhất 5 ký tự)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 2000))]
    pub reason: String,
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub event_date: NaiveDate,
    /// Scans proving the change; optional under an open campaign.
    #[serde(default)]
    pub evidence: Vec<EvidenceItem>,
    /// Filed under this update campaign: evidence optional, changes only in its sections.
    #[serde(default)]
    pub campaign_id: Option<String>,
}

/// One line of the focal officer's checklist against the paper originals (WF-2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub item: String,
    pub checked: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LockRequest {
    /// Every line must be checked: a dossier is locked only once it matches the originals.
    pub checklist: Vec<ChecklistItem>,
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnRequest {
    /// What contradicts the originals, for the employee (WF-5).
    #[validate(length(min = 5, max = 2000, message = "Nêu lý do trả lại (ít nhất 5 ký tự)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 2000))]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewEventView {
    /// `submitted`, `locked`, `returned`, `signed`, `approved`.
    pub action: String,
    pub actor_name: String,
    pub at: DateTime<Utc>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceView {
    pub document: DocumentView,
    pub kind: String,
}

/// A review: one pass of the draft through the workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReviewView {
    pub id: String,
    pub dossier: DossierSummary,
    pub kind: ReviewKind,
    pub state: ReviewState,
    pub submitted_by_name: String,
    /// Entered by the HR unit on the employee's behalf (WF-4).
    pub on_behalf: bool,
    pub submitted_at: DateTime<Utc>,
    /// When the step it waits in is due (working days), and whether that has passed.
    pub due_on: Option<NaiveDate>,
    pub overdue: bool,
    pub reason: Option<String>,
    pub event_date: Option<NaiveDate>,
    /// WF-4: a change was due to be recorded by this day (its `event_date` plus the profile's
    /// `change_record` working days, under the rules when it was filed).
    pub record_due_on: Option<NaiveDate>,
    /// Filed after `record_due_on`: the change was recorded late.
    pub recorded_late: bool,
    pub campaign_id: Option<String>,
    pub return_reason: Option<String>,
    pub checklist: Vec<ChecklistItem>,
    /// The version the head's signature made.
    pub version_number: Option<i32>,
    pub events: Vec<ReviewEventView>,
    pub evidence: Vec<EvidenceView>,
    pub signatures: Vec<SignatureView>,
}

/// What the approver signs (CTX-5): the statement's exact bytes and their SHA-256, for a
/// token plugin or remote signing service that signs a hash and returns a CMS signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SigningPayload {
    pub step: Step,
    /// The approval statement, canonical JSON: sign exactly these bytes.
    pub statement: String,
    pub statement_base64: String,
    /// SHA-256 of the statement, hex (the CMS messageDigest).
    pub digest_sha256: String,
    pub content_sha256: String,
    pub version: i32,
    pub window: Option<WindowStatus>,
}

/// A signature: either a CMS (PKCS#7) detached signature over the statement from an external
/// signer (base64 DER or PEM), or the approver's password for the built-in signer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignRequest {
    pub cms: Option<String>,
    pub password: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignatureView {
    pub step: Step,
    pub version: i32,
    pub signer_name: String,
    pub signer_username: String,
    pub certificate_subject: String,
    pub certificate_fingerprint: String,
    pub signed_at: DateTime<Utc>,
    /// Signed outside the window under a warn-only profile.
    pub window_warning: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BatchSignRequest {
    pub review_ids: Vec<String>,
    pub password: String,
}

/// One dossier of a batch: signed, or why not (the others go on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchSignItem {
    pub review_id: String,
    pub ok: bool,
    pub code: Option<String>,
    pub message: Option<String>,
    pub signature: Option<SignatureView>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BatchSignResult {
    pub signed: usize,
    pub items: Vec<BatchSignItem>,
}

/// A queue: what waits for the caller at one step, with the window that step signs in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovalQueue {
    /// `check` (focal officer), `sign` (head) or `national` (Sở Nội vụ).
    pub step: String,
    pub window: Option<WindowStatus>,
    pub items: Vec<ReviewView>,
}

/// A signing certificate registered to the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CertificateView {
    pub id: String,
    pub subject: String,
    pub issuer: String,
    pub serial: String,
    pub fingerprint: String,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// `builtin` (issued by the server's CA, key kept sealed) or `external` (token, remote).
    pub source: String,
    pub revoked_at: Option<DateTime<Utc>>,
    pub pem: String,
}

/// Enrolling for signing: with `certificate` (PEM) the caller registers a token's or remote
/// service's certificate; without, the built-in CA issues one. The password re-confirms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct EnrolRequest {
    pub password: String,
    pub certificate: Option<String>,
}

/// Verifying a signature: a signed export, or a statement with its CMS signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct VerifyRequest {
    pub export: Option<hoso_domain::approval::SignedExport>,
    pub statement: Option<String>,
    pub cms: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckView {
    pub ok: bool,
    pub code: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignatureCheckView {
    pub step: String,
    pub signer_name: String,
    pub certificate_subject: Option<String>,
    pub check: CheckView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyReport {
    pub valid: bool,
    pub content: Option<CheckView>,
    pub signatures: Vec<SignatureCheckView>,
}

/// One thing due (WF-8): what, for whom, by when, and who must act.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineItem {
    /// `employee_entry`, `focal_check`, `head_approval`, `change_approval`, `home_affairs`,
    /// `resubmission`, `campaign_update`, `transfer_completion`, `secondment_return`,
    /// `account_creation` (a recruit's personal account, ACC-6), `change_record` (a move that
    /// took effect, not yet recorded by a change request within the profile's days, WF-4).
    pub task: String,
    pub dossier_id: String,
    pub dossier_number: String,
    pub full_name: String,
    pub unit: UnitRef,
    pub review_id: Option<String>,
    pub since: NaiveDate,
    pub due_on: NaiveDate,
    pub overdue: bool,
    /// Accounts that may act (their display names); the employee for their own entry.
    pub officers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineCount {
    pub key: String,
    pub label: String,
    pub due: usize,
    pub overdue: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeadlineDashboard {
    pub today: NaiveDate,
    pub items: Vec<DeadlineItem>,
    pub by_unit: Vec<DeadlineCount>,
    pub by_officer: Vec<DeadlineCount>,
}
