use chrono::Datelike;
use hoso_api_types::calendar::{CalendarPlan, CalendarYear};
use hoso_domain::org::check_manage_settings;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::calendar;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Set a year's plan (administrators): the extra days off and swapped working days the
/// government announced. Replaces the year's previous plan; audited with its basis.
pub async fn save_calendar_year(
    app: &App,
    session: Session,
    year: i32,
    body: CalendarPlan,
) -> Result<CalendarYear, AppError> {
    body.validate()?;
    super::check_year(year)?;
    let mut errors = FieldErrors::new();
    for (i, day) in body.days.iter().enumerate() {
        if day.day.year() != year {
            errors.push(FieldError::new(
                format!("days[{i}].day"),
                "other_year",
                format!("Ngày này không thuộc năm {year}."),
            ));
        }
        if !matches!(day.kind.as_str(), "off" | "working") {
            errors.push(FieldError::new(
                format!("days[{i}].kind"),
                "invalid_value",
                "Chọn «off» (nghỉ) hoặc «working» (làm bù).",
            ));
        }
        if day.note.trim().is_empty() {
            errors.push(FieldError::new(
                format!("days[{i}].note"),
                "required",
                "Ghi chú lý do (nghỉ bù, làm bù…).",
            ));
        }
    }
    errors.into_result()?;
    let days = app
        .db(move |conn| {
            let mut event = session.event("calendar.plan_set");
            event.target_type = Some("calendar".into());
            event.target_id = Some(year.to_string());
            event.reason = Some(body.reason.clone());
            if let Err(denial) = check_manage_settings(&session.actor) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let rows: Vec<(chrono::NaiveDate, &str, &str)> = body
                .days
                .iter()
                .map(|d| (d.day, d.kind.as_str(), d.note.as_str()))
                .collect();
            conn.write_transaction(|conn| -> Result<(), AppError> {
                calendar::replace_year(conn, year, &rows, &session.actor.account_id)?;
                event.details = Some(serde_json::json!({"days": rows.len()}).to_string());
                crate::audit::record(conn, event)?;
                Ok(())
            })?;
            Ok(calendar::of_year(conn, year)?)
        })
        .await?;
    Ok(super::year_view(year, days))
}
