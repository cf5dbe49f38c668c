use actix_web::{post, web, HttpResponse};
use hoso_api_types::national::NationalMessageView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Sends a refused (`dead`) message again once its cause is fixed, with the person's later
/// messages that were held behind it, in their order (audited `national.retried`). The
/// national side deduplicates by message id, so nothing arrives twice.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Message id", example = "0b8e6a0e-6d0c-4d1a-9a55-5c1f0f6b2a10")),
    responses(
        (status = 200, description = "Queued again.", body = NationalMessageView),
        (status = 403, description = "Not an administrator holding manage_api_clients."),
        (status = 404, description = "No such message."),
        (status = 409, description = "`not_dead`: the message was not refused; `national_not_configured`: no connection.")
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/messages/{id}/retry")]
pub async fn post_national_message_retry(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let message = hoso_app::national::retry_national_message(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(message))
}
