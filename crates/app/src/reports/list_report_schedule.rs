use hoso_api_types::reports::ScheduledReport;
use hoso_domain::report::{annual_reports, upcoming};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The statutory reports due next under the deployment's regulation profile, and whether each
/// one's reporting period is open today.
pub async fn list_report_schedule(app: &App, session: Session) -> Result<Vec<ScheduledReport>, AppError> {
    super::require_report_reader(&session)?;
    let today = app.clock.today();
    let profile = app.db(crate::settings::current).await?;
    Ok(upcoming(annual_reports(profile.name), today)
        .into_iter()
        .map(|due| ScheduledReport {
            title: due.report.title.into(),
            by: due.report.by.into(),
            kinds: due.report.kinds.iter().map(|k| (*k).to_owned()).collect(),
            opens_on: due.opens_on,
            due_on: due.due_on,
            as_of: due.as_of,
            open_now: (due.opens_on..=due.due_on).contains(&today),
        })
        .collect())
}
