use actix_web::{get, web, HttpResponse};
use hoso_api_types::jobs::JobView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One background job; with `wait=true`, answered when it ends (at most 25 seconds).
/// Administrators of the province only.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Job id"), hoso_app::jobs::JobQuery),
    responses(
        (status = 200, description = "The job.", body = JobView),
        (status = 403, description = "Not an administrator of the province."),
        (status = 404, description = "No such job.")
    ),
    security(("bearer" = []))
)]
#[get("/jobs/{id}")]
pub async fn get_job(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<hoso_app::jobs::JobQuery>,
) -> Result<HttpResponse, HttpError> {
    let job = hoso_app::jobs::read_job(&state, session.0, id.into_inner(), query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(job))
}
