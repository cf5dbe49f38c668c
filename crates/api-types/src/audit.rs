//! The audit trail as the API shows it.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEventView {
    pub id: i64,
    pub at: DateTime<Utc>,
    /// `account`, `api_client`, `anonymous` or `system`.
    pub actor_type: String,
    pub actor_id: Option<String>,
    pub actor_name: Option<String>,
    /// What was done, e.g. `auth.sign_in`, `account.created`, `account.locked`.
    pub action: String,
    /// `success`, `denied` or `failure`.
    pub outcome: String,
    pub target_type: Option<String>,
    pub target_id: Option<String>,
    pub unit_id: Option<String>,
    pub subject_person_id: Option<String>,
    /// The right the actor acted under.
    pub right_used: Option<String>,
    pub ip: Option<String>,
    pub request_id: Option<String>,
    pub reason: Option<String>,
    pub decision_number: Option<String>,
    pub decision_date: Option<String>,
    pub decision_signer: Option<String>,
    /// The scanned copy of the decision (`GET /documents/{id}`).
    pub decision_document_id: Option<String>,
    /// The unit of the account that acted, when it has one (where the officer works).
    pub actor_unit: Option<String>,
    /// The dossier the event is about, as people name it: `HS000123 — Nguyễn Văn An`.
    pub target_label: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    pub items: Vec<AuditEventView>,
    /// Pass as `before` to read the next (older) page; absent on the last page.
    pub next_before: Option<i64>,
}
