use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ScheduledReport;
use hoso_domain::report::{annual_reports, upcoming};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The yearly reports of the province's regulation profile in their next occurrence, the soonest
/// first (HY: headcount of the past year, 10–20 January; TG: the agencies' report on their
/// data before 15 December and Sở Nội vụ's headcount report by 20 January), with the kinds and
/// the date to make them with.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The reports due.", body = Vec<ScheduledReport>)),
    security(("bearer" = []))
)]
#[get("/report-schedule")]
pub async fn get_report_schedule(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    super::require_report_reader(&session)?;
    let today = state.clock.today();
    let profile = state.db(crate::routes::settings::current).await?;
    let schedule: Vec<ScheduledReport> = upcoming(annual_reports(profile.name), today)
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
        .collect();
    Ok(HttpResponse::Ok().json(schedule))
}
