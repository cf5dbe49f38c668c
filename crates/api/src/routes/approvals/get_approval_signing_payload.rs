use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::SigningPayload;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// What to sign for the step the review waits for (CTX-5): the approval statement's exact bytes
/// and their SHA-256, for a USB-token plugin or remote signing service, with the signing window.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    responses((status = 200, description = "The statement to sign.", body = SigningPayload)),
    security(("bearer" = []))
)]
#[get("/approvals/{id}/signing-payload")]
pub async fn get_approval_signing_payload(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::approvals::read_approval_signing_payload(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
