use actix_web::{post, web, HttpResponse};
use hoso_api_types::jobs::JobView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Queues a `dead` or `cancelled` job again with a fresh count of attempts (audited
/// `job.retried`). Administrators of the province only; a job in another state is 409
/// `invalid_state`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Job id")),
    responses(
        (status = 200, description = "Queued again.", body = JobView),
        (status = 403, description = "Not an administrator of the province."),
        (status = 404, description = "No such job."),
        (status = 409, description = "`invalid_state`: the job is queued, running or succeeded.")
    ),
    security(("bearer" = []))
)]
#[post("/jobs/{id}/retry")]
pub async fn post_job_retry(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let job = hoso_app::jobs::retry_job(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(job))
}
