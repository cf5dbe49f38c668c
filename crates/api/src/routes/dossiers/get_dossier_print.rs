use actix_web::{get, web, HttpResponse};
use hoso_app::dossiers::print_dossier::PrintQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The personal-history form as a PDF laid out like the official one (Vietnamese text in an
/// embedded font, the photo in its frame), with only the fields the reader's level allows.
/// Recorded as `dossier.printed`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id"), PrintQuery),
    responses((status = 200, description = "The form.", content_type = "application/pdf")),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/print")]
pub async fn get_dossier_print(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<PrintQuery>,
) -> Result<HttpResponse, HttpError> {
    let file =
        hoso_app::dossiers::print_dossier(&state, session.0, id.into_inner(), query.into_inner()).await?;
    Ok(crate::export::file_response(file))
}
