//! Today's date where the province is: Vietnam keeps UTC+7 all year, whatever the server's
//! own time zone.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};

pub fn today() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}

/// The time the workflow runs on: the system's, or one set by a test to walk a case through
/// dates around Tết or inside an approval window. Shared by every worker.
#[derive(Debug, Clone, Default)]
pub struct Clock(Arc<Mutex<Option<DateTime<Utc>>>>);

impl Clock {
    pub fn system() -> Self {
        Self::default()
    }

    /// From now on, `now()` is `at` (tests only; the server never sets it).
    pub fn set(&self, at: DateTime<Utc>) {
        *self.0.lock().expect("clock lock") = Some(at);
    }

    /// The time a test set, if any.
    pub fn pinned(&self) -> Option<DateTime<Utc>> {
        *self.0.lock().expect("clock lock")
    }

    /// Back to `pinned` (a time set before, or the system's with `None`).
    pub fn restore(&self, pinned: Option<DateTime<Utc>>) {
        *self.0.lock().expect("clock lock") = pinned;
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.0.lock().expect("clock lock").unwrap_or_else(Utc::now)
    }

    pub fn now_naive(&self) -> NaiveDateTime {
        self.now().naive_utc()
    }

    /// Today's date in Vietnam (UTC+7).
    pub fn today(&self) -> NaiveDate {
        (self.now() + Duration::hours(7)).date_naive()
    }
}

/// The date in Vietnam of a stored UTC time.
pub fn vietnam_date(at: NaiveDateTime) -> NaiveDate {
    (at + Duration::hours(7)).date()
}

/// The stored (UTC) time at which a day begins in Vietnam.
pub fn vietnam_day_start(day: NaiveDate) -> NaiveDateTime {
    day.and_hms_opt(0, 0, 0).expect("midnight exists") - Duration::hours(7)
}
