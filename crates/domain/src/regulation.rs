//! The regulation profile of a deployment (CTX-4 and the deadlines of WF-1…8, ACC-6, TRF-1…5):
//! the two provinces' regulations as presets, or custom values an administrator sets. The
//! workflow computes due dates in working days from these numbers and checks approval windows.

use chrono::{Datelike, Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::validation::{FieldError, FieldErrors};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "kebab-case")]
pub enum ProfileName {
    /// Hưng Yên's regulation on the CBCCVC database.
    HungYen,
    /// Tiền Giang's Decision 03/2025/QĐ-UBND.
    TienGiang,
    /// Values set by the administrator.
    Custom,
}

/// Deadlines, each in working days from the event that starts it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// ACC-6: personal account created after the recruitment decision or contract.
    pub account_creation: u32,
    /// WF-1: the employee enters their data after receiving the account.
    pub employee_entry: u32,
    /// WF-2: the focal officer checks against the originals and locks.
    pub focal_check: u32,
    /// WF-3: the head approves by digital signature.
    pub head_approval: u32,
    /// WF-4: the employee records a change after the event.
    pub change_record: u32,
    /// WF-4: the managing agency checks and approves a change.
    pub change_approval: u32,
    /// TRF-1: a move within the agency after the decision takes effect.
    pub transfer_within_agency: u32,
    /// TRF-2: the hand-over between agencies of the province.
    pub transfer_between_agencies: u32,
    /// TRF-3: the request to pull an arriving person's data, after receiving the paper file.
    pub arrival_pull_request: u32,
    /// TRF-5: the status set after an end-of-service decision.
    pub end_of_service_status: u32,
}

/// Who signs in a monthly window (WF-6, WF-7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    /// Heads of units subordinate to a department or committee.
    SubordinateUnitHead,
    /// Heads of departments and of commune-level people's committees.
    DepartmentHead,
    /// Any agency head (Tiền Giang's single window).
    AgencyHead,
    /// The Director of Sở Nội vụ, before syncing to the national database.
    HomeAffairs,
}

/// When in the month a signer may sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum WindowRule {
    /// Calendar days `from`–`to` of the month.
    DaysOfMonth { from: u32, to: u32 },
    /// The last `count` working days of the month.
    LastWorkingDays { count: u32 },
    /// The last `count` calendar days of the month; a window day that is a day off moves to the
    /// next working day.
    LastDaysShifted { count: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovalWindow {
    pub signer: Signer,
    #[serde(flatten)]
    pub rule: WindowRule,
}

/// Outside its window, a signature is refused, or only warned about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Enforcement {
    Refuse,
    Warn,
}

/// Separation of duties on one review (WF-2, WF-3): the account that entered a dossier on
/// someone's behalf does not check it, and the account that checked it does not sign it.
/// Enforced unless the profile relaxes it, which needs a recorded reason (a unit too small to
/// have two officers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "mode", rename_all = "snake_case", deny_unknown_fields)]
pub enum SeparationOfDuties {
    #[default]
    Enforced,
    Relaxed {
        /// Why one account may do two of the steps; kept in the profile and the audit trail.
        #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 1000))]
        reason: String,
    },
}

impl SeparationOfDuties {
    pub fn is_enforced(&self) -> bool {
        matches!(self, SeparationOfDuties::Enforced)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RegulationProfile {
    pub name: ProfileName,
    pub deadlines: Deadlines,
    pub windows: Vec<ApprovalWindow>,
    pub enforcement: Enforcement,
    /// Enforced when absent (profiles stored before the rule existed).
    #[serde(default)]
    pub separation_of_duties: SeparationOfDuties,
}

impl RegulationProfile {
    /// Hưng Yên (HY 8.1–8.4, 10.1–10.5, 11.1–11.3): windows 20–22 for heads of subordinate
    /// units, 23–25 for heads of departments and committees, Sở Nội vụ the last 5 working days;
    /// transfers between agencies within 10 working days.
    pub fn hung_yen() -> Self {
        Self {
            name: ProfileName::HungYen,
            deadlines: Deadlines {
                account_creation: 5,
                employee_entry: 5,
                focal_check: 5,
                head_approval: 5,
                change_record: 5,
                change_approval: 10,
                transfer_within_agency: 5,
                transfer_between_agencies: 10,
                arrival_pull_request: 10,
                end_of_service_status: 5,
            },
            windows: vec![
                ApprovalWindow {
                    signer: Signer::SubordinateUnitHead,
                    rule: WindowRule::DaysOfMonth { from: 20, to: 22 },
                },
                ApprovalWindow {
                    signer: Signer::DepartmentHead,
                    rule: WindowRule::DaysOfMonth { from: 23, to: 25 },
                },
                ApprovalWindow {
                    signer: Signer::HomeAffairs,
                    rule: WindowRule::LastWorkingDays { count: 5 },
                },
            ],
            enforcement: Enforcement::Refuse,
            separation_of_duties: SeparationOfDuties::Enforced,
        }
    }

    /// Tiền Giang (Decision 03/2025, art. 6, 10, 12): agency heads sign in the last 5 days of the
    /// month (a day off moves to the next working day), Sở Nội vụ in the last 5 working days;
    /// transfers between agencies within 5 working days.
    pub fn tien_giang() -> Self {
        let mut profile = Self::hung_yen();
        profile.name = ProfileName::TienGiang;
        profile.deadlines.transfer_between_agencies = 5;
        profile.windows = vec![
            ApprovalWindow {
                signer: Signer::AgencyHead,
                rule: WindowRule::LastDaysShifted { count: 5 },
            },
            ApprovalWindow {
                signer: Signer::HomeAffairs,
                rule: WindowRule::LastWorkingDays { count: 5 },
            },
        ];
        profile
    }

    pub fn preset(name: ProfileName) -> Option<Self> {
        match name {
            ProfileName::HungYen => Some(Self::hung_yen()),
            ProfileName::TienGiang => Some(Self::tien_giang()),
            ProfileName::Custom => None,
        }
    }

    /// Checks a profile's values: deadlines of 1–60 working days, windows inside a month, a
    /// reason for relaxing the separation of duties.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        let d = &self.deadlines;
        let deadlines = [
            ("account_creation", d.account_creation),
            ("employee_entry", d.employee_entry),
            ("focal_check", d.focal_check),
            ("head_approval", d.head_approval),
            ("change_record", d.change_record),
            ("change_approval", d.change_approval),
            ("transfer_within_agency", d.transfer_within_agency),
            ("transfer_between_agencies", d.transfer_between_agencies),
            ("arrival_pull_request", d.arrival_pull_request),
            ("end_of_service_status", d.end_of_service_status),
        ];
        for (name, days) in deadlines {
            if !(1..=60).contains(&days) {
                errors.push(FieldError::new(
                    format!("deadlines.{name}"),
                    "out_of_range",
                    "Thời hạn từ 1 đến 60 ngày làm việc.",
                ));
            }
        }
        if self.windows.is_empty() {
            errors.push(FieldError::new(
                "windows",
                "required",
                "Cần ít nhất một khoảng thời gian phê duyệt.",
            ));
        }
        for (index, window) in self.windows.iter().enumerate() {
            let valid = match window.rule {
                WindowRule::DaysOfMonth { from, to } => (1..=31).contains(&from) && (from..=31).contains(&to),
                WindowRule::LastWorkingDays { count } | WindowRule::LastDaysShifted { count } => {
                    (1..=15).contains(&count)
                }
            };
            if !valid {
                errors.push(FieldError::new(
                    format!("windows[{index}]"),
                    "out_of_range",
                    "Khoảng thời gian không hợp lệ.",
                ));
            }
        }
        if let SeparationOfDuties::Relaxed { reason } = &self.separation_of_duties {
            let length = reason.trim().chars().count();
            if !(10..=1000).contains(&length) {
                errors.push(FieldError::new(
                    "separation_of_duties.reason",
                    "required",
                    "Ghi rõ lý do (10–1000 ký tự) cho phép một tài khoản làm hai bước của cùng một hồ sơ.",
                ));
            }
        }
        errors.into_result()
    }
}

/// One month's approval window: signing is allowed from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowDates {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl WindowDates {
    pub fn contains(&self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }
}

pub(crate) fn last_day_of_month(year: i32, month: u32) -> NaiveDate {
    let (y, m) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1).expect("a month start") - Duration::days(1)
}

impl WindowRule {
    /// The window of `rule` in a month, counted with the working-day calendar.
    pub fn dates(&self, year: i32, month: u32, calendar: &Calendar) -> WindowDates {
        let last = last_day_of_month(year, month);
        match *self {
            WindowRule::DaysOfMonth { from, to } => WindowDates {
                from: NaiveDate::from_ymd_opt(year, month, from.min(last.day())).expect("a day of the month"),
                to: NaiveDate::from_ymd_opt(year, month, to.min(last.day())).expect("a day of the month"),
            },
            WindowRule::LastWorkingDays { count } => {
                let mut from = last;
                let mut found = 0;
                let mut day = last;
                while found < count && day.month() == month {
                    if calendar.is_working_day(day) {
                        from = day;
                        found += 1;
                    }
                    day -= Duration::days(1);
                }
                let to = (0..)
                    .map(|back| last - Duration::days(back))
                    .find(|d| calendar.is_working_day(*d) || d.month() != month)
                    .filter(|d| d.month() == month)
                    .unwrap_or(last);
                WindowDates { from, to }
            }
            WindowRule::LastDaysShifted { count } => {
                let from = last - Duration::days(i64::from(count) - 1);
                // The window's end falls on a day off: it moves to the next working day (TG 6).
                let to = if calendar.is_working_day(last) {
                    last
                } else {
                    calendar.add_working_days(last, 1)
                };
                WindowDates { from, to }
            }
        }
    }
}

/// Where `today` stands in a signer's monthly windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WindowStatus {
    pub signer: Signer,
    /// The window open today, or else the next one.
    pub window: WindowDates,
    pub open: bool,
    pub enforcement: Enforcement,
}

impl RegulationProfile {
    /// The window for `signer`; a profile that only knows agency heads (Tiền Giang) applies
    /// that one to every head, and one that only distinguishes department and subordinate
    /// heads (Hưng Yên) applies the department window to an agency head.
    pub fn window_for(&self, signer: Signer) -> Option<&ApprovalWindow> {
        let find = |s: Signer| self.windows.iter().find(|w| w.signer == s);
        find(signer).or_else(|| match signer {
            Signer::HomeAffairs => None,
            Signer::AgencyHead => find(Signer::DepartmentHead),
            Signer::DepartmentHead | Signer::SubordinateUnitHead => find(Signer::AgencyHead),
        })
    }

    /// Whether `signer` may sign on `today`: inside this month's window (or last month's,
    /// when a holiday shift carried it into this month), else the next window.
    pub fn window_status(
        &self,
        signer: Signer,
        today: NaiveDate,
        calendar: &Calendar,
    ) -> Option<WindowStatus> {
        let rule = self.window_for(signer)?.rule;
        let previous = today - Duration::days(i64::from(today.day()));
        let this = rule.dates(today.year(), today.month(), calendar);
        let last_month = rule.dates(previous.year(), previous.month(), calendar);
        let next_start = last_day_of_month(today.year(), today.month()) + Duration::days(1);
        let window = [last_month, this]
            .into_iter()
            .find(|w| w.contains(today))
            .unwrap_or(if today < this.from {
                this
            } else {
                rule.dates(next_start.year(), next_start.month(), calendar)
            });
        Some(WindowStatus {
            signer,
            window,
            open: window.contains(today),
            enforcement: self.enforcement,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn hung_yen_windows_by_signer_and_month() {
        let hy = RegulationProfile::hung_yen();
        let cal = Calendar::default();
        let sub = hy
            .window_status(Signer::SubordinateUnitHead, d(2031, 3, 21), &cal)
            .unwrap();
        assert!(sub.open);
        assert_eq!((sub.window.from, sub.window.to), (d(2031, 3, 20), d(2031, 3, 22)));
        let dept = hy
            .window_status(Signer::DepartmentHead, d(2031, 3, 21), &cal)
            .unwrap();
        assert!(!dept.open, "HY 8.2: departments sign on the 23rd–25th");
        assert_eq!(dept.window.from, d(2031, 3, 23));
        let after = hy
            .window_status(Signer::DepartmentHead, d(2031, 3, 26), &cal)
            .unwrap();
        assert_eq!(
            after.window.from,
            d(2031, 4, 23),
            "the next window is next month's"
        );
        // Sở Nội vụ: the last 5 working days of April 2031 skip 30/4 (a holiday) and the weekend.
        let home = RegulationProfile::hung_yen()
            .window_status(Signer::HomeAffairs, d(2031, 4, 10), &cal)
            .unwrap();
        assert_eq!(
            (home.window.from, home.window.to),
            (d(2031, 4, 23), d(2031, 4, 29))
        );
    }

    #[test]
    fn tien_giang_shifts_a_window_ending_on_a_day_off() {
        let tg = RegulationProfile::tien_giang();
        let cal = Calendar::default();
        let w = tg
            .window_status(Signer::AgencyHead, d(2031, 5, 28), &cal)
            .unwrap();
        assert_eq!(
            (w.window.from, w.window.to),
            (d(2031, 5, 27), d(2031, 6, 2)),
            "31/5/2031 is a Saturday"
        );
        assert!(w.open);
        let carried = tg
            .window_status(Signer::DepartmentHead, d(2031, 6, 2), &cal)
            .unwrap();
        assert!(
            carried.open,
            "the shifted end of May's window is still open on 2 June"
        );
        assert!(
            !tg.window_status(Signer::AgencyHead, d(2031, 6, 3), &cal)
                .unwrap()
                .open
        );
    }

    #[test]
    fn the_presets_follow_their_regulations() {
        let hy = RegulationProfile::hung_yen();
        assert_eq!(hy.deadlines.transfer_between_agencies, 10, "HY 11.1");
        assert_eq!(
            hy.windows[0].rule,
            WindowRule::DaysOfMonth { from: 20, to: 22 },
            "HY 8.1"
        );
        assert_eq!(
            hy.windows[1].rule,
            WindowRule::DaysOfMonth { from: 23, to: 25 },
            "HY 8.2"
        );
        let tg = RegulationProfile::tien_giang();
        assert_eq!(tg.deadlines.transfer_between_agencies, 5, "TG 10.3");
        assert_eq!(
            tg.windows[0].rule,
            WindowRule::LastDaysShifted { count: 5 },
            "TG 6"
        );
        assert!(hy.check().is_ok() && tg.check().is_ok());
    }

    #[test]
    fn custom_values_are_checked() {
        let mut custom = RegulationProfile::hung_yen();
        custom.name = ProfileName::Custom;
        custom.deadlines.focal_check = 0;
        custom.windows.push(ApprovalWindow {
            signer: Signer::AgencyHead,
            rule: WindowRule::DaysOfMonth { from: 25, to: 20 },
        });
        let fields: Vec<String> = custom
            .check()
            .unwrap_err()
            .into_vec()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["deadlines.focal_check", "windows[3]"]);
    }

    #[test]
    fn profiles_read_back_from_their_json() {
        let tg = RegulationProfile::tien_giang();
        let json = serde_json::to_string(&tg).unwrap();
        assert!(
            json.contains("\"tien-giang\"") && json.contains("\"last_days_shifted\""),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<RegulationProfile>(&json).unwrap(), tg);
    }
}
