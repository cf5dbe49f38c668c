//! What kind a backup is and how long it is kept (SEC-5: HY 12, TG 9 — a backup on the last
//! working day of every month and at least every quarter; Circular 06/2023 keeps monthly ones at
//! least three months). Pure: the application layer writes, verifies and deletes.

use chrono::{Datelike, Months, NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};

/// Why a backup was made, which decides how long it is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BackupKind {
    /// The last working day of a month that does not end a quarter.
    Monthly,
    /// The last working day of March, June, September or December: kept permanently.
    Quarterly,
    /// Asked for by an administrator or `hoso backup`.
    OnDemand,
}

/// Monthly (and on-demand) backups are kept at least this long.
pub const MONTHLY_RETENTION_MONTHS: u32 = 3;

impl BackupKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BackupKind::Monthly => "monthly",
            BackupKind::Quarterly => "quarterly",
            BackupKind::OnDemand => "on_demand",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [BackupKind::Monthly, BackupKind::Quarterly, BackupKind::OnDemand]
            .into_iter()
            .find(|k| k.as_str() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            BackupKind::Monthly => "Định kỳ tháng",
            BackupKind::Quarterly => "Định kỳ quý",
            BackupKind::OnDemand => "Theo yêu cầu",
        }
    }

    /// The kind of the scheduled backup of the last working day `day` (local): the one that
    /// ends a quarter is the quarterly backup (one archive serves both rules).
    pub fn scheduled_on(day: NaiveDate) -> Self {
        if day.month().is_multiple_of(3) {
            BackupKind::Quarterly
        } else {
            BackupKind::Monthly
        }
    }

    /// The first day a backup made on `made_on` may be deleted by retention; `None`: kept
    /// until an administrator deletes it with a reason.
    pub fn keep_until(self, made_on: NaiveDate) -> Option<NaiveDate> {
        match self {
            BackupKind::Quarterly => None,
            BackupKind::Monthly | BackupKind::OnDemand => {
                made_on.checked_add_months(Months::new(MONTHLY_RETENTION_MONTHS))
            }
        }
    }
}

/// The archive's file name: kind and UTC time, sortable, never reused.
pub fn file_name(kind: BackupKind, at: NaiveDateTime) -> String {
    format!(
        "hoso-{}-{}.tar.gz.age",
        kind.as_str().replace('_', "-"),
        at.format("%Y%m%dT%H%M%SZ")
    )
}

/// Whether a backup kept until `keep_until` may be deleted on `today`.
pub fn retention_over(keep_until: Option<NaiveDate>, today: NaiveDate) -> bool {
    keep_until.is_some_and(|until| today >= until)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn the_backup_that_ends_a_quarter_is_the_quarterly_one() {
        assert_eq!(BackupKind::scheduled_on(day(2026, 11, 30)), BackupKind::Monthly);
        assert_eq!(BackupKind::scheduled_on(day(2026, 12, 31)), BackupKind::Quarterly);
        assert_eq!(BackupKind::scheduled_on(day(2027, 3, 31)), BackupKind::Quarterly);
    }

    #[test]
    fn monthly_backups_are_kept_three_months_and_quarterly_ones_for_ever() {
        let made = day(2026, 11, 30);
        let until = BackupKind::Monthly.keep_until(made);
        assert_eq!(until, Some(day(2027, 2, 28)));
        assert!(!retention_over(until, day(2027, 2, 27)));
        assert!(retention_over(until, day(2027, 2, 28)));
        assert_eq!(BackupKind::Quarterly.keep_until(made), None);
        assert!(!retention_over(None, day(2100, 1, 1)));
    }

    #[test]
    fn file_names_say_kind_and_time() {
        let at = day(2026, 12, 31).and_hms_opt(11, 0, 5).unwrap();
        assert_eq!(
            file_name(BackupKind::Quarterly, at),
            "hoso-quarterly-20261231T110005Z.tar.gz.age"
        );
        assert_eq!(BackupKind::parse("on_demand"), Some(BackupKind::OnDemand));
    }
}
