use actix_web::{get, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Download a document: its uploader, and accounts whose scope covers the uploader's unit
/// (Sở Nội vụ: all). Others get 404.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Document id")),
    responses((status = 200, description = "The file, as uploaded.", content_type = "application/octet-stream")),
    security(("bearer" = []))
)]
#[get("/documents/{id}")]
pub async fn get_document(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let file = hoso_app::documents::read_document(&state, session.0, id.into_inner()).await?;
    Ok(crate::export::file_response(file))
}
