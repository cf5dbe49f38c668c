//! Today's date where the province is: Vietnam keeps UTC+7 all year, whatever the server's
//! own time zone.

use chrono::{Duration, NaiveDate, Utc};

pub fn today() -> NaiveDate {
    (Utc::now() + Duration::hours(7)).date_naive()
}
