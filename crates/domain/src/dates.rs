//! The one date format hoso accepts from outside (issue #19, defect 5): ISO `YYYY-MM-DD`,
//! exactly ten characters, a real calendar day, in years a personnel record can mean. chrono's
//! own parser also takes `2026-1-1`, `0000-01-01` and `+12345-01-01`; input fields use
//! [`strict`] / [`strict_option`] instead (`#[serde(deserialize_with = …)]`).

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer};

/// The earliest year accepted (the oldest relative on a personal-history form).
pub const MIN_YEAR: i32 = 1900;
/// The latest year accepted (a contract's end, a campaign's close).
pub const MAX_YEAR: i32 = 2100;

/// Starts the message of a refused date, so the HTTP layer can name the field and answer
/// `invalid_date` in Vietnamese.
pub const INVALID_DATE: &str = "invalid_date:";

/// What the caller is told.
pub fn message() -> String {
    format!("Ngày phải có dạng YYYY-MM-DD (ví dụ 2026-07-01), là một ngày có thật, năm từ {MIN_YEAR} đến {MAX_YEAR}.")
}

/// Parses `YYYY-MM-DD` strictly.
pub fn parse(text: &str) -> Result<NaiveDate, String> {
    let bytes = text.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    let date = shaped
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
        .filter(|d| (MIN_YEAR..=MAX_YEAR).contains(&d.year()));
    date.ok_or_else(|| format!("{INVALID_DATE}{text}"))
}

/// `deserialize_with` for a date field.
pub fn strict<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(deserializer)?;
    parse(&text).map_err(serde::de::Error::custom)
}

/// `deserialize_with` for an optional date field (with `#[serde(default)]`).
pub fn strict_option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        None => Ok(None),
        Some(text) if text.is_empty() => Ok(None),
        Some(text) => parse(&text).map(Some).map_err(serde::de::Error::custom),
    }
}

/// The value a refusal carries, when `message` is one.
pub fn refused_value(message: &str) -> Option<&str> {
    let start = message.find(INVALID_DATE)? + INVALID_DATE.len();
    // serde_json appends " at line 1 column 20" to the message.
    let rest = &message[start..];
    Some(rest.split(" at line ").next().unwrap_or(rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_iso_days_in_sane_years_pass() {
        assert_eq!(
            parse("2026-07-01"),
            Ok(NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())
        );
        for bad in [
            "2026-1-1",
            "0000-01-01",
            "1899-12-31",
            "9999-12-31",
            "2101-01-01",
            "+2026-01-01",
            "2026-02-30",
            "2026/01/01",
            "01-01-2026",
            " 2026-01-01",
            "",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            refused_value("invalid_date:2026-1-1 at line 1 column 9"),
            Some("2026-1-1")
        );
    }
}
