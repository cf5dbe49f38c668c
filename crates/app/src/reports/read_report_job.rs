use hoso_api_types::reports::ReportJobView;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::export::FileFormat;
use crate::files::PageOrFile;
use crate::session::Session;
use crate::App;

#[derive(Debug, Deserialize, IntoParams)]
pub struct ReportJobQuery {
    /// Wait (up to 25 seconds) for the job to end before answering.
    pub wait: Option<bool>,
    /// `json` (default: the job with its report), or the finished report as `csv`, `xlsx`, `pdf`.
    pub format: Option<String>,
}

/// One of the caller's report jobs: its progress and, once done, its report or the report's
/// file; with `wait`, answered when the job ends (or after 25 seconds). Another account's job is
/// not found.
pub async fn read_report_job(
    app: &App,
    session: Session,
    id: String,
    query: ReportJobQuery,
) -> Result<PageOrFile<ReportJobView>, AppError> {
    super::require_report_reader(&session)?;
    let format = FileFormat::parse(query.format.as_deref())?;
    if format.is_some() {
        crate::reports::require_exporter(&session)?;
    }
    let account = session.actor.account_id.clone();
    let actor = session.actor.clone();
    let load = || {
        let (id, account, actor) = (id.clone(), account.clone(), actor.clone());
        app.db(move |conn| {
            let row = hoso_store::reports::find_job(conn, &id)?
                .filter(|row| row.account_id == account)
                .ok_or(AppError::NotFound)?;
            let mut job = super::create_report_job::view(conn, row)?;
            if let Some(report) = job.report.as_mut() {
                let path = match &report.unit {
                    Some(unit) => hoso_store::units::find(conn, &unit.id)?.map(|u| u.path),
                    None => None,
                };
                super::protect(report, &actor, path.as_deref());
            }
            Ok(job)
        })
    };
    let job = if query.wait == Some(true) {
        crate::jobs::wait_while(app, load, |job: &ReportJobView| job.status == "running").await?
    } else {
        load().await?
    };
    match (format, &job.report) {
        (None, _) => Ok(PageOrFile::Page(job)),
        (Some(format), Some(report)) => Ok(PageOrFile::File(super::make_report::report_file(
            report,
            format,
            &app.province_name,
        )?)),
        (Some(_), None) => Err(AppError::Conflict {
            code: "report_not_ready",
            message: "Báo cáo chưa lập xong.".into(),
        }),
    }
}
