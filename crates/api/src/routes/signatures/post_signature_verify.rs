use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{VerifyReport, VerifyRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Verify a signed export (its content against the signed digest and every signature), or one
/// statement with its CMS signature, against the trusted roots: valid, or which check failed.
/// Answers 200 either way; `valid` says which.
#[utoipa::path(
    tag = super::TAG,
    request_body = VerifyRequest,
    responses((status = 200, description = "The report.", body = VerifyReport)),
    security(("bearer" = []))
)]
#[post("/signatures/verify")]
pub async fn post_signature_verify(
    _session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<VerifyRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::signatures::verify_signature(&state.app, _session.0, body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
