use hoso_domain::regulation::RegulationProfile;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The regulation profile in force: deadlines in working days and monthly approval windows.
/// Every signed-in account may read it (the deadlines concern everyone).
pub async fn read_regulation_profile(app: &App, _session: Session) -> Result<RegulationProfile, AppError> {
    let profile = app.db(super::current).await?;
    Ok(profile)
}
