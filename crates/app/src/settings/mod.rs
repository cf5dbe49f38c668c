//! Deployment settings: the regulation profile the workflow's deadlines and approval windows
//! follow (`hung-yen`, `tien-giang` or custom).

pub mod read_regulation_profile;
pub mod save_regulation_profile;
pub use read_regulation_profile::read_regulation_profile;
pub use save_regulation_profile::save_regulation_profile;

use crate::error::AppError;
use hoso_domain::regulation::RegulationProfile;
use hoso_store::{meta, DbConnection};

/// The stored profile; Hưng Yên's until an administrator chooses.
pub fn current(conn: &mut DbConnection) -> Result<RegulationProfile, AppError> {
    match meta::get(conn, meta::REGULATION_PROFILE_KEY)? {
        Some(json) => serde_json::from_str(&json)
            .map_err(|e| AppError::Internal(format!("stored regulation profile: {e}"))),
        None => Ok(RegulationProfile::hung_yen()),
    }
}
