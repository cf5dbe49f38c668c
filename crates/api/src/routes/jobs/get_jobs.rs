use actix_web::{get, web, HttpResponse};
use hoso_api_types::jobs::JobPage;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct JobQuery {
    /// `queued`, `running`, `succeeded`, `dead` or `cancelled`; other values are 422.
    pub state: Option<String>,
    /// e.g. `report`, `system.housekeeping`.
    pub kind: Option<String>,
    /// Only jobs older than this one (the previous page's `next_before`).
    pub before: Option<String>,
    /// 1–200, default 50.
    pub limit: Option<i64>,
}

/// The background job queue, newest first: kind, state, progress, attempts, the last error and
/// who or what queued each job, with the number of jobs in each state. Administrators of the
/// province only (403 for anyone else).
#[utoipa::path(
    tag = super::TAG,
    params(JobQuery),
    responses(
        (status = 200, description = "One page of jobs.", body = JobPage),
        (status = 403, description = "Not an administrator of the province."),
        (status = 422, description = "`invalid_choice` (state), `unknown_job` (before).")
    ),
    security(("bearer" = []))
)]
#[get("/jobs")]
pub async fn get_jobs(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<JobQuery>,
) -> Result<HttpResponse, HttpError> {
    let query = query.into_inner();
    let limit = query.limit.unwrap_or(50).clamp(1, 200);
    let page =
        hoso_app::jobs::list_jobs(&state, session.0, query.state, query.kind, query.before, limit).await?;
    Ok(HttpResponse::Ok().json(page))
}
