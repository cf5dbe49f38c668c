use hoso_api_types::dossiers::{DraftView, SaveDraftRequest};
use hoso_domain::access::check_edit_dossier;
use hoso_domain::dossier::protection::{join_sensitive, split_sensitive, RestrictionLevel};
use hoso_store::dossiers;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Save the draft (the person themself, or `update_dossiers` over their unit; the history
/// records who). `revision` must be the one read: a save against an older revision is refused
/// with 409 `stale_version` and changes nothing. An editor who may not see the sensitive fields
/// cannot change them either: they are kept as stored, and sending one is a 422
/// `restricted_field`.
pub async fn save_dossier_draft(
    app: &App,
    session: Session,
    id: String,
    body: SaveDraftRequest,
) -> Result<DraftView, AppError> {
    let keys = app.data_keys.clone();
    let view = app
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut event = super::event(&session, "dossier.draft_saved", &r.found);
            event.right_used = Some("update_dossiers".into());
            let denial = check_edit_dossier(&session.actor, &r.found.person.id, &r.path).err().or_else(|| {
                (r.level < RestrictionLevel::Full)
                    .then(|| hoso_domain::access::Denial::Forbidden("editing needs the whole form in view".into()))
            });
            if let Some(denial) = denial {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            crate::workflow::refuse_if_frozen(&r.found.dossier.status)?;
            crate::workflow::refuse_if_archived(&r.found.person.service_status)?;
            let mut content = body.content;
            let stored = dossiers::draft(conn, &r.found.dossier.id)?;
            let before = super::open_content(&keys, &stored.content, stored.sealed.as_deref())?;
            let known_photo = before.get("photo_document_id").and_then(|p| p.as_str()).map(str::to_owned);
            if r.level < RestrictionLevel::Sensitive {
                let submitted = serde_json::to_value(&content).expect("dossier content serialises");
                // Filling in a field one may not see would be writing blind: refuse it, naming it.
                if let Some(pointer) = split_sensitive(&submitted).1.keys().next() {
                    return Err(hoso_domain::FieldError::new(
                        pointer.trim_start_matches('/').replace('/', "."),
                        "restricted_field",
                        "Tài khoản này không được xem, nên cũng không được khai thông tin hạn chế tiếp cận này.",
                    )
                    .into());
                }
                let kept = join_sensitive(&split_sensitive(&submitted).0, &split_sensitive(&before).1);
                content = super::typed(&kept)?;
            }
            super::check(
                conn,
                &session,
                &keys,
                &content,
                Some(&r.found.dossier.id),
                known_photo.as_deref(),
                &r.found.person.unit_id,
            )?;
            let sealed = super::seal(&keys, &content, &r.found.person.full_name);
            let draft = conn.write_transaction(|conn| -> Result<_, AppError> {
                let draft = dossiers::save_draft(
                    conn,
                    &r.found.dossier.id,
                    body.revision,
                    sealed.stored(),
                    &session.actor.account_id,
                )?;
                event.details = Some(serde_json::json!({"revision": draft.revision}).to_string());
                crate::audit::record(conn, event)?;
                Ok(draft)
            })?;
            super::draft_view(conn, &r, draft, &sealed.whole)
        })
        .await?;
    Ok(view)
}
