//! Versions of the shared national catalogues read from the national database, reviewed by an
//! administrator before they change ours (issue #17; docs/integration.md, "Catalogues").

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A catalogue entry as the national side lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalCatalogEntry {
    pub code: String,
    pub label: String,
    pub parent: Option<String>,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub replaced_by: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub data: Option<serde_json::Value>,
}

/// One change a national version makes to our catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalCatalogChange {
    pub code: String,
    /// `added` (a code we do not have), `changed` (other facts), `retired` (the national side
    /// ends it: a last day, perhaps a successor).
    pub kind: String,
    /// The facts that differ: `label`, `parent`, `valid_from`, `valid_to`, `replaced_by`, `data`.
    pub fields: Vec<String>,
    /// Ours before the change; none for `added`.
    pub before: Option<NationalCatalogEntry>,
    pub after: NationalCatalogEntry,
    /// Ours is an administrator's own entry, which the change would replace.
    pub replaces_local: bool,
}

/// A national version of one catalogue and what became of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "5b1c0f4e-2a8d-4c61-9e0b-7d3f2a1c9e88", "kind": "ethnicities",
    "catalog_name": "Dân tộc", "national_name": "ethnicities", "national_version": 2,
    "title": "Danh mục dân tộc", "source": "Quyết định 121-TCTK/PPCĐ", "effective_date": "2026-07-01",
    "state": "pending",
    "changes": [{"code": "55", "kind": "changed", "fields": ["label"],
        "before": {"code": "55", "label": "Ơ Đu", "parent": null, "valid_from": null, "valid_to": null, "replaced_by": null, "data": null},
        "after": {"code": "55", "label": "Ơ-đu", "parent": null, "valid_from": null, "valid_to": null, "replaced_by": null, "data": null},
        "replaces_local": false}],
    "only_here": [], "error": null, "fetched_at": "2026-12-02T19:30:01Z",
    "decided_by": null, "decided_at": null, "reason": null, "skipped": []
})))]
pub struct NationalCatalogUpdateView {
    pub id: String,
    /// Our catalogue.
    pub kind: String,
    pub catalog_name: String,
    /// The national side's name for it (the mapping file links the two).
    pub national_name: String,
    pub national_version: i32,
    pub title: String,
    pub source: String,
    pub effective_date: Option<NaiveDate>,
    /// `pending` (waiting for review), `unchanged` (it holds what we hold), `invalid` (cannot be
    /// reviewed: `error` says why), `accepted`, `rejected`, `superseded` (a newer version came
    /// before a decision).
    pub state: String,
    /// In code order.
    pub changes: Vec<NationalCatalogChange>,
    /// Our codes the national version does not list; they stay (codes are never deleted).
    pub only_here: Vec<String>,
    pub error: Option<String>,
    pub fetched_at: DateTime<Utc>,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
    /// Codes whose changes the administrator left out when accepting.
    pub skipped: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NationalCatalogUpdateList {
    /// Newest first, at most 200.
    pub updates: Vec<NationalCatalogUpdateView>,
    /// Updates waiting for review, whatever the filter.
    pub pending: i64,
}

/// Accepting a national version: its changes take effect at once, but those left out.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "reason": "Đã đối chiếu với Quyết định 121-TCTK/PPCĐ.", "skip": []
})))]
#[serde(deny_unknown_fields)]
pub struct AcceptCatalogUpdate {
    #[validate(length(min = 1, max = 1000, message = "Nhập căn cứ hoặc ghi chú khi áp dụng."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    /// Codes among the changes not to apply (each must be one of the update's changes).
    #[serde(default)]
    #[validate(length(max = 10000, message = "Quá nhiều mã."))]
    #[cfg_attr(feature = "openapi", schema(max_items = 10000))]
    pub skip: Vec<String>,
}

/// Refusing a national version: nothing of it takes effect; a later version is read again.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Chờ văn bản hướng dẫn của Bộ Nội vụ."})))]
#[serde(deny_unknown_fields)]
pub struct RejectCatalogUpdate {
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do từ chối."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}
