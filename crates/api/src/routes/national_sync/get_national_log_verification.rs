use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::LogVerification;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Recomputes the message log's hash chain (as `hoso verify-log` does): `ok`, or the first
/// entry whose content or link no longer matches. Administrators holding `manage_api_clients`.
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "What the check found.", body = LogVerification),
        (status = 403, description = "Not an administrator holding manage_api_clients.")
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/log/verification")]
pub async fn get_national_log_verification(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let report = hoso_app::national::verify_national_log(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(report))
}
