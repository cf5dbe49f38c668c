use actix_web::{put, web, HttpResponse};
use hoso_api_types::settings::RegulationProfileChange;
use hoso_domain::regulation::RegulationProfile;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

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
    body: crate::json::Json<RegulationProfileChange>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::settings::save_regulation_profile(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
