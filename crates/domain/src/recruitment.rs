//! Putting a province into service and recording who enters it (ORG-1, ORG-2, ACC-6, DOS-1):
//! the kinds of unit, employment categories, what a recruitment must carry, who may record it,
//! and when the recruit's personal account is due. Pure: the API stores what these decide.

use chrono::{Datelike, NaiveDate};

use crate::access::{AccountKind, Actor, Decision, Denial, Right, UnitPath};
use crate::calendar::Calendar;
use crate::regulation::RegulationProfile;
use crate::validation::{FieldError, FieldErrors};

/// The kinds of unit in a province's tree (ORG-1; no district level, CTX-2), with their names.
pub const UNIT_KINDS: &[(&str, &str)] = &[
    ("province", "Tỉnh, thành phố"),
    ("department", "Sở, ban, ngành"),
    ("committee", "Ủy ban nhân dân xã, phường, đặc khu"),
    ("commune", "Xã, phường, đặc khu (cơ quan chuyên môn)"),
    ("public_service_unit", "Đơn vị sự nghiệp công lập"),
    ("division", "Phòng, ban thuộc đơn vị"),
    ("fund", "Quỹ"),
    ("association", "Hội"),
];

/// The Vietnamese name of a unit kind (the code itself when unknown).
pub fn unit_kind_label(kind: &str) -> &str {
    UNIT_KINDS
        .iter()
        .find(|(code, _)| *code == kind)
        .map_or(kind, |(_, label)| label)
}

/// A unit kind for a new unit: any known kind but the province, which only `hoso init` makes.
pub fn check_unit_kind(field: &str, kind: &str) -> Result<(), FieldError> {
    if kind == "province" || !UNIT_KINDS.iter().any(|(code, _)| *code == kind) {
        return Err(FieldError::new(
            field,
            "unknown_unit_kind",
            "Loại đơn vị không hợp lệ.",
        ));
    }
    Ok(())
}

/// Employment categories (Law on Cadres and Civil Servants, Law on Public Employees, Decree
/// 111/2022/NĐ-CP for contract workers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Category {
    CivilServant,
    PublicEmployee,
    ContractWorker,
}

impl Category {
    pub const ALL: [Category; 3] = [
        Category::CivilServant,
        Category::PublicEmployee,
        Category::ContractWorker,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Category::CivilServant => "civil_servant",
            Category::PublicEmployee => "public_employee",
            Category::ContractWorker => "contract_worker",
        }
    }

    pub fn parse(text: &str) -> Option<Category> {
        Self::ALL.into_iter().find(|c| c.as_str() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Category::CivilServant => "Công chức",
            Category::PublicEmployee => "Viên chức",
            Category::ContractWorker => "Hợp đồng lao động (Nghị định 111/2022/NĐ-CP)",
        }
    }
}

/// The labour contract type of `contract_types` that has no end date.
pub const INDEFINITE_CONTRACT: &str = "KXDTH";
/// The fixed-term labour contract (at most 36 months).
pub const FIXED_TERM_CONTRACT: &str = "XDTH";

/// What the rules check of a recruitment or a change of category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFacts<'a> {
    pub category: &'a str,
    /// `contract_types` code (already checked against the catalogue).
    pub contract_type: Option<&'a str>,
    pub contract_ends_on: Option<NaiveDate>,
    /// First day in the category.
    pub starts_on: NaiveDate,
    pub decision_date: NaiveDate,
}

/// The category, its contract and the decision's dates (ACC-6, DOS-1): a known category; a
/// contract type (and an end for a fixed-term one) for contract workers and for nobody else; a
/// decision not in the future; a start not before the decision. Each failure names its field.
pub fn check_category(facts: &CategoryFacts<'_>, today: NaiveDate) -> Result<Category, FieldErrors> {
    let mut errors = FieldErrors::new();
    let category = Category::parse(facts.category);
    if category.is_none() {
        errors.push(FieldError::new(
            "category",
            "unknown_category",
            "Chọn công chức, viên chức hoặc hợp đồng lao động.",
        ));
    }
    if facts.decision_date > today {
        errors.push(FieldError::new(
            "decision.date",
            "future_date",
            "Ngày ký quyết định, hợp đồng không được sau hôm nay.",
        ));
    }
    if facts.starts_on < facts.decision_date {
        errors.push(FieldError::new(
            "starts_on",
            "date_order",
            "Ngày bắt đầu không được trước ngày ký quyết định, hợp đồng.",
        ));
    }
    match (category, facts.contract_type) {
        (Some(Category::ContractWorker), None) => errors.push(FieldError::new(
            "contract_type",
            "required",
            "Chọn loại hợp đồng lao động.",
        )),
        (Some(Category::ContractWorker), Some(kind)) => {
            match (kind == INDEFINITE_CONTRACT, facts.contract_ends_on) {
                (false, None) => errors.push(FieldError::new(
                    "contract_ends_on",
                    "required",
                    "Nhập ngày hết hạn hợp đồng xác định thời hạn.",
                )),
                (true, Some(_)) => errors.push(FieldError::new(
                    "contract_ends_on",
                    "not_applicable",
                    "Hợp đồng không xác định thời hạn không có ngày hết hạn.",
                )),
                (false, Some(end)) if end <= facts.starts_on => errors.push(FieldError::new(
                    "contract_ends_on",
                    "date_order",
                    "Ngày hết hạn hợp đồng phải sau ngày bắt đầu.",
                )),
                // Labour Code 2019, art. 20: a fixed-term contract lasts at most 36 months.
                (false, Some(end))
                    if kind == FIXED_TERM_CONTRACT
                        && facts
                            .starts_on
                            .checked_add_months(chrono::Months::new(36))
                            .is_some_and(|limit| end > limit) =>
                {
                    errors.push(FieldError::new(
                        "contract_ends_on",
                        "out_of_range",
                        "Hợp đồng xác định thời hạn không quá 36 tháng.",
                    ))
                }
                _ => {}
            }
        }
        (Some(_), Some(_)) => errors.push(FieldError::new(
            "contract_type",
            "not_applicable",
            "Chỉ người làm việc theo hợp đồng lao động mới có loại hợp đồng.",
        )),
        _ => {}
    }
    errors.into_result().map(|()| category.expect("checked above"))
}

/// The minimum age for recruitment into the public service (Law on Cadres and Civil Servants,
/// Law on Public Employees, Labour Code 2019 art. 3 for contracts): 18 years on the first day.
pub const MINIMUM_AGE: i32 = 18;

/// Whether someone born on `birth` is at least `MINIMUM_AGE` on `day`.
pub fn old_enough(birth: NaiveDate, day: NaiveDate) -> bool {
    let years =
        day.year() - birth.year() - i32::from((day.month(), day.day()) < (birth.month(), birth.day()));
    years >= MINIMUM_AGE
}

/// Recording a recruitment: `create_dossiers` over the unit (it opens the recruit's dossier);
/// never a personal account. A unit outside the scope is hidden.
pub fn check_recruit(actor: &Actor, unit: &UnitPath) -> Decision {
    if actor.kind == AccountKind::Personal || !actor.scope.covers(unit) {
        return Err(Denial::Hidden("the unit is outside the actor's scope".into()));
    }
    if !actor.rights.contains(Right::CreateDossiers) {
        return Err(Denial::Forbidden(
            "recording a recruitment needs create_dossiers".into(),
        ));
    }
    Ok(())
}

/// Changing a person's category on a decision: `update_dossiers` over their unit.
pub fn check_change_category(actor: &Actor, unit: &UnitPath) -> Decision {
    if actor.kind == AccountKind::Personal || !actor.scope.covers(unit) {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    if !actor.rights.contains(Right::UpdateDossiers) {
        return Err(Denial::Forbidden(
            "changing a category needs update_dossiers".into(),
        ));
    }
    Ok(())
}

/// The national identifier and dossier code (CTX-1) are Sở Nội vụ's to enter (and later the
/// national sync's).
pub fn check_set_national_ids(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin || !actor.rights.contains(Right::UpdateDossiers) {
        return Err(Denial::Forbidden(
            "only Sở Nội vụ's administrators enter national identifiers".into(),
        ));
    }
    Ok(())
}

/// Proposing a unit under one's own: agency accounts with `manage_accounts` or
/// `manage_positions` over the parent (the agency's focal officers, ACC-7).
pub fn check_propose_unit(actor: &Actor, parent: &UnitPath) -> Decision {
    if actor.kind != AccountKind::Agency || !actor.scope.covers(parent) {
        return Err(Denial::Hidden("the unit is outside the actor's scope".into()));
    }
    if !(actor.rights.contains(Right::ManageAccounts) || actor.rights.contains(Right::ManagePositions)) {
        return Err(Denial::Forbidden(
            "proposing a unit needs manage_accounts or manage_positions".into(),
        ));
    }
    Ok(())
}

/// The personal account of a recruit is due within the profile's working days of the decision
/// or contract (ACC-6: 5 working days in Hưng Yên).
pub fn account_due(profile: &RegulationProfile, calendar: &Calendar, decision_date: NaiveDate) -> NaiveDate {
    calendar.add_working_days(decision_date, profile.deadlines.account_creation)
}

/// National identifiers (CTX-1): 1 to 32 capital letters, digits, dots or hyphens.
pub fn check_national_code(field: &str, value: &str) -> Result<(), FieldError> {
    let ok = !value.is_empty()
        && value.len() <= 32
        && value
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '.' || c == '-');
    if ok {
        Ok(())
    } else {
        Err(FieldError::new(
            field,
            "invalid_format",
            "Mã gồm 1–32 chữ in hoa, chữ số, dấu chấm hoặc gạch nối.",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn facts<'a>(category: &'a str, contract: Option<&'a str>, ends: Option<&str>) -> CategoryFacts<'a> {
        CategoryFacts {
            category,
            contract_type: contract,
            contract_ends_on: ends.map(day),
            starts_on: day("2026-09-01"),
            decision_date: day("2026-08-25"),
        }
    }

    fn codes(result: Result<Category, FieldErrors>) -> Vec<(String, String)> {
        result
            .err()
            .map(|e| e.into_vec().into_iter().map(|e| (e.field, e.code)).collect())
            .unwrap_or_default()
    }

    #[test]
    fn each_category_with_its_contract_rules() {
        let today = day("2026-12-01");
        assert_eq!(
            check_category(&facts("civil_servant", None, None), today),
            Ok(Category::CivilServant)
        );
        assert_eq!(
            check_category(&facts("contract_worker", Some("XDTH"), Some("2027-08-31")), today),
            Ok(Category::ContractWorker)
        );
        assert_eq!(
            check_category(&facts("contract_worker", Some(INDEFINITE_CONTRACT), None), today),
            Ok(Category::ContractWorker)
        );
        assert_eq!(
            codes(check_category(&facts("contract_worker", None, None), today)),
            [("contract_type".into(), "required".into())]
        );
        assert_eq!(
            codes(check_category(
                &facts("contract_worker", Some("XDTH"), None),
                today
            )),
            [("contract_ends_on".into(), "required".into())]
        );
        assert_eq!(
            codes(check_category(
                &facts("contract_worker", Some("XDTH"), Some("2026-09-01")),
                today
            )),
            [("contract_ends_on".into(), "date_order".into())]
        );
        assert_eq!(
            codes(check_category(
                &facts("contract_worker", Some("XDTH"), Some("2029-09-02")),
                today
            )),
            [("contract_ends_on".into(), "out_of_range".into())]
        );
        assert_eq!(
            codes(check_category(
                &facts("public_employee", Some("XDTH"), None),
                today
            )),
            [("contract_type".into(), "not_applicable".into())]
        );
        assert_eq!(
            codes(check_category(&facts("cadre", None, None), today)),
            [("category".into(), "unknown_category".into())]
        );
    }

    #[test]
    fn a_decision_in_the_future_or_a_start_before_it_is_refused() {
        let mut f = facts("public_employee", None, None);
        assert_eq!(
            codes(check_category(&f, day("2026-08-24"))),
            [("decision.date".into(), "future_date".into())]
        );
        f.starts_on = day("2026-08-24");
        assert_eq!(
            codes(check_category(&f, day("2026-12-01"))),
            [("starts_on".into(), "date_order".into())]
        );
    }

    #[test]
    fn eighteen_on_the_first_day() {
        assert!(old_enough(day("2008-09-01"), day("2026-09-01")));
        assert!(!old_enough(day("2008-09-02"), day("2026-09-01")));
        assert!(old_enough(day("2008-02-29"), day("2026-03-01")));
    }

    #[test]
    fn the_account_is_due_five_working_days_after_the_decision() {
        let profile = RegulationProfile::hung_yen();
        let calendar = Calendar::default();
        // Friday 28 August 2026 → 4 September (2 September and the day beside it are days off).
        let due = account_due(&profile, &calendar, day("2026-08-28"));
        assert!(due > day("2026-09-03"), "{due}");
        // Monday 16 November 2026 → Monday 23 November.
        assert_eq!(
            account_due(&profile, &calendar, day("2026-11-16")),
            day("2026-11-23")
        );
    }

    #[test]
    fn unit_kinds_for_new_units() {
        assert!(check_unit_kind("kind", "public_service_unit").is_ok());
        assert!(check_unit_kind("kind", "province").is_err());
        assert!(check_unit_kind("kind", "district").is_err());
        assert_eq!(unit_kind_label("fund"), "Quỹ");
    }

    #[test]
    fn national_codes() {
        assert!(check_national_code("n", "33.000123-HY").is_ok());
        assert!(check_national_code("n", "").is_err());
        assert!(check_national_code("n", "abc").is_err());
    }
}
