//! The national catalogues (CTX-2) that coded dossier fields take their values from.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// A catalogue: what it lists and the legal text that defines it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogSummary {
    /// Stable identifier, e.g. `grades`, `ethnicities`, `provinces`.
    pub kind: String,
    pub name: String,
    /// Version of the shipped file loaded.
    pub version: i32,
    pub source: String,
    pub effective_date: NaiveDate,
    /// Shape of codes: `9` a digit, `A` a capital letter, other characters themselves.
    pub code_format: Option<String>,
    /// Catalogue that entries' `parent` refers to.
    pub parent_kind: Option<String>,
    /// Catalogue that `replaced_by` refers to, when not this one.
    pub successor_kind: Option<String>,
    pub note: Option<String>,
    /// The version of the national catalogue last reviewed and accepted (or found the same as
    /// ours); none before the first.
    pub national_version: Option<i32>,
    pub entries: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogEntryView {
    pub code: String,
    pub label: String,
    pub parent: Option<String>,
    pub valid_from: Option<NaiveDate>,
    /// Last day it applies; afterwards it only explains older records.
    pub valid_to: Option<NaiveDate>,
    pub replaced_by: Option<String>,
    /// Kind-specific facts, e.g. `{"coefficients": [234, 267, …]}` for a salary scale
    /// (hundredths).
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub data: Option<serde_json::Value>,
    /// `shipped` (from the legal source), `local` (added by an administrator) or `national`
    /// (accepted from the national database's version of the catalogue).
    pub origin: String,
    /// The legal text (document number and article) defining the entry, where it is not the
    /// catalogue's own source; for an administrator's entry, the basis they gave.
    pub source: Option<String>,
    /// The code was made by hoso or the province because no national code is published.
    pub local_code: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CatalogView {
    pub catalog: CatalogSummary,
    pub entries: Vec<CatalogEntryView>,
}

/// An administrator's addition. The code must be new to the catalogue for ever.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCatalogEntryRequest {
    pub code: String,
    pub label: String,
    pub parent: Option<String>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub valid_from: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(value_type = Option<Object>))]
    pub data: Option<serde_json::Value>,
    /// The decision or text the entry comes from.
    #[validate(length(min = 1, max = 1000, message = "Nhập căn cứ (văn bản quy định mục này)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}

/// Ends an entry's validity; it stays to explain older records.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RetireCatalogEntryRequest {
    /// Last day the entry applies.
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub valid_to: NaiveDate,
    pub replaced_by: Option<String>,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}
