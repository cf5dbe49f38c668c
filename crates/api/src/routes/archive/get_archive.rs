use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierSummary;
use hoso_app::archive::list_archive::ArchiveQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Archived dossiers within the caller's scope (`read_dossiers`), by name. Each opens read-only
/// with `GET /dossiers/{id}`.
#[utoipa::path(
    tag = super::TAG,
    params(ArchiveQuery),
    responses((status = 200, description = "Archived dossiers.", body = [DossierSummary])),
    security(("bearer" = []))
)]
#[get("/archive")]
pub async fn get_archive(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<ArchiveQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::archive::list_archive(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
