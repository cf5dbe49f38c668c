use actix_web::{get, web, HttpResponse};
use chrono::{Datelike, NaiveDate};
use hoso_api_types::calendar::Deadline;
use hoso_store::calendar;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct DeadlineQuery {
    /// The day of the triggering event.
    pub from: NaiveDate,
    /// Working days allowed (the regulation profile gives them).
    pub working_days: u32,
}

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
    let query = query.into_inner();
    if query.working_days > 365 {
        return Err(hoso_domain::FieldError::new(
            "working_days",
            "out_of_range",
            "Tối đa 365 ngày làm việc.",
        )
        .into());
    }
    super::check_year(query.from.year())?;
    let plan = state.db(|conn| Ok(calendar::load(conn)?)).await?;
    Ok(HttpResponse::Ok().json(Deadline {
        from: query.from,
        working_days: query.working_days,
        due: plan.add_working_days(query.from, query.working_days),
    }))
}
