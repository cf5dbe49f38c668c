//! Request bodies that are files (scans, workbooks): read here so that an oversized upload gets
//! the API's own 413 body, without holding more than the limit.

use actix_web::web;
use futures_util::StreamExt;
use hoso_app::AppError;

/// The whole body, refused with 413 `payload_too_large` past `limit` bytes.
pub async fn read_limited(mut body: web::Payload, limit: usize) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    while let Some(chunk) = body.next().await {
        let chunk = chunk.map_err(|e| AppError::Malformed(e.to_string()))?;
        if bytes.len() + chunk.len() > limit {
            return Err(AppError::PayloadTooLarge { limit });
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}
