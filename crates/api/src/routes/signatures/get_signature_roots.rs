use actix_web::{get, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The trusted root certificates (PEM, one after another): the configured ones and the
/// built-in CA. A recipient of a signed export verifies it offline against these
/// (`hoso verify FILE --trust roots.pem`).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "PEM certificates.", content_type = "application/x-pem-file", body = String)),
    security(("bearer" = []))
)]
#[get("/signatures/roots")]
pub async fn get_signature_roots(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let file = hoso_app::signatures::trusted_roots_pem(&state.app, session.0).await?;
    Ok(crate::export::file_response(file))
}
