use actix_web::{post, web, HttpResponse};
use hoso_api_types::reports::{NewReportJob, ReportJobView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Starts a report in the background (USE-2): for a past date or the whole province it may take
/// a while; `GET /report-jobs/{id}` shows how many people are counted, and the report (or its
/// file) once done. The unit and date are checked before it starts. It runs on the durable job
/// queue (`GET /jobs`): it survives a restart and runs on any instance.
#[utoipa::path(
    tag = super::TAG,
    request_body = NewReportJob,
    responses(
        (status = 202, description = "Started.", body = ReportJobView),
        (status = 422, description = "`as_of_in_future`, `as_of_not_supported`, `unit_not_existing`.")
    ),
    security(("bearer" = []))
)]
#[post("/report-jobs")]
pub async fn post_report_job(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<NewReportJob>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::reports::create_report_job(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(result))
}
