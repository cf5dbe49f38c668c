use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{BatchSignRequest, BatchSignResult};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Sign many reviews in one action with the built-in signer (CTX-5): the password once, then
/// each dossier gets its own signature over its own statement. One that cannot be signed (moved
/// on, out of scope, outside the window) is reported with its reason; the others are signed.
#[utoipa::path(
    tag = super::TAG,
    request_body = BatchSignRequest,
    responses((status = 200, description = "What was signed and what was not.", body = BatchSignResult)),
    security(("bearer" = []))
)]
#[post("/approvals/batch-sign")]
pub async fn post_approvals_batch_sign(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<BatchSignRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::approvals::sign_approvals_batch(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
