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
    _session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let app = state.clone();
    let roots = state
        .db(move |conn| {
            hoso_app::workflow::authority(conn, &app)?;
            hoso_app::workflow::trusted_roots(conn, &app)
        })
        .await?;
    let pem: String = roots.iter().map(hoso_signatures::certificates::to_pem).collect();
    Ok(HttpResponse::Ok()
        .content_type("application/x-pem-file")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"hoso-trusted-roots.pem\"",
        ))
        .body(pem))
}
