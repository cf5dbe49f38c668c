use actix_web::{get, web, HttpResponse};
use hoso_api_types::calendar::CalendarYear;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A year's days that are not ordinary: the statutory holidays (computed, Tết and Giỗ Tổ from
/// the lunar calendar for UTC+7, weekend compensation included) and the year's plan.
#[utoipa::path(
    tag = super::TAG,
    params(("year" = i32, Path, minimum = 1950, maximum = 2100, description = "Solar year, 1950–2100 (422 `out_of_range` otherwise)", example = 2026)),
    responses((status = 200, description = "The year.", body = CalendarYear)),
    security(("bearer" = []))
)]
#[get("/calendar/{year}")]
pub async fn get_calendar_year(
    _session: Session,
    state: web::Data<AppState>,
    year: web::Path<i32>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::calendar::read_calendar_year(&state, _session.0, year.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
