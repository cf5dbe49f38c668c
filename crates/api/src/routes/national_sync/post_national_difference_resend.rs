use actix_web::{post, web, HttpResponse};
use hoso_api_types::national::DifferenceView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Acts on a difference of a dossier here (`missing_there` or `different`): queues a new
/// message of the dossier's approved version after the person's earlier ones and marks the
/// difference `resent` (audited `national.difference_resent`).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Difference id", example = "d7e2a9b0-…")),
    responses(
        (status = 200, description = "Resent.", body = DifferenceView),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such difference.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`already_resolved`; `nothing_to_resend` (a record unknown here, or no approved version); `national_not_configured`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/differences/{id}/resend")]
pub async fn post_national_difference_resend(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let row = hoso_app::national::resend_difference(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(row))
}
