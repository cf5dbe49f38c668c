use actix_web::{put, web, HttpResponse};
use hoso_api_types::settings::RegulationProfileChange;
use hoso_domain::org::check_manage_settings;
use hoso_domain::regulation::{ProfileName, RegulationProfile};
use hoso_domain::FieldError;
use hoso_store::meta;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Choose the regulation profile: a province's preset, or custom values (checked), and whether
/// a signature outside its window is refused or only warned about. Administrators only; audited.
#[utoipa::path(
    tag = super::TAG,
    request_body = RegulationProfileChange,
    responses((status = 200, description = "The profile now in force.", body = RegulationProfile)),
    security(("bearer" = []))
)]
#[put("/settings/regulation-profile")]
pub async fn put_regulation_profile(
    session: Session,
    state: web::Data<AppState>,
    body: web::Json<RegulationProfileChange>,
) -> Result<HttpResponse, HttpError> {
    check_manage_settings(&session.actor)?;
    body.validate()?;
    let body = body.into_inner();
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
    profile.check()?;
    let json = serde_json::to_string(&profile).map_err(|e| AppError::Internal(e.to_string()))?;
    let mut event = session.event("settings.regulation_profile_changed");
    event.target_type = Some("settings".into());
    event.reason = Some(body.reason.clone());
    event.details = Some(json.clone());
    state
        .db(move |conn| {
            use diesel::Connection;
            conn.transaction(|conn| {
                meta::set(conn, meta::REGULATION_PROFILE_KEY, &json)?;
                hoso_app::audit::record(conn, event)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(profile))
}
