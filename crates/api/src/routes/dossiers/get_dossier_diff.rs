use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DiffView;
use hoso_app::dossiers::read_dossier_diff::DiffQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Field-by-field differences between two versions, or a version and the draft (what a reviewer
/// checks against the paper originals). Only fields within the reader's level are compared.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id"), DiffQuery),
    responses((status = 200, description = "The changes.", body = DiffView)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/diff")]
pub async fn get_dossier_diff(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<DiffQuery>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::dossiers::read_dossier_diff(&state, session.0, id.into_inner(), query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
