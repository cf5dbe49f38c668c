use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::dossiers::{ApproveDraftRequest, VersionSummary};
use hoso_domain::access::check_approve_dossier;
use hoso_domain::dossier::canonical_json;
use hoso_domain::dossier::completeness::missing;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::dossiers;
use validator::Validate;

use crate::auth::Session;
use crate::error::ApiError;
use crate::state::AppState;

/// Approve the draft as the dossier's next immutable version (`approve_dossiers` over the
/// person's unit, never one's own). The draft must be complete (422 naming each empty required
/// item) and valid, and still at the revision read (409 otherwise). The version's SHA-256 over
/// the canonical JSON of its whole content is recorded; it is what a signature will cover.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    request_body = ApproveDraftRequest,
    responses((status = 201, description = "The new version.", body = VersionSummary)),
    security(("bearer" = []))
)]
#[post("/dossiers/{id}/versions")]
pub async fn post_dossier_version(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<ApproveDraftRequest>,
) -> Result<HttpResponse, ApiError> {
    body.validate()?;
    let body = body.into_inner();
    let keys = state.data_keys.clone();
    let view = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let mut event = super::event(&session, "dossier.approved", &r.found);
            event.right_used = Some("approve_dossiers".into());
            if let Err(denial) = check_approve_dossier(&session.actor, &r.found.person.id, &r.path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let draft = dossiers::draft(conn, &r.found.dossier.id)?;
            if draft.revision != body.revision {
                return Err(ApiError::stale());
            }
            let whole = super::open_content(&keys, &draft.content, draft.sealed.as_deref())?;
            let content = super::typed(&whole)?;
            let gaps = missing(&content, r.found.person.category == "contract_worker");
            if !gaps.is_empty() {
                let mut errors = FieldErrors::new();
                for gap in gaps {
                    errors.push(FieldError::new(
                        gap.field,
                        "required",
                        format!("Chưa khai mục «{}».", gap.label),
                    ));
                }
                return Err(errors.into());
            }
            super::check(
                conn,
                &session,
                &keys,
                &content,
                Some(&r.found.dossier.id),
                content.photo_document_id.as_deref(),
            )?;
            let hash = crate::auth::secrets::digest_bytes(canonical_json(&whole).as_bytes());
            let version = conn.transaction(|conn| -> Result<_, ApiError> {
                let version = dossiers::approve_draft(
                    conn,
                    &r.found.dossier.id,
                    body.revision,
                    &hash,
                    content.identity.full_name.as_deref(),
                    &session.actor.account_id,
                    body.note.as_deref(),
                )?;
                event.details =
                    Some(serde_json::json!({"version": version.number, "content_hash": hash}).to_string());
                crate::audit::record(conn, event)?;
                Ok(version)
            })?;
            Ok(crate::views::dossier_version(&version))
        })
        .await?;
    Ok(HttpResponse::Created().json(view))
}
