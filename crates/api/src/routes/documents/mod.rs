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

/// Who may read a stored document: its uploader, and accounts (not personal ones) whose scope
/// covers the uploader's unit (Sở Nội vụ: all).
pub(crate) fn may_read(
    actor: &hoso_domain::access::Actor,
    row: &hoso_store::documents::DocumentRow,
    unit_path: Option<&str>,
) -> Result<bool, crate::error::ApiError> {
    use hoso_domain::access::{AccountKind, Scope, UnitPath};
    let in_scope = actor.kind != AccountKind::Personal
        && match (&actor.scope, unit_path) {
            (Scope::Province, _) => true,
            (Scope::Subtree(_), None) => false,
            (scope, Some(path)) => {
                scope.covers(&UnitPath::parse(path).map_err(crate::error::ApiError::Internal)?)
            }
        };
    Ok(row.uploaded_by == actor.account_id || in_scope)
}

/// A stored document's bytes as the answer: its type, its file name, never cached.
pub(crate) async fn file_response(
    state: &crate::state::AppState,
    row: hoso_store::documents::DocumentRow,
) -> Result<actix_web::HttpResponse, crate::error::ApiError> {
    use crate::error::ApiError;
    use actix_web::http::header::{ContentDisposition, DispositionParam, DispositionType};
    let blobs = state.blobs.clone();
    let sha256 = row.sha256.clone();
    let bytes = actix_web::web::block(move || blobs.get(&sha256))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(format!("document {} unreadable: {e}", row.id)))?;
    Ok(actix_web::HttpResponse::Ok()
        .content_type(row.content_type.clone())
        .insert_header(("Cache-Control", "private, no-store"))
        .insert_header(ContentDisposition {
            disposition: DispositionType::Inline,
            parameters: vec![DispositionParam::Filename(row.file_name)],
        })
        .body(bytes))
}

/// The type the content really is, from its first bytes: the declared type must agree, so a
/// script cannot be uploaded as a "PDF".
pub(crate) fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else {
        None
    }
}

/// The scan of the decision a change rests on (a recruitment, a change of category): required,
/// and uploaded by someone the caller may read it from. Its id.
pub(crate) fn require_decision_scan(
    conn: &mut hoso_store::DbConnection,
    session: &crate::auth::Session,
    decision: &hoso_api_types::accounts::DecisionRef,
) -> Result<String, crate::error::ApiError> {
    let id = decision.document_id.as_deref().ok_or_else(|| {
        hoso_domain::FieldError::new(
            "decision.document_id",
            "required",
            "Tải lên bản scan quyết định hoặc hợp đồng.",
        )
    })?;
    let document = crate::routes::dossiers::readable_document(conn, session, id, "decision.document_id")?;
    Ok(document.id)
}

#[cfg(test)]
mod tests {
    use super::sniff;

    #[test]
    fn only_pdf_png_and_jpeg_are_recognised() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0...."), Some("image/jpeg"));
        assert_eq!(sniff(b"<script>alert(1)</script>"), None);
        assert_eq!(sniff(b""), None);
    }
}
