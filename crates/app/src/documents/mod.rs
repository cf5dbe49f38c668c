//! Scanned documents: decisions that account changes rest on (ACC-4), and later the dossier's
//! attachments and evidence (DOS-3, WF-4). Uploaded once, never changed or deleted.

pub mod inspect;
pub mod read_document;
pub mod store_document;
pub use read_document::read_document;
pub use store_document::{store_document, Upload};

/// Who may read a stored document: its uploader, and accounts (not personal ones) whose scope
/// covers the uploader's unit (Sở Nội vụ: all).
pub fn may_read(
    actor: &hoso_domain::access::Actor,
    row: &hoso_store::documents::DocumentRow,
    unit_path: Option<&str>,
) -> Result<bool, crate::error::AppError> {
    use hoso_domain::access::{AccountKind, Scope, UnitPath};
    let in_scope = actor.kind != AccountKind::Personal
        && match (&actor.scope, unit_path) {
            (Scope::Province, _) => true,
            (Scope::Subtree(_), None) => false,
            (scope, Some(path)) => {
                scope.covers(&UnitPath::parse(path).map_err(crate::error::AppError::Internal)?)
            }
        };
    Ok(row.uploaded_by == actor.account_id || in_scope)
}

/// The type the content really is, from its first bytes: the declared type must agree, so a
/// script cannot be uploaded as a "PDF".
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
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
pub fn require_decision_scan(
    conn: &mut hoso_store::DbConnection,
    session: &crate::session::Session,
    decision: &hoso_api_types::accounts::DecisionRef,
) -> Result<String, crate::error::AppError> {
    let id = decision.document_id.as_deref().ok_or_else(|| {
        hoso_domain::FieldError::new(
            "decision.document_id",
            "required",
            "Tải lên bản scan quyết định hoặc hợp đồng.",
        )
    })?;
    let document = crate::dossiers::readable_document(conn, session, id, "decision.document_id")?;
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
