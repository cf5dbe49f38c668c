use actix_web::{post, web, HttpResponse};
use hoso_api_types::reports::{NewReportJob, ReportJobView};
use hoso_store::reports::{self, ReportJobRow};

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
/// file) once done. The unit and date are checked before it starts.
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
    let kind = super::kind(&body.kind)
        .map_err(|_| hoso_domain::FieldError::new("kind", "invalid_choice", "Không có loại báo cáo này."))?;
    let today = state.clock.today();
    let now = state.clock.now_naive();
    let account = session.actor.account_id.clone();
    let body = body.into_inner();
    let (job, request) = state
        .db(move |conn| {
            let request = super::ReportRequest::new(conn, kind, body.unit_id.as_deref(), body.as_of, today)?;
            let job = reports::insert_job(
                conn,
                &account,
                kind.key,
                body.unit_id.as_deref(),
                request.as_of,
                now,
            )?;
            Ok((job, request))
        })
        .await?;
    let id = job.id.clone();
    let worker = state.clone();
    actix_web::rt::spawn(async move {
        let pool = worker.pool.clone();
        let job_id = id.clone();
        let outcome = worker
            .db(move |conn| {
                // Progress goes through another connection: this one is busy reading.
                let mut progress = |done: usize, total: usize| {
                    if let Ok(mut other) = pool.get() {
                        let _ = reports::job_progress(&mut other, &job_id, done as i32, total as i32);
                    }
                };
                super::make(conn, &request, &mut progress)
            })
            .await;
        let finished_at = worker.clock.now_naive();
        let stored = worker
            .db(move |conn| {
                let outcome = match &outcome {
                    Ok(report) => Ok(serde_json::to_string(report).expect("a report serialises")),
                    Err(error) => Err(error.to_string()),
                };
                reports::finish_job(conn, &id, outcome.as_deref().map_err(String::as_str), finished_at)?;
                Ok(())
            })
            .await;
        if let Err(error) = stored {
            tracing::error!(%error, "could not record the end of a report job");
        }
        worker.jobs.bump();
    });
    Ok(HttpResponse::Accepted().json(view(job)?))
}
