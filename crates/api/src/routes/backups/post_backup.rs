use actix_web::{post, web, HttpResponse};
use hoso_api_types::jobs::JobView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Back up now: queues a backup job (kind `on_demand`, kept three months) and answers it with
/// 202; follow it at `GET /jobs/{id}`, the backup itself in `GET /backups`. The job writes the
/// archive, restores it into a scratch database to verify it, and only then names it; a
/// failure ends the job `dead` and sets the list's `alert`. Audited `backup.requested`.
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 202, description = "Queued.", body = JobView),
        (status = 403, description = "Not an administrator holding `manage_backups` (audited).")
    ),
    security(("bearer" = []))
)]
#[post("/backups")]
pub async fn post_backup(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let job = hoso_app::backups::start_backup(&state, session.0).await?;
    Ok(HttpResponse::Accepted().json(job))
}
