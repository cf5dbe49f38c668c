//! Scanned documents: decisions that account changes rest on (ACC-4), and later the dossier's
//! attachments and evidence (DOS-3, WF-4). Uploaded once, never changed or deleted.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_document;
pub mod post_document;

pub const TAG: &str = "documents";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_document::post_document)
        .service(get_document::get_document);
}

pub(crate) use hoso_app::documents::*;

/// A stored document's bytes as the answer: its type, its file name, never cached.
pub async fn file_response(
    state: &hoso_app::App,
    row: hoso_store::documents::DocumentRow,
) -> Result<actix_web::HttpResponse, crate::error::HttpError> {
    use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
    use hoso_app::AppError;
    let blobs = state.blobs.clone();
    let sha256 = row.sha256.clone();
    let bytes = actix_web::web::block(move || blobs.get(&sha256))
        .await
        .map_err(|e| AppError::Internal(e.to_string()))?
        .map_err(|e| AppError::Internal(format!("document {} unreadable: {e}", row.id)))?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type(row.content_type.clone())
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(row.file_name)],
        })
        .body(bytes))
}
