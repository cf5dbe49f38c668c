use chrono::{Datelike, NaiveDate};
use hoso_api_types::calendar::Deadline;
use hoso_store::calendar;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The last day to act, `working_days` working days after `from`: weekends, statutory holidays
/// and the year's plan skipped (a deadline never falls on a day off).
pub async fn compute_deadline(
    app: &App,
    _session: Session,
    query: DeadlineQuery,
) -> Result<Deadline, AppError> {
    if query.working_days > 365 {
        return Err(hoso_domain::FieldError::new(
            "working_days",
            "out_of_range",
            "Tối đa 365 ngày làm việc.",
        )
        .into());
    }
    super::check_year(query.from.year())?;
    let plan = app.db(|conn| Ok(calendar::load(conn)?)).await?;
    Ok(Deadline {
        from: query.from,
        working_days: query.working_days,
        due: plan.add_working_days(query.from, query.working_days),
    })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DeadlineQuery {
    /// The day of the triggering event.
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub from: NaiveDate,
    /// Working days allowed (the regulation profile gives them).
    pub working_days: u32,
}
