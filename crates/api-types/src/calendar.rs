//! The working-day calendar (CTX-4): statutory holidays and each year's plan.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use validator::Validate;

/// One day that is not an ordinary one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarDay {
    pub day: NaiveDate,
    /// `holiday` (statutory, computed), `off` (an extra day off of the year's plan) or
    /// `working` (worked although it would be off).
    pub kind: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CalendarYear {
    pub year: i32,
    pub days: Vec<CalendarDay>,
}

/// A year's plan: the days off and swapped working days the government announced.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarPlan {
    /// Each with `kind` `off` or `working` and a note (the announcement).
    pub days: Vec<CalendarDay>,
    #[validate(length(min = 1, max = 1000, message = "Nhập căn cứ (văn bản thông báo lịch nghỉ)."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Deadline {
    pub from: NaiveDate,
    pub working_days: u32,
    /// The last day to act.
    pub due: NaiveDate,
}
