//! The national sync as Sở Nội vụ sees it (`/national-sync`, INT-1…4): the outbox of messages
//! to the national CBCCVC database, each with its state and the reason when it was refused,
//! and the hash-chained log of every exchange with the platform.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
