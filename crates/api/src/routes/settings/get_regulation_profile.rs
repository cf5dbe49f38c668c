use actix_web::{get, web, HttpResponse};
use hoso_domain::regulation::RegulationProfile;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The regulation profile in force: deadlines in working days and monthly approval windows.
/// Every signed-in account may read it (the deadlines concern everyone).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The profile in force.", body = RegulationProfile)),
    security(("bearer" = []))
)]
#[get("/settings/regulation-profile")]
pub async fn get_regulation_profile(
    _session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::settings::read_regulation_profile(&state, _session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
