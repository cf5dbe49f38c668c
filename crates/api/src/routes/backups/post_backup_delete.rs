use actix_web::{post, web, HttpResponse};
use hoso_api_types::backups::{BackupView, DeleteBackup};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Deletes a backup's archive with a recorded reason (5–500 characters): how a quarterly
/// backup, kept permanently, is ever removed, or a monthly one before its three months. The
/// record stays, `deleted`, with who, when and why; audited `backup.deleted`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Backup id")),
    request_body = DeleteBackup,
    responses(
        (status = 200, description = "Deleted.", body = BackupView),
        (status = 403, description = "Not an administrator holding `manage_backups` (audited)."),
        (status = 404, description = "No such backup."),
        (status = 409, description = "`invalid_state`: the backup is still running, or already deleted."),
        (status = 422, description = "`validation_failed`: `reason` missing, shorter than 5 or longer than 500 characters.")
    ),
    security(("bearer" = []))
)]
#[post("/backups/{id}/delete")]
pub async fn post_backup_delete(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<DeleteBackup>,
) -> Result<HttpResponse, HttpError> {
    let backup =
        hoso_app::backups::delete_backup(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(backup))
}
