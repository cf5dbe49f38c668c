//! Deployment settings: the regulation profile the workflow's deadlines and approval windows
//! follow (`hung-yen`, `tien-giang` or custom).

use hoso_domain::regulation::RegulationProfile;
use hoso_store::{meta, DbConnection};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::error::ApiError;

pub mod get_regulation_profile;
pub mod put_regulation_profile;

pub const TAG: &str = "settings";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_regulation_profile::get_regulation_profile)
        .service(put_regulation_profile::put_regulation_profile);
}

/// The stored profile; Hưng Yên's until an administrator chooses.
pub(crate) fn current(conn: &mut DbConnection) -> Result<RegulationProfile, ApiError> {
    match meta::get(conn, meta::REGULATION_PROFILE_KEY)? {
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| ApiError::Internal(format!("stored regulation profile: {e}"))),
        None => Ok(RegulationProfile::hung_yen()),
    }
}
