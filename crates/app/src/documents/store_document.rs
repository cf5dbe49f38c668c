use hoso_api_types::documents::DocumentView;
use hoso_domain::FieldError;
use hoso_store::documents::{self, NewDocument};

use crate::error::AppError;
use crate::session::Session;
use crate::{secrets, views, App};

/// An uploaded file, as the HTTP layer read it (within the upload limit).
pub struct Upload {
    pub file_name: String,
    /// The media type the uploader declared.
    pub declared_type: String,
    pub bytes: Vec<u8>,
}

/// Stores an uploaded scan once (by its SHA-256, sealed at rest) with its record and the audit
/// line: a PDF, JPEG or PNG that is what it claims to be, read whole (`inspect`), under a plain
/// file name.
pub async fn store_document(app: &App, session: Session, upload: Upload) -> Result<DocumentView, AppError> {
    hoso_domain::access::check_not_read_only(&session.actor)?;
    let file_name = upload.file_name.trim().to_owned();
    if file_name.is_empty() || file_name.len() > 255 || file_name.contains(['/', '\\']) {
        return Err(FieldError::new("file_name", "invalid", "Tên tệp không hợp lệ.").into());
    }
    if upload.bytes.len() > app.max_upload_bytes {
        return Err(AppError::PayloadTooLarge {
            limit: app.max_upload_bytes,
        });
    }
    if !["application/pdf", "image/png", "image/jpeg"].contains(&upload.declared_type.as_str()) {
        return Err(AppError::UnsupportedMediaType {
            expected: "tệp PDF, JPEG hoặc PNG (Content-Type: application/pdf, image/jpeg, image/png)",
        });
    }
    // Read whole on the blocking pool: a 20 MB scan takes a moment to parse.
    let (declared, bytes) = (upload.declared_type.clone(), upload.bytes);
    let bytes =
        tokio::task::spawn_blocking(move || super::inspect::inspect(&declared, &bytes).map(|()| bytes))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))??;
    let digest = secrets::digest_bytes(&bytes);
    let blobs = app.blobs.clone();
    let (unit_id, uploaded_by) = (
        session.account.account.unit_id.clone(),
        session.account.account.id.clone(),
    );
    let mut event = session.event("document.uploaded");
    event.target_type = Some("document".into());
    event.unit_id = unit_id.clone();
    let row = app
        .db(move |conn| {
            blobs.put(&digest, &bytes)?;
            let row = documents::insert(
                conn,
                NewDocument {
                    sha256: digest,
                    file_name,
                    content_type: upload.declared_type,
                    size_bytes: bytes.len() as i64,
                    unit_id,
                    uploaded_by,
                },
            )?;
            event.target_id = Some(row.id.clone());
            crate::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(views::document(&row))
}
