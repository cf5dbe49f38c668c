use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{CertificateView, EnrolRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Enrol for signing approvals (CTX-5), for accounts holding `approve_dossiers`, after
/// re-confirming the password. With `certificate` (PEM, the signer's certificate first, then
/// any intermediates) the certificate of a USB token or remote signing service is registered:
/// it must be for signing and chain to a trusted root. Without, the built-in CA issues one (the
/// key is generated and kept sealed on the server; an earlier built-in one is revoked).
#[utoipa::path(
    tag = super::TAG,
    request_body = EnrolRequest,
    responses(
        (status = 201, description = "Registered or issued.", body = CertificateView),
        (status = 422, description = "Wrong password, or the certificate failed a check (`certificate`).", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/me/certificates")]
pub async fn post_my_certificate(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<EnrolRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::me::create_my_certificate(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
