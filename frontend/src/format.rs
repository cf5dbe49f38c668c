//! Vietnamese wording of values shown on pages.

/// "2 ngày 3 giờ 4 phút" from seconds; the two largest units only.
pub fn duration_vi(seconds: u64) -> String {
    let days = seconds / 86_400;
    let hours = seconds % 86_400 / 3_600;
    let minutes = seconds % 3_600 / 60;
    let secs = seconds % 60;
    let parts = [(days, "ngày"), (hours, "giờ"), (minutes, "phút"), (secs, "giây")];
    let shown: Vec<String> = parts
        .iter()
        .skip_while(|(n, _)| *n == 0)
        .take(2)
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if shown.is_empty() {
        "0 giây".into()
    } else {
        shown.join(" ")
    }
}

pub fn backend_vi(backend: &str) -> &'static str {
    match backend {
        "sqlite" => "SQLite (nhúng)",
        "postgres" => "PostgreSQL",
        _ => "không xác định",
    }
}

/// The day an `<input type="date">` holds (`YYYY-MM-DD`), if it holds one.
pub fn input_day(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A day as typed by a Vietnamese user: `01/12/2026`, `1/12/2026`, `01-12-2026`, `01.12.2026`
/// (day first, always), or the API's `2026-12-01`.
pub fn parse_day(text: &str) -> Option<chrono::NaiveDate> {
    let text = text.trim();
    if let Some(day) = input_day(text) {
        return Some(day);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    if year.len() != 4 || day.is_empty() || day.len() > 2 || month.is_empty() || month.len() > 2 {
        return None;
    }
    chrono::NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

/// A day as Vietnamese write it: `01/12/2026`.
pub fn day_text(day: chrono::NaiveDate) -> String {
    day.format("%d/%m/%Y").to_string()
}

/// Today in Vietnam (UTC+7), from the browser's clock (std's clock does not exist in wasm).
pub fn today_vn() -> chrono::NaiveDate {
    let millis = js_sys::Date::now() as i64 + 7 * 3_600_000;
    chrono::DateTime::from_timestamp_millis(millis)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

/// A count as Vietnamese write it: thousands apart by dots (`12.345`).
pub fn thousands(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    if n < 0 {
        format!("-{out}")
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_group_thousands_with_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1.000");
        assert_eq!(thousands(2_500_000), "2.500.000");
        assert_eq!(thousands(-12_345), "-12.345");
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_vi(0), "0 giây");
        assert_eq!(duration_vi(59), "59 giây");
        assert_eq!(duration_vi(3_601), "1 giờ");
        assert_eq!(duration_vi(90_061), "1 ngày 1 giờ");
        assert_eq!(duration_vi(125), "2 phút 5 giây");
    }

    #[test]
    fn days_are_read_day_first_whatever_the_browser_speaks() {
        let first_of_december = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
        for typed in [
            "01/12/2026",
            "1/12/2026",
            "01-12-2026",
            "1.12.2026",
            " 2026-12-01 ",
        ] {
            assert_eq!(parse_day(typed), first_of_december, "{typed}");
        }
        for not_a_day in ["12/01", "31/02/2026", "01/13/2026", "01/12/26", "hôm nay", ""] {
            assert_eq!(parse_day(not_a_day), None, "{not_a_day}");
        }
        assert_eq!(day_text(first_of_december.unwrap()), "01/12/2026");
    }
}

/// An ISO day (`1985-03-04`) as Vietnamese write it (`04/03/1985`); anything else as it is.
pub fn date_text(iso: &str) -> String {
    chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")
        .map(|d| d.format("%d/%m/%Y").to_string())
        .unwrap_or_else(|_| iso.to_owned())
}
