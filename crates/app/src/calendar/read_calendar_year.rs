use hoso_api_types::calendar::CalendarYear;
use hoso_store::calendar;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// A year's days that are not ordinary: the statutory holidays (computed, Tết and Giỗ Tổ from
/// the lunar calendar for UTC+7, weekend compensation included) and the year's plan.
pub async fn read_calendar_year(app: &App, _session: Session, year: i32) -> Result<CalendarYear, AppError> {
    super::check_year(year)?;
    let plan = app.db(move |conn| Ok(calendar::of_year(conn, year)?)).await?;
    Ok(super::year_view(year, plan))
}
