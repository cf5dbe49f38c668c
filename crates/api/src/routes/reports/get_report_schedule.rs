use actix_web::{get, web, HttpResponse};
use hoso_api_types::reports::ScheduledReport;

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
    let schedule = hoso_app::reports::list_report_schedule(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(schedule))
}
