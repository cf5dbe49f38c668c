use actix_web::{post, web, HttpResponse};
use hoso_api_types::reports::{NewReportJob, ReportJobView};
use hoso_store::reports::ReportJobRow;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

pub(crate) fn view(row: ReportJobRow) -> Result<ReportJobView, AppError> {
    let report = match &row.result {
        Some(json) => {
            Some(serde_json::from_str(json).map_err(|e| AppError::Internal(format!("stored report: {e}")))?)
        }
        None => None,
    };
    Ok(ReportJobView {
        id: row.id,
        kind: row.kind,
        unit_id: row.unit_id,
        as_of: row.as_of,
        status: row.status,
        done: row.done.into(),
        total: row.total.into(),
        error: row.error,
        created_at: row.created_at,
        finished_at: row.finished_at,
        report,
    })
}

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
    body: web::Json<NewReportJob>,
) -> Result<HttpResponse, HttpError> {
    super::get_report::require_report_reader(&session)?;
    let now = state.clock.now_naive();
    let body = body.into_inner();
    let job = state
        .db(move |conn| {
            hoso_app::reports::start_report_job(
                conn,
                &session,
                &body.kind,
                body.unit_id.as_deref(),
                body.as_of,
                now,
            )
        })
        .await?;
    // Wake this instance's workers: the job is committed.
    state.jobs.bump();
    Ok(HttpResponse::Accepted().json(view(job)?))
}
