use actix_web::{get, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A version as the printed form with its signatures (USE-5): a page listing each signature
/// (step, signer, time) and the signed export embedded as a file, so the PDF alone can be
/// verified offline (`hoso verify FILE.pdf --trust roots.pem`). Same readers as the JSON export.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id"),
        ("number" = i32, Path, description = "Version number"),
    ),
    responses((status = 200, description = "The signed form.", content_type = "application/pdf")),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions/{number}/signed.pdf")]
pub async fn get_dossier_version_signed_pdf(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, HttpError> {
    let (id, number) = path.into_inner();
    let file = hoso_app::dossiers::print_signed_version(&state.app, session.0, id, number).await?;
    Ok(crate::export::file_response(file))
}
