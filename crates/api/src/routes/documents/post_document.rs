use actix_web::{post, web, HttpRequest, HttpResponse};
use hoso_api_types::documents::DocumentView;
use hoso_app::documents::Upload;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct UploadQuery {
    /// The file's name as the person chose it, e.g. `QD-45-SYT.pdf`.
    pub file_name: String,
}

/// Upload a scanned document (PDF, JPEG or PNG) as the request body, with its
/// `Content-Type`. The content is read whole: a PDF must open, have pages and carry no script,
/// launch action or embedded file; an image must decode; nothing may follow the format's end.
/// Sealed at rest; stored once by its SHA-256.
#[utoipa::path(
    tag = super::TAG,
    params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/pdf", description = "The file's bytes; also image/jpeg or image/png."),
    responses(
        (status = 201, description = "Stored.", body = DocumentView),
        (status = 413, description = "`payload_too_large`: over HOSO_MAX_UPLOAD_BYTES.", body = hoso_api_types::ErrorBody),
        (status = 415, description = "`unsupported_media_type`: a `Content-Type` other than application/pdf, image/jpeg or image/png.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`validation_failed` on `file`: `not_a_document`, `type_mismatch`, `broken_file`, `polyglot` or `active_content`, each with a message saying what is wrong with the file.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/documents")]
pub async fn post_document(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<UploadQuery>,
    body: web::Payload,
) -> Result<HttpResponse, HttpError> {
    let declared = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        })
        .unwrap_or_default();
    let bytes = crate::upload::read_limited(body, state.max_upload_bytes).await?;
    let upload = Upload {
        file_name: query.into_inner().file_name,
        declared_type: declared,
        bytes,
    };
    let document = hoso_app::documents::store_document(&state, session.0, upload).await?;
    Ok(HttpResponse::Created().json(document))
}
