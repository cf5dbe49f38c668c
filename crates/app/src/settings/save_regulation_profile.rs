use hoso_api_types::settings::RegulationProfileChange;
use hoso_domain::org::check_manage_settings;
use hoso_domain::regulation::{ProfileName, RegulationProfile};
use hoso_domain::FieldError;
use hoso_store::meta;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Choose the regulation profile: a province's preset, or custom values (checked), and whether
/// a signature outside its window is refused or only warned about, and whether one account may
/// take two steps of one review (only with a reason). Administrators only; audited.
pub async fn save_regulation_profile(
    app: &App,
    session: Session,
    body: RegulationProfileChange,
) -> Result<RegulationProfile, AppError> {
    check_manage_settings(&session.actor)?;
    body.validate()?;
    let mut profile = match (body.name, body.custom) {
        (ProfileName::Custom, Some(mut custom)) => {
            custom.name = ProfileName::Custom;
            custom
        }
        (ProfileName::Custom, None) => {
            return Err(
                FieldError::new("custom", "required", "Nhập các giá trị của cấu hình tùy chỉnh.").into(),
            )
        }
        (name, _) => RegulationProfile::preset(name).expect("presets exist for named profiles"),
    };
    profile.enforcement = body.enforcement;
    profile.separation_of_duties = body.separation_of_duties;
    profile.check()?;
    let json = serde_json::to_string(&profile).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut event = session.event("settings.regulation_profile_changed");
    event.target_type = Some("settings".into());
    event.reason = Some(body.reason.clone());
    event.details = Some(json.clone());
    app.db(move |conn| {
        conn.write_transaction(|conn| {
            meta::set(conn, meta::REGULATION_PROFILE_KEY, &json)?;
            crate::audit::record(conn, event)
        })
    })
    .await?;
    Ok(profile)
}
