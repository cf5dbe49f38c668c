//! Deployment settings.

use hoso_domain::regulation::{Enforcement, ProfileName, RegulationProfile, SeparationOfDuties};
use serde::{Deserialize, Serialize};
use validator::Validate;

/// Choose a preset (`hung-yen`, `tien-giang`) or give `custom` values.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegulationProfileChange {
    pub name: ProfileName,
    /// Required when `name` is `custom`.
    pub custom: Option<RegulationProfile>,
    pub enforcement: Enforcement,
    /// Enforced when absent; `relaxed` needs its own reason of 10–1000 characters.
    #[serde(default)]
    pub separation_of_duties: SeparationOfDuties,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}
