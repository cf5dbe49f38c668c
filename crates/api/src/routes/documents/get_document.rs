use actix_web::{get, web, HttpResponse};
use hoso_store::documents;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

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
    let id = id.into_inner();
    let (row, unit_path) = state
        .db(move |conn| Ok(documents::find(conn, &id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    if !super::may_read(&session.actor, &row, unit_path.as_deref())? {
        return Err(AppError::NotFound.into());
    }
    super::file_response(&state, row).await
}
