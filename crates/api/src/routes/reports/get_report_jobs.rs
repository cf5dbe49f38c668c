use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ReportJobView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's recent report jobs, newest first (without their reports).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The jobs.", body = Vec<ReportJobView>)),
    security(("bearer" = []))
)]
#[get("/report-jobs")]
pub async fn get_report_jobs(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    super::get_report::require_report_reader(&session)?;
    let account = session.actor.account_id.clone();
    let jobs = state
        .db(move |conn| {
            hoso_store::reports::jobs_of(conn, &account, 20)?
                .into_iter()
                .map(|mut row| {
                    row.result = None;
                    super::post_report_job::view(row)
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(HttpResponse::Ok().json(jobs))
}
