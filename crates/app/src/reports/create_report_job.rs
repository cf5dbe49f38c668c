use hoso_api_types::reports::{NewReportJob, ReportJobView};
use hoso_store::reports::ReportJobRow;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Starts a report in the background (USE-2): for a past date or the whole province it may take
/// a while; `GET /report-jobs/{id}` shows how many people are counted, and the report (or its
/// file) once done. The unit and date are checked before it starts. It runs on the durable job
/// queue (`GET /jobs`): it survives a restart and runs on any instance.
pub async fn create_report_job(
    app: &App,
    session: Session,
    body: NewReportJob,
) -> Result<ReportJobView, AppError> {
    super::require_report_reader(&session)?;
    let now = app.clock.now_naive();
    let job = app
        .db(move |conn| {
            let row = crate::reports::start_report_job(
                conn,
                &session,
                &body.kind,
                body.unit_id.as_deref(),
                body.as_of,
                now,
            )?;
            view(conn, row)
        })
        .await?;
    // Wake this instance's workers: the job is committed.
    app.jobs.bump();
    Ok(job)
}

pub fn view(conn: &mut hoso_store::DbConnection, row: ReportJobRow) -> Result<ReportJobView, AppError> {
    let unit = match &row.unit_id {
        Some(id) => hoso_store::units::find(conn, id)?.map(|u| u.name),
        None => None,
    };
    let file_name = super::file_name(super::kind(&row.kind)?, unit.as_deref(), row.as_of);
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
        file_name,
    })
}
