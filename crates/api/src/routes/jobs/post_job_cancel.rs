use actix_web::{post, web, HttpResponse};
use hoso_api_types::jobs::JobView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Cancels a `queued` job at once, or asks a `running` one to stop: it ends `cancelled` at its
/// next progress report (`cancel_requested` shows the request). Audited `job.cancelled`.
/// Administrators of the province only; a job that already ended is 409 `invalid_state`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Job id")),
    responses(
        (status = 200, description = "Cancelled, or asked to stop.", body = JobView),
        (status = 403, description = "Not an administrator of the province."),
        (status = 404, description = "No such job."),
        (status = 409, description = "`invalid_state`: the job already ended.")
    ),
    security(("bearer" = []))
)]
#[post("/jobs/{id}/cancel")]
pub async fn post_job_cancel(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let job = hoso_app::jobs::cancel_job(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(job))
}
