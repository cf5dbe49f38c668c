use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::NationalConsentView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The written consent the connection to the national database runs under (INT-3):
/// `recorded: false` before one is recorded, when nothing is sent or read.
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "The consent in force.", body = NationalConsentView),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/consent")]
pub async fn get_national_consent(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let consent = hoso_app::national::read_national_consent(&state.app, session.0).await?;
    Ok(HttpResponse::Ok().json(consent))
}
