use actix_web::{put, web, HttpResponse};
use chrono::Datelike;
use diesel::Connection;
use hoso_api_types::calendar::{CalendarPlan, CalendarYear};
use hoso_domain::org::check_manage_settings;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::calendar;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Set a year's plan (administrators): the extra days off and swapped working days the
/// government announced. Replaces the year's previous plan; audited with its basis.
#[utoipa::path(
    tag = super::TAG,
    params(("year" = i32, Path, description = "Solar year")),
    request_body = CalendarPlan,
    responses((status = 200, description = "The year as it now stands.", body = CalendarYear)),
    security(("bearer" = []))
)]
#[put("/calendar/{year}")]
pub async fn put_calendar_year(
    session: Session,
    state: web::Data<AppState>,
    year: web::Path<i32>,
    body: web::Json<CalendarPlan>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let (year, body) = (year.into_inner(), body.into_inner());
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
    let days = state
        .db(move |conn| {
            let mut event = session.event("calendar.plan_set");
            event.target_type = Some("calendar".into());
            event.target_id = Some(year.to_string());
            event.reason = Some(body.reason.clone());
            if let Err(denial) = check_manage_settings(&session.actor) {
                return Err(hoso_app::audit::refuse(conn, event, denial));
            }
            let rows: Vec<(chrono::NaiveDate, &str, &str)> = body
                .days
                .iter()
                .map(|d| (d.day, d.kind.as_str(), d.note.as_str()))
                .collect();
            conn.transaction(|conn| -> Result<(), AppError> {
                calendar::replace_year(conn, year, &rows, &session.actor.account_id)?;
                event.details = Some(serde_json::json!({"days": rows.len()}).to_string());
                hoso_app::audit::record(conn, event)?;
                Ok(())
            })?;
            Ok(calendar::of_year(conn, year)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(super::year_view(year, days)))
}
