use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::NationalMessageDetail;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One message with its packet as last sent (the canonical JSON that was hashed and signed)
/// and every request and answer of it in the message log. Administrators holding
/// `manage_api_clients`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Message id", example = "0b8e6a0e-6d0c-4d1a-9a55-5c1f0f6b2a10")),
    responses(
        (status = 200, description = "The message, its packet and its exchanges.", body = NationalMessageDetail),
        (status = 403, description = "Not an administrator holding manage_api_clients."),
        (status = 404, description = "No such message.")
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/messages/{id}")]
pub async fn get_national_message(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let detail = hoso_app::national::read_national_message(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(detail))
}
