use actix_web::{get, web, HttpResponse};
use hoso_api_types::calendar::Deadline;
use hoso_app::calendar::compute_deadline::DeadlineQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The last day to act, `working_days` working days after `from`: weekends, statutory holidays
/// and the year's plan skipped (a deadline never falls on a day off).
#[utoipa::path(
    tag = super::TAG,
    params(DeadlineQuery),
    responses((status = 200, description = "The due date.", body = Deadline)),
    security(("bearer" = []))
)]
#[get("/calendar/deadline")]
pub async fn get_deadline(
    _session: Session,
    state: web::Data<AppState>,
    query: web::Query<DeadlineQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::calendar::compute_deadline(&state, _session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
