//! Each year's plan of days off and swapped working days (CTX-4).

use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use hoso_domain::calendar::Calendar;

use crate::connection::DbConnection;
use crate::error::StoreResult;
use crate::schema::calendar_days;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = calendar_days)]
pub struct CalendarDayRow {
    pub day: NaiveDate,
    pub kind: String,
    pub note: String,
    pub updated_by: Option<String>,
    pub updated_at: NaiveDateTime,
}

/// The plan's days of one year, by date.
pub fn of_year(conn: &mut DbConnection, year: i32) -> StoreResult<Vec<CalendarDayRow>> {
    let (first, last) = (
        NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January"),
        NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December"),
    );
    Ok(calendar_days::table
        .filter(calendar_days::day.between(first, last))
        .select(CalendarDayRow::as_select())
        .order(calendar_days::day.asc())
        .load(conn)?)
}

/// Replaces one year's plan.
pub fn replace_year(
    conn: &mut DbConnection,
    year: i32,
    days: &[(NaiveDate, &str, &str)],
    actor: &str,
) -> StoreResult<()> {
    let (first, last) = (
        NaiveDate::from_ymd_opt(year, 1, 1).expect("1 January"),
        NaiveDate::from_ymd_opt(year, 12, 31).expect("31 December"),
    );
    diesel::delete(calendar_days::table.filter(calendar_days::day.between(first, last))).execute(conn)?;
    let now = Utc::now().naive_utc();
    for (day, kind, note) in days {
        diesel::insert_into(calendar_days::table)
            .values((
                calendar_days::day.eq(day),
                calendar_days::kind.eq(kind),
                calendar_days::note.eq(note),
                calendar_days::updated_by.eq(actor),
                calendar_days::updated_at.eq(now),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// The calendar with every stored plan (a few dozen rows in all: loaded whole).
pub fn load(conn: &mut DbConnection) -> StoreResult<Calendar> {
    let rows: Vec<CalendarDayRow> = calendar_days::table
        .select(CalendarDayRow::as_select())
        .load(conn)?;
    let mut calendar = Calendar::default();
    for row in rows {
        if row.kind == "working" {
            calendar.working_days.insert(row.day);
        } else {
            calendar.days_off.insert(row.day);
        }
    }
    Ok(calendar)
}
