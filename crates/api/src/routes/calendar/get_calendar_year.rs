use actix_web::{get, web, HttpResponse};
use hoso_api_types::calendar::CalendarYear;
use hoso_store::calendar;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A year's days that are not ordinary: the statutory holidays (computed, Tết and Giỗ Tổ from
/// the lunar calendar for UTC+7, weekend compensation included) and the year's plan.
#[utoipa::path(
    tag = super::TAG,
    params(("year" = i32, Path, description = "Solar year")),
    responses((status = 200, description = "The year.", body = CalendarYear)),
    security(("bearer" = []))
)]
#[get("/calendar/{year}")]
pub async fn get_calendar_year(
    _session: Session,
    state: web::Data<AppState>,
    year: web::Path<i32>,
) -> Result<HttpResponse, HttpError> {
    let year = year.into_inner();
    super::check_year(year)?;
    let plan = state.db(move |conn| Ok(calendar::of_year(conn, year)?)).await?;
    Ok(HttpResponse::Ok().json(super::year_view(year, plan)))
}
