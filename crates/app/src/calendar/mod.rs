//! The working-day calendar (CTX-4): read by everyone (deadlines concern everyone), each year's
//! plan set by administrators.

pub mod compute_deadline;
pub mod read_calendar_year;
pub mod save_calendar_year;
pub use compute_deadline::compute_deadline;
pub use read_calendar_year::read_calendar_year;
pub use save_calendar_year::save_calendar_year;

/// Years the calendar answers for (the lunar computation is tested well beyond).
pub fn check_year(year: i32) -> Result<(), crate::error::AppError> {
    if !(1950..=2100).contains(&year) {
        return Err(hoso_domain::FieldError::new("year", "out_of_range", "Năm từ 1950 đến 2100.").into());
    }
    Ok(())
}

/// The year's statutory holidays and plan, by date.
pub fn year_view(
    year: i32,
    plan: Vec<hoso_store::calendar::CalendarDayRow>,
) -> hoso_api_types::calendar::CalendarYear {
    use hoso_api_types::calendar::CalendarDay;
    let mut days: Vec<CalendarDay> = hoso_domain::calendar::statutory_holidays(year)
        .into_iter()
        .map(|(day, note)| CalendarDay {
            day,
            kind: "holiday".into(),
            note: note.into(),
        })
        .chain(plan.into_iter().map(|row| CalendarDay {
            day: row.day,
            kind: row.kind,
            note: row.note,
        }))
        .collect();
    days.sort_by_key(|d| d.day);
    hoso_api_types::calendar::CalendarYear { year, days }
}
