use std::time::Duration;

use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ReportJobView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::export::FileFormat;
use hoso_app::AppError;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportJobQuery {
    /// Wait (up to 25 seconds) for the job to end before answering.
    pub wait: Option<bool>,
    /// `json` (default: the job with its report), or the finished report as `csv`, `xlsx`, `pdf`.
    pub format: Option<String>,
}

const LONGEST_WAIT: Duration = Duration::from_secs(25);

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
    super::require_report_reader(&session)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    let id = id.into_inner();
    let account = session.actor.account_id.clone();
    let load = || {
        let (id, account) = (id.clone(), account.clone());
        state.db(move |conn| {
            let row = hoso_store::reports::find_job(conn, &id)?
                .filter(|row| row.account_id == account)
                .ok_or(AppError::NotFound)?;
            hoso_app::reports::create_report_job::view(row)
        })
    };
    // Subscribe before reading, so an end between the read and the wait is not missed.
    let mut ended = state.jobs.subscribe();
    let mut job = load().await?;
    if query.wait == Some(true) {
        let deadline = tokio::time::Instant::now() + LONGEST_WAIT;
        while job.status == "running" {
            // Woken when a job ends on this instance; re-read every second for one that ends on
            // another instance.
            let next = deadline.min(tokio::time::Instant::now() + Duration::from_secs(1));
            let _ = tokio::time::timeout_at(next, ended.changed()).await;
            if tokio::time::Instant::now() >= deadline {
                break;
            }
            job = load().await?;
        }
    }
    match (format, &job.report) {
        (None, _) => Ok(HttpResponse::Ok().json(job)),
        (Some(format), Some(report)) => {
            super::get_report::respond(report, Some(format), &state.province_name)
        }
        (Some(_), None) => Err(HttpError(AppError::Conflict {
            code: "report_not_ready",
            message: "Báo cáo chưa lập xong.".into(),
        })),
    }
}
