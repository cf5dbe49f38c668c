use actix_web::{get, web, HttpResponse};
use hoso_api_types::workflow::CertificateView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's signing certificates (CTX-5), newest first, revoked ones included.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Certificates.", body = [CertificateView])),
    security(("bearer" = []))
)]
#[get("/me/certificates")]
pub async fn get_my_certificates(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::me::list_my_certificates(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
