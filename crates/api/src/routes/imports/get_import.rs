use actix_web::{get, web, HttpResponse};
use hoso_api_types::imports::ImportView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One import: the dry run's counts and its first 500 issues; while committing, the progress
/// (`progress_done` of `progress_total` people) and what was written so far (`committed`);
/// with `wait=true`, answered when the commit ends (at most 25 seconds).
/// The uploader's, or any for Sở Nội vụ; others 404.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Import id"), hoso_app::imports::read_import::ImportQuery),
    responses(
        (status = 200, description = "The import.", body = ImportView),
        (status = 403, description = "Not an account that may import."),
        (status = 404, description = "No such import, or another agency's."),
    ),
    security(("bearer" = []))
)]
#[get("/imports/{id}")]
pub async fn get_import(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<hoso_app::imports::read_import::ImportQuery>,
) -> Result<HttpResponse, HttpError> {
    let view = hoso_app::imports::read_import(&state, session.0, id.into_inner(), query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(view))
}
