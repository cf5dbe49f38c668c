use actix_web::{post, web, HttpResponse};
use hoso_api_types::imports::{CommitImportRequest, ImportView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Writes a checked import on the durable job queue (kind `import.commit`): each person whole
/// or not at all (a new person with placement, category, job position and dossier draft; or
/// the updated draft), their provenance — file, SHA-256, row, who — in the audit trail
/// (`dossier.imported`). Every person is checked again as they are written. Resumable after a
/// restart (people already written are skipped) and idempotent by citizen ID: the same file
/// imported twice changes nothing. Imported dossiers are drafts and go through the normal
/// check and signature.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Import id")),
    request_body = CommitImportRequest,
    responses(
        (status = 202, description = "Committing; follow `GET /imports/{id}`.", body = ImportView),
        (status = 404, description = "No such import, or another agency's."),
        (status = 409, description = "`import_has_errors`: the dry run refused something and `valid_only` was not chosen; `import_not_checked`: already committed or committing.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`forbidden` on `migrated`: only Sở Nội vụ marks dossiers as migrated.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/imports/{id}/commit")]
pub async fn post_import_commit(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<CommitImportRequest>,
) -> Result<HttpResponse, HttpError> {
    let view =
        hoso_app::imports::commit_import(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(view))
}
