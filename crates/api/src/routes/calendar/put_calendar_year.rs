use actix_web::{put, web, HttpResponse};
use hoso_api_types::calendar::{CalendarPlan, CalendarYear};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Set a year's plan (administrators): the extra days off and swapped working days the
/// government announced. Replaces the year's previous plan; audited with its basis.
#[utoipa::path(
    tag = super::TAG,
    params(("year" = i32, Path, minimum = 1950, maximum = 2100, description = "Solar year, 1950–2100 (422 `out_of_range` otherwise)", example = 2026)),
    request_body = CalendarPlan,
    responses((status = 200, description = "The year as it now stands.", body = CalendarYear)),
    security(("bearer" = []))
)]
#[put("/calendar/{year}")]
pub async fn put_calendar_year(
    session: Session,
    state: web::Data<AppState>,
    year: web::Path<i32>,
    body: crate::json::Json<CalendarPlan>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::calendar::save_calendar_year(&state, session.0, year.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}
