use actix_web::{post, web, HttpResponse};
use hoso_api_types::dossiers::{AttachRequest, AttachmentView};
use hoso_domain::access::check_edit_dossier;
use hoso_store::dossiers::{self, NewAttachment};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Attach an uploaded scan to a dossier (DOS-3), typed by `document_kinds` and linked to the item
/// it proves. Same authority as editing the draft; the document must be one the caller may read.
/// Audited.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    request_body = AttachRequest,
    responses((status = 201, description = "Attached.", body = AttachmentView)),
    security(("bearer" = []))
)]
#[post("/dossiers/{id}/attachments")]
pub async fn post_dossier_attachment(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<AttachRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let body = body.into_inner();
    let view = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut event = super::event(&session, "dossier.attachment_added", &r.found);
            event.right_used = Some("update_dossiers".into());
            if let Err(denial) = check_edit_dossier(&session.actor, &r.found.person.id, &r.path) {
                return Err(hoso_app::audit::refuse(conn, event, denial));
            }
            hoso_app::workflow::refuse_if_archived(&r.found.person.service_status)?;
            let document = super::readable_document(conn, &session, &body.document_id, "document_id")?;
            hoso_app::catalogs::require(
                conn,
                "kind",
                &["document_kinds"],
                &body.kind,
                hoso_app::clock::today(),
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
            hoso_app::audit::record(conn, event)?;
            Ok(super::attachment_view(row, &document))
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}
