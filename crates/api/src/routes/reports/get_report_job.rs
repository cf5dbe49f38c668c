use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ReportJobView;
use hoso_app::reports::read_report_job::ReportJobQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One of the caller's report jobs: its progress, and the report once done — or, with `format`,
/// the report's file (409 `report_not_ready` until then). Another account's job is not found.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Job id"), ReportJobQuery),
    responses(
        (status = 200, description = "The job (or the report's file).", body = ReportJobView),
        (status = 404, description = "No such job of the caller's."),
        (status = 409, description = "`report_not_ready`: the file was asked for before the report was done.")
    ),
    security(("bearer" = []))
)]
#[get("/report-jobs/{id}")]
pub async fn get_report_job(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    query: web::Query<ReportJobQuery>,
) -> Result<HttpResponse, HttpError> {
    let answer =
        hoso_app::reports::read_report_job(&state, session.0, id.into_inner(), query.into_inner()).await?;
    Ok(crate::export::page_or_file(answer))
}
