use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
use actix_web::{get, web, HttpResponse};
use hoso_store::documents;

use crate::auth::Session;
use crate::error::ApiError;
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
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let (row, unit_path) = state
        .db(move |conn| Ok(documents::find(conn, &id)?))
        .await?
        .ok_or(ApiError::NotFound)?;
    if !super::may_read(&session.actor, &row, unit_path.as_deref())? {
        return Err(ApiError::NotFound);
    }
    let blobs = state.blobs.clone();
    let sha256 = row.sha256.clone();
    let bytes = web::block(move || blobs.get(&sha256))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(format!("document {} unreadable: {e}", row.id)))?;
    Ok(HttpResponse::Ok()
        .content_type(row.content_type.clone())
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(row.file_name.clone())],
        })
        .body(bytes))
}
