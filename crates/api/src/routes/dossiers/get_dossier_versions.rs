use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::VersionSummary;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The approved versions of a dossier, oldest first: who approved each, when, and its hash.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The versions.", body = [VersionSummary])),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions")]
pub async fn get_dossier_versions(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::list_dossier_versions(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
