//! The national sync as Sở Nội vụ sees it (`/national-sync`, INT-1…4): the outbox of messages
//! to the national CBCCVC database, each with its state and the reason when it was refused,
//! and the hash-chained log of every exchange with the platform.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0b8e6a0e-6d0c-4d1a-9a55-5c1f0f6b2a10", "person_id": "5b1f…", "person_name": "Nguyễn Văn An",
    "dossier_id": "c2d4…", "dossier_number": "33.000123", "sequence": 2, "kind": "version_approved",
    "version_number": 2, "person_status": "in_service", "state": "acknowledged", "attempts": 1,
    "packet_sha256": "4e1a…", "last_error": null, "last_error_code": null,
    "national_identifier": "CB0000000001", "national_dossier_code": "33.HS-000001", "job_id": "9a7d…",
    "created_at": "2026-12-01T08:00:00Z", "sent_at": "2026-12-01T08:00:02Z",
    "acknowledged_at": "2026-12-01T08:00:02Z"
})))]
pub struct NationalMessageView {
    /// The message id the national side deduplicates by.
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub dossier_id: String,
    pub dossier_number: String,
    /// 1, 2, … per person: the order the national side applies them in.
    pub sequence: i32,
    /// `version_approved` (Sở Nội vụ signed a version) or `status_changed` (service ended).
    pub kind: String,
    pub version_number: Option<i32>,
    /// `in_service`, `retired`, `resigned`, `dismissed`, `deceased`, `transferred_out`.
    pub person_status: String,
    /// `queued` (waiting or being tried again), `sending`, `acknowledged`, `dead` (refused:
    /// `last_error` says why; re-sent with `POST /national-sync/messages/{id}/retry`).
    pub state: String,
    pub attempts: i32,
    /// SHA-256 of the canonical JSON of the packet's person object as last sent.
    pub packet_sha256: Option<String>,
    /// The last failure, in Vietnamese.
    pub last_error: Option<String>,
    /// Its stable code: `uncoded_value`, `held_behind`, `invalid_signature`, `IP_DISALLOWED`,
    /// `auth_refused`, `no_answer`, `attempts_exhausted`, …
    pub last_error_code: Option<String>,
    pub national_identifier: Option<String>,
    pub national_dossier_code: Option<String>,
    pub job_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
    pub acknowledged_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalStateCount {
    pub state: String,
    pub count: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "configured": true, "profile": "token", "url": "https://lgsp.example.gov.vn",
    "counts": [{"state": "acknowledged", "count": 120}, {"state": "dead", "count": 1}],
    "items": [], "next_before": null
})))]
pub struct NationalMessageList {
    /// Whether a connection is configured (`HOSO_NATIONAL_URL`); without one messages wait.
    pub configured: bool,
    pub profile: Option<String>,
    pub url: Option<String>,
    /// Messages in each state.
    pub counts: Vec<NationalStateCount>,
    pub items: Vec<NationalMessageView>,
    /// Pass as `before` for the next (older) page; `null` on the last page.
    pub next_before: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "seq": 41, "at": "2026-12-01T08:00:02Z", "message_id": "0b8e6a0e-6d0c-4d1a-9a55-5c1f0f6b2a10",
    "direction": "in", "method": "POST", "path": "/cbccvc/v1/packets", "status": 200,
    "body": "{\"national_identifier\":\"CB0000000001\"}", "entry_hash": "7c2e…"
})))]
pub struct NationalLogEntryView {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub message_id: Option<String>,
    /// `out` (a request hoso sent) or `in` (its answer, or why none came).
    pub direction: String,
    pub method: String,
    pub path: String,
    pub status: Option<i32>,
    pub body: String,
    /// SHA-256 over the previous entry's hash and this entry's fields.
    pub entry_hash: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalMessageDetail {
    pub message: NationalMessageView,
    /// The packet's person object as last sent (canonical JSON), when one was made.
    pub packet: Option<String>,
    /// Every exchange of this message, in order.
    pub log: Vec<NationalLogEntryView>,
}

/// One person's exchanges with the national side, as the message log keeps them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierNationalLog {
    pub dossier_id: String,
    pub person_name: String,
    pub dossier_number: String,
    /// The dossier's messages, newest first.
    pub messages: Vec<NationalMessageView>,
    /// Every request and answer about the person, in the log's order.
    pub log: Vec<NationalLogEntryView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"ok": true, "entries": 812, "first_bad_entry": null, "problem": null})))]
pub struct LogVerification {
    /// Every entry's hash recomputed and chained to the one before.
    pub ok: bool,
    pub entries: i64,
    /// The first entry whose stored hash or link does not match.
    pub first_bad_entry: Option<i64>,
    pub problem: Option<String>,
}

/// Asking the national database for an arriving person's record (TRF-3, DOS-5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"citizen_id": "001185000111"})))]
#[serde(deny_unknown_fields)]
pub struct NationalRecordRequest {
    /// The 12-digit citizen ID (số căn cước) the national database knows the person by.
    #[validate(length(equal = 12))]
    #[cfg_attr(
        feature = "openapi",
        schema(pattern = "^[0-9]{12}$", min_length = 12, max_length = 12)
    )]
    pub citizen_id: String,
}

/// What the national database holds of an arriving person, as the form's content: the draft
/// the arrival's dossier starts from when Sở Nội vụ fulfils the arrival.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "7c1e…", "transfer_id": "3f9a…", "dossier_id": null,
    "national_identifier": "CB0000000042", "national_dossier_code": "01.HS-000042", "province": "01",
    "pulled_at": "2026-12-01T08:00:00Z", "items": ["identity.full_name", "identity.birth_date"],
    "content": {"identity": {"full_name": "Trần Thị Bình", "birth_date": "1985-03-04"}}
})))]
pub struct NationalRecordView {
    pub id: String,
    pub transfer_id: String,
    /// The dossier opened from this record, once the arrival is fulfilled.
    pub dossier_id: Option<String>,
    /// The person's national identifier (mã định danh CBCCVC, CTX-1), kept by the new dossier.
    pub national_identifier: String,
    pub national_dossier_code: String,
    /// The province that sent the record to the national database.
    pub province: String,
    pub pulled_at: DateTime<Utc>,
    /// The form's names of the items the record filled (`identity.birth_date`,
    /// `work_history[0].unit`, …).
    pub items: Vec<String>,
    /// The content the record fills, at the reader's level.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub content: serde_json::Value,
}

/// Asking for a reconciliation now (besides the monthly one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"since": "2026-11-01"})))]
#[serde(deny_unknown_fields)]
pub struct NewReconciliation {
    /// Compare what the national database changed since this day (default: 3 months ago).
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub since: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "a41c…", "since": "2026-11-01", "state": "done", "job_id": "9a7d…", "requested_by": null,
    "started_at": "2026-12-01T19:00:00Z", "finished_at": "2026-12-01T19:00:04Z", "theirs": 120,
    "ours": 121, "error": null, "open_differences": 2, "differences": []
})))]
pub struct ReconciliationView {
    pub id: String,
    pub since: chrono::NaiveDate,
    /// `running`, `done` or `failed` (`error` says why).
    pub state: String,
    pub job_id: Option<String>,
    /// The account that asked; `null` for the monthly schedule.
    pub requested_by: Option<String>,
    pub started_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Records the national database listed as changed since `since`.
    pub theirs: i32,
    /// People whose messages it acknowledged, as hoso knows them.
    pub ours: i32,
    pub error: Option<String>,
    pub open_differences: i64,
    /// Filled on the single read (`GET /national-sync/reconciliations/{id}`), empty in lists.
    pub differences: Vec<DifferenceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "d7e2…", "kind": "different", "dossier_id": "c2d4…", "dossier_number": "HS000123",
    "person_name": "Nguyễn Văn An", "national_identifier": "CB0000000001", "ours_sha256": "4e1a…",
    "theirs_sha256": "9b0c…", "theirs_updated_at": "2026-11-20T02:00:00Z", "resolution": null,
    "resolved_at": null, "message_id": null
})))]
pub struct DifferenceView {
    pub id: String,
    /// `missing_there` (acknowledged once, no longer held there), `different` (held there with
    /// another content), `missing_here` (held there for this province, unknown here).
    pub kind: String,
    pub dossier_id: Option<String>,
    pub dossier_number: Option<String>,
    pub person_name: Option<String>,
    pub national_identifier: Option<String>,
    pub ours_sha256: Option<String>,
    pub theirs_sha256: Option<String>,
    pub theirs_updated_at: Option<DateTime<Utc>>,
    /// `resent` once a new message of the dossier's approved version was queued for it.
    pub resolution: Option<String>,
    pub resolved_at: Option<DateTime<Utc>>,
    pub message_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReconciliationList {
    pub items: Vec<ReconciliationView>,
}

/// A dossier's standing with the national database, shown on its page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "national_identifier": "CB0000000001", "national_dossier_code": "33.HS-000001",
    "state": "acknowledged", "last_message": null, "from_national_record": null
})))]
pub struct DossierNationalState {
    pub national_identifier: Option<String>,
    pub national_dossier_code: Option<String>,
    /// `never_sent`, or the state of the latest message: `queued`, `sending`, `acknowledged`,
    /// `dead`.
    pub state: String,
    pub last_message: Option<NationalMessageView>,
    /// The national record the dossier was opened from (an arrival), with the items it filled.
    pub from_national_record: Option<NationalRecordView>,
    /// A correction the Ministry made to the record, waiting for the managing agency.
    pub open_correction: Option<NationalCorrectionView>,
}

/// A correction the Ministry made to a record hoso sent (WF-7, reverse sync): a proposal for the
/// managing agency to carry into the draft (then sent through the normal change workflow) or
/// dismiss with a reason; never written over the dossier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "e1a0…", "dossier_id": "c2d4…", "national_identifier": "CB0000000001", "version_number": 2,
    "state": "open", "received_by": "quantri", "received_at": "2026-12-02T03:00:00Z",
    "decided_by": null, "decided_at": null, "note": null,
    "changes": [{"item": "identity.birth_date", "national": "1990-03-16", "ours": "1990-03-15"}]
})))]
pub struct NationalCorrectionView {
    pub id: String,
    pub dossier_id: String,
    pub national_identifier: String,
    /// The approved version the national record was compared with.
    pub version_number: i32,
    /// `open`, `applied` (carried into the draft) or `dismissed`.
    pub state: String,
    pub received_by: String,
    pub received_at: DateTime<Utc>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub note: Option<String>,
    /// Each differing item with both values, at the reader's level (an item the reader may not
    /// see is left out).
    pub changes: Vec<CorrectionChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CorrectionChange {
    /// The form's name of the item (`identity.birth_date`, `work_history[0].unit`).
    pub item: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub national: serde_json::Value,
    /// The approved version's value.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub ours: serde_json::Value,
}

/// Carrying a correction into the draft: the draft's revision as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"revision": 3})))]
#[serde(deny_unknown_fields)]
pub struct ApplyCorrection {
    pub revision: i32,
}

/// Declining a correction, with the reason (kept and audited).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"note": "Ngày sinh theo giấy khai sinh bản gốc là 15/03/1990."})))]
#[serde(deny_unknown_fields)]
pub struct DismissCorrection {
    #[validate(length(min = 5, max = 2000, message = "Nêu lý do không nhận (ít nhất 5 ký tự)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 5, max_length = 2000))]
    pub note: String,
}

/// Recording the written consent under which the connection to the national database runs
/// (INT-3): the decision (number, date, signer and its scanned copy) and whether it covers the
/// sensitive group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "decision": {"number": "45/QĐ-UBND", "date": "2026-10-15", "signer": "Chủ tịch UBND tỉnh", "document_id": "5f0c…"},
    "covers_sensitive": false
})))]
#[serde(deny_unknown_fields)]
pub struct NationalConsentRequest {
    /// The decision; its scanned copy (`document_id`, uploaded with `POST /documents`) is required.
    #[validate(nested)]
    pub decision: crate::accounts::DecisionRef,
    /// Whether the consent covers the sensitive group (health, honours, personal history): sent
    /// only when it does and `HOSO_NATIONAL_SEND_SENSITIVE` is set.
    #[serde(default)]
    pub covers_sensitive: bool,
}

/// The consent in force for the connection; `recorded: false` before any (nothing is sent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "recorded": true, "decision_number": "45/QĐ-UBND", "decision_date": "2026-10-15",
    "decision_signer": "Chủ tịch UBND tỉnh", "decision_document_id": "5f0c…", "covers_sensitive": false,
    "recorded_by": "quantri", "recorded_at": "2026-12-01T08:00:00Z", "sends_sensitive": false
})))]
pub struct NationalConsentView {
    pub recorded: bool,
    pub decision_number: Option<String>,
    pub decision_date: Option<chrono::NaiveDate>,
    pub decision_signer: Option<String>,
    pub decision_document_id: Option<String>,
    pub covers_sensitive: bool,
    /// The username of who recorded it.
    pub recorded_by: Option<String>,
    pub recorded_at: Option<DateTime<Utc>>,
    /// Whether packets carry the sensitive group now (consent and configuration both allow it).
    pub sends_sensitive: bool,
}
