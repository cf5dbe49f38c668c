use actix_web::{get, web, HttpResponse};
use hoso_api_types::backups::BackupList;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Every backup, newest first (at most 200): kind, state, size, the archive's SHA-256, what its
/// verification by a restore into a scratch database found, who or what made it, until when
/// it is kept; what was restored into this database; the next scheduled run; and `alert` when
/// the latest backup failed. Administrators with `manage_backups` only.
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "The backups.", body = BackupList),
        (status = 403, description = "Not an administrator holding `manage_backups`.")
    ),
    security(("bearer" = []))
)]
#[get("/backups")]
pub async fn get_backups(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let list = hoso_app::backups::list_backups(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(list))
}
