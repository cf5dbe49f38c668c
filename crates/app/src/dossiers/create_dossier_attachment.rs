use hoso_api_types::dossiers::{AttachRequest, AttachmentView};
use hoso_domain::access::check_edit_dossier;
use hoso_store::dossiers::{self, NewAttachment};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Attach an uploaded scan to a dossier (DOS-3), typed by `document_kinds` and linked to the item
/// it proves. Same authority as editing the draft, and frozen with it while the dossier is being
/// checked or signed (409 `dossier_locked`); the document must be one the caller may read.
/// Audited.
pub async fn create_dossier_attachment(
    app: &App,
    session: Session,
    id: String,
    body: AttachRequest,
) -> Result<AttachmentView, AppError> {
    body.validate()?;
    let view = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut event = super::event(&session, "dossier.attachment_added", &r.found);
            event.right_used = Some("update_dossiers".into());
            if let Err(denial) = check_edit_dossier(&session.actor, &r.found.person.id, &r.path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            // The evidence set is checked with the draft (WF-2): frozen with it.
            crate::workflow::refuse_if_frozen(&r.found.dossier.status)?;
            crate::workflow::refuse_if_archived(&r.found.person.service_status)?;
            let document = super::readable_document(conn, &session, &body.document_id, "document_id")?;
            crate::catalogs::require(
                conn,
                "kind",
                &["document_kinds"],
                &body.kind,
                crate::clock::today(),
            )?;
            let row = dossiers::attach(
                conn,
                NewAttachment {
                    dossier_id: &r.found.dossier.id,
                    document_id: &document.id,
                    kind: &body.kind,
                    item: body.item.as_deref().filter(|i| !i.trim().is_empty()),
                    note: body.note.as_deref().filter(|n| !n.trim().is_empty()),
                    added_by: &session.actor.account_id,
                },
            )?;
            event.details = Some(
                serde_json::json!({"document_id": document.id, "sha256": document.sha256, "kind": body.kind})
                    .to_string(),
            );
            crate::audit::record(conn, event)?;
            Ok(super::attachment_view(row, &document))
        })
        .await?;
    Ok(view)
}
