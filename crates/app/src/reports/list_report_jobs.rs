use hoso_api_types::reports::ReportJobView;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The caller's recent report jobs, newest first (without their reports).
pub async fn list_report_jobs(app: &App, session: Session) -> Result<Vec<ReportJobView>, AppError> {
    super::require_report_reader(&session)?;
    let account = session.actor.account_id.clone();
    let jobs = app
        .db(move |conn| {
            hoso_store::reports::jobs_of(conn, &account, 20)?
                .into_iter()
                .map(|mut row| {
                    row.result = None;
                    super::create_report_job::view(conn, row)
                })
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(jobs)
}
