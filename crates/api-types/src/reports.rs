//! Statutory reports and breakdowns (USE-2…4, USE-6).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::units::UnitRef;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRow {
    /// The catalogue code (or band) counted; empty for "not stated".
    pub key: String,
    pub label: String,
    pub count: i64,
    /// For the age pyramid: men and women in the band.
    pub men: Option<i64>,
    pub women: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub kind: String,
    pub title: String,
    /// The unit whose subtree is counted; absent for the whole province.
    pub unit: Option<UnitRef>,
    pub as_of: NaiveDate,
    pub rows: Vec<ReportRow>,
    pub total: i64,
}
