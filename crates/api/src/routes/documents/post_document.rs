use actix_web::{post, web, HttpRequest, HttpResponse};
use futures_util::StreamExt;
use hoso_api_types::documents::DocumentView;
use hoso_domain::FieldError;
use hoso_store::documents::{self, NewDocument};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::{secrets, Session};
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

#[derive(Debug, Deserialize, IntoParams)]
pub struct UploadQuery {
    /// The file's name as the person chose it, e.g. `QD-45-SYT.pdf`.
    pub file_name: String,
}

/// Upload a scanned document (PDF, JPEG or PNG) as the request body, with its
/// `Content-Type`. The content must really be of that type. Stored once by its SHA-256.
#[utoipa::path(
    tag = super::TAG,
    params(UploadQuery),
    request_body(content = Vec<u8>, content_type = "application/pdf", description = "The file's bytes; also image/jpeg or image/png."),
    responses(
        (status = 201, description = "Stored.", body = DocumentView),
        (status = 413, description = "`payload_too_large`: over HOSO_MAX_UPLOAD_BYTES.", body = hoso_api_types::ErrorBody),
        (status = 415, description = "`unsupported_media_type`: not a PDF, JPEG or PNG, or not what it claims to be.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/documents")]
pub async fn post_document(
    req: HttpRequest,
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<UploadQuery>,
    mut body: web::Payload,
) -> Result<HttpResponse, HttpError> {
    let file_name = query.into_inner().file_name.trim().to_owned();
    if file_name.is_empty() || file_name.len() > 255 || file_name.contains(['/', '\\']) {
        return Err(FieldError::new("file_name", "invalid", "Tên tệp không hợp lệ.").into());
    }
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
    // Read the stream ourselves so an oversized upload gets the API's own 413 body.
    let limit = state.max_upload_bytes;
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| AppError::Malformed(e.to_string()))?;
        if bytes.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge { limit }.into());
        }
        bytes.extend_from_slice(&chunk);
    }
    if super::sniff(&bytes) != Some(declared.as_str()) {
        return Err(AppError::UnsupportedMediaType.into());
    }
    let digest = secrets::digest_bytes(&bytes);
    let blobs = state.blobs.clone();
    let (unit_id, uploaded_by) = (
        session.account.account.unit_id.clone(),
        session.account.account.id.clone(),
    );
    let mut event = session.event("document.uploaded");
    event.target_type = Some("document".into());
    event.unit_id = unit_id.clone();
    let row = state
        .db(move |conn| {
            blobs.put(&digest, &bytes)?;
            let row = documents::insert(
                conn,
                NewDocument {
                    sha256: digest,
                    file_name,
                    content_type: declared,
                    size_bytes: bytes.len() as i64,
                    unit_id,
                    uploaded_by,
                },
            )?;
            event.target_id = Some(row.id.clone());
            hoso_app::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Created().json(views::document(&row)))
}
