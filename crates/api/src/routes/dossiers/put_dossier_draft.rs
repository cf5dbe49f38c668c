use actix_web::{put, web, HttpResponse};
use hoso_api_types::dossiers::{DraftView, SaveDraftRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Save the draft (the person themself, or `update_dossiers` over their unit; the history
/// records who). `revision` must be the one read: a save against an older revision is refused
/// with 409 `stale_version` and changes nothing. An editor who may not see the sensitive fields
/// cannot change them either: they are kept as stored, and sending one is a 422
/// `restricted_field`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    request_body = SaveDraftRequest,
    responses((status = 200, description = "Saved; the new revision.", body = DraftView)),
    security(("bearer" = []))
)]
#[put("/dossiers/{id}/draft")]
pub async fn put_dossier_draft(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<SaveDraftRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::dossiers::save_dossier_draft(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
