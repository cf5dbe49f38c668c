//! Update campaigns and in-app notifications (issue #6).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::units::UnitRef;

/// Opening a campaign: everyone under `unit_id` (or only `person_ids`) may update `sections`
/// until `closes_on`; they are notified in the app.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewCampaign {
    pub unit_id: String,
    #[validate(length(min = 3, max = 200, message = "Tên đợt cập nhật từ 3 đến 200 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 200))]
    pub title: String,
    /// Top-level sections of the dossier (`identity`, `rewards`, …).
    pub sections: Vec<String>,
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub closes_on: NaiveDate,
    #[serde(default)]
    pub person_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CampaignView {
    pub id: String,
    pub unit: UnitRef,
    pub title: String,
    pub sections: Vec<String>,
    /// Empty: everyone under the unit.
    pub person_ids: Vec<String>,
    pub opens_on: NaiveDate,
    pub closes_on: NaiveDate,
    pub open: bool,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationView {
    pub id: String,
    /// `campaign_opened`, `dossier_returned`.
    pub kind: String,
    pub title: String,
    pub body: String,
    /// Where in the SPA it leads.
    pub link: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}
