use chrono::NaiveDate;
use serde_json::json;

use super::completeness::{missing, missing_evidence};
use super::content::*;
use super::diff::diff;
use super::protection::{join_sensitive, redact, split_sensitive, RestrictionLevel};
use super::validation::{validate, CatalogIndex};
use crate::catalog::shipped;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn catalogs() -> CatalogIndex {
    CatalogIndex::from_files(shipped())
}

/// Field and code of every failure.
fn failures(content: &DossierContent) -> Vec<(String, String)> {
    match validate(content, &catalogs(), day("2026-11-23")) {
        Ok(()) => Vec::new(),
        Err(errors) => errors.into_vec().into_iter().map(|e| (e.field, e.code)).collect(),
    }
}

fn person(citizen_id: &str, birth: &str, gender: &str) -> DossierContent {
    let mut content = DossierContent::default();
    content.identity.full_name = Some("Nguyễn Thị Hoa".into());
    content.identity.gender = Some(gender.into());
    content.identity.birth_date = Some(day(birth));
    content.identity.citizen_id = Some(citizen_id.into());
    content
}

#[test]
fn citizen_id_digits_must_agree_with_birth_and_gender() {
    // 033 Hưng Yên, 1 = woman born 1900–1999, 88 = 1988.
    assert_eq!(failures(&person("033188001234", "1988-05-02", "2")), vec![]);
    // 2 = man born 2000–2099.
    assert_eq!(failures(&person("034201001234", "2001-01-01", "1")), vec![]);
    let cases = [
        (person("03318800123", "1988-05-02", "2"), "invalid_format"),
        (person("03318800123A", "1988-05-02", "2"), "invalid_format"),
        (person("003188001234", "1988-05-02", "2"), "unknown_province"),
        (
            person("033189001234", "1988-05-02", "2"),
            "inconsistent_birth_year",
        ),
        (person("033088001234", "1988-05-02", "2"), "inconsistent_gender"),
    ];
    for (content, code) in cases {
        assert_eq!(
            failures(&content),
            vec![("identity.citizen_id".to_owned(), code.to_owned())],
            "{:?}",
            content.identity.citizen_id
        );
    }
}

#[test]
fn dates_must_make_sense_together() {
    let mut content = person("033188001234", "1988-05-02", "2");
    content.career.recruited_on = Some(day("2004-01-01"));
    content.career.joined_agency_on = Some(day("2003-01-01"));
    content.career.party_joined_on = Some(day("2015-01-01"));
    content.career.party_official_on = Some(day("2014-01-01"));
    content.identity.citizen_id_issued_on = Some(day("2030-01-01"));
    let found = failures(&content);
    for expected in [
        ("career.recruited_on", "under_age"),
        ("career.joined_agency_on", "date_order"),
        ("career.party_official_on", "date_order"),
        ("identity.citizen_id_issued_on", "future_date"),
    ] {
        assert!(
            found.contains(&(expected.0.to_owned(), expected.1.to_owned())),
            "{expected:?} not in {found:?}"
        );
    }
}

#[test]
fn a_date_outside_sane_years_is_refused_wherever_it_is() {
    let mut content = person("033188001234", "1988-05-02", "2");
    content.career.party_joined_on = NaiveDate::from_ymd_opt(1, 1, 1);
    content.identity.citizen_id_issued_on = NaiveDate::from_ymd_opt(9999, 12, 31);
    let found = failures(&content);
    for field in ["career.party_joined_on", "identity.citizen_id_issued_on"] {
        assert!(
            found.contains(&(field.to_owned(), "invalid_date".to_owned())),
            "{field} not in {found:?}"
        );
    }
}

#[test]
fn work_periods_must_not_overlap() {
    let mut content = DossierContent::default();
    let row = |from: &str, to: Option<&str>| WorkRow {
        from: Some(day(from)),
        to: to.map(day),
        unit: Some("Sở".into()),
        title: None,
    };
    content.work_history = vec![row("2010-01-01", Some("2015-06-30")), row("2015-07-01", None)];
    assert_eq!(failures(&content), vec![]);
    content.work_history.push(row("2015-01-01", Some("2016-01-01")));
    assert_eq!(
        failures(&content),
        vec![
            ("work_history[2].from".to_owned(), "overlap".to_owned()),
            ("work_history[1].from".to_owned(), "overlap".to_owned())
        ]
    );
    content.work_history = vec![row("2015-01-01", Some("2014-01-01"))];
    assert_eq!(
        failures(&content),
        vec![("work_history[0].to".to_owned(), "date_order".to_owned())]
    );
}

#[test]
fn step_and_coefficient_sit_on_the_grade_scale() {
    let mut content = DossierContent::default();
    content.salary.grade = Some("01.003".into());
    content.salary.step = Some(3);
    content.salary.coefficient = Some(300);
    assert_eq!(failures(&content), vec![]);
    content.salary.coefficient = Some(333);
    assert_eq!(
        failures(&content),
        vec![("salary.coefficient".to_owned(), "not_on_scale".to_owned())]
    );
    content.salary.step = Some(10);
    assert_eq!(
        failures(&content),
        vec![("salary.step".to_owned(), "out_of_range".to_owned())]
    );
    content.salary.grade = Some("99.999".into());
    assert_eq!(
        failures(&content),
        vec![("salary.grade".to_owned(), "unknown_code".to_owned())]
    );
}

#[test]
fn catalogue_codes_are_checked_everywhere() {
    let mut content = DossierContent::default();
    content.identity.ethnicity = Some("55".into());
    content.family.push(FamilyRow {
        relation: Some("CHU".into()),
        ..FamilyRow::default()
    });
    content.training.push(TrainingRow {
        kind: TrainingKind::PoliticalTheory,
        level: Some("ThS".into()),
        ..TrainingRow::default()
    });
    assert_eq!(
        failures(&content),
        vec![
            ("identity.ethnicity".to_owned(), "unknown_code".to_owned()),
            ("training[0].level".to_owned(), "unknown_code".to_owned()),
            ("family[0].relation".to_owned(), "unknown_code".to_owned()),
        ]
    );
}

#[test]
fn sensitive_fields_split_off_and_join_back() {
    let content = json!({
        "identity": {"full_name": "A", "citizen_id": "033188001234", "phone": "0912345678"},
        "health": {"height_cm": 160},
        "career": {"position": "TP"}
    });
    let (clear, secret) = split_sensitive(&content);
    assert_eq!(
        clear,
        json!({"identity": {"full_name": "A"}, "career": {"position": "TP"}})
    );
    assert_eq!(secret.len(), 3);
    assert_eq!(join_sensitive(&clear, &secret), content);
    assert_eq!(redact(&content, RestrictionLevel::Full), clear);
    assert_eq!(
        redact(&content, RestrictionLevel::Basic),
        json!({"identity": {"full_name": "A"}, "career": {"position": "TP"}})
    );
}

#[test]
fn diff_lists_each_changed_field() {
    let before = json!({"identity": {"full_name": "A", "gender": "1"}, "work_history": [{"unit": "X"}]});
    let after = json!({"identity": {"full_name": "B", "gender": "1"}, "work_history": [{"unit": "X"}, {"unit": "Y"}]});
    let changes: Vec<(String, Option<serde_json::Value>, Option<serde_json::Value>)> = diff(&before, &after)
        .into_iter()
        .map(|c| (c.path, c.before, c.after))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("identity.full_name".into(), Some(json!("A")), Some(json!("B"))),
            ("work_history[1].unit".into(), None, Some(json!("Y"))),
        ]
    );
}

#[test]
fn completeness_depends_on_the_category() {
    let content = DossierContent::default();
    let civil: Vec<String> = missing(&content, false).into_iter().map(|m| m.field).collect();
    assert!(civil.contains(&"salary.grade".to_owned()));
    let contract: Vec<String> = missing(&content, true).into_iter().map(|m| m.field).collect();
    assert!(contract.contains(&"contract".to_owned()) && !contract.contains(&"salary.grade".to_owned()));
}

#[test]
fn evidence_follows_what_the_content_claims() {
    let mut content = DossierContent::default();
    let kinds =
        |list: Vec<super::completeness::MissingItem>| list.into_iter().map(|m| m.field).collect::<Vec<_>>();
    assert_eq!(
        kinds(missing_evidence(&content, false, &[])),
        ["attachments.SYLL", "attachments.TUYEN_DUNG"]
    );
    content.salary.grade = Some("01.003".into());
    content.career.position = Some("TP".into());
    assert_eq!(
        kinds(missing_evidence(
            &content,
            false,
            &["SYLL", "TUYEN_DUNG", "LUONG"]
        )),
        ["attachments.NGACH", "attachments.BO_NHIEM"]
    );
    assert_eq!(
        kinds(missing_evidence(&DossierContent::default(), true, &["SYLL"])),
        ["attachments.HOP_DONG"]
    );
}

fn place(province: &str, commune: Option<&str>, code: Option<&str>) -> Place {
    Place {
        province: Some(province.into()),
        commune: commune.map(Into::into),
        commune_code: code.map(Into::into),
    }
}

/// CTX-2: coded places are checked against the province, a former province against the one it
/// became, and a former place prints with what it is now ("nay là").
#[test]
fn coded_places_lie_in_their_province_and_print_with_what_they_are_now() {
    use super::validation::place_text;
    let index = catalogs();
    let mut content = person("033190012345", "1990-03-15", "2");
    content.identity.birth_place = place("33", None, Some("11953"));
    content.identity.hometown = place("34", Some("Xã Đông Hợp"), Some("11977"));
    content.identity.residence_place = place("01", None, Some("00004"));
    assert_eq!(failures(&content), Vec::<(String, String)>::new());
    assert_eq!(
        place_text(&content.identity.birth_place, &index),
        "Phường Phố Hiến, Tỉnh Hưng Yên"
    );
    assert_eq!(
        place_text(&content.identity.hometown, &index),
        "Xã Đông Hợp, Tỉnh Thái Bình (nay là Xã Tân Hưng, Tỉnh Hưng Yên)"
    );
    content.identity.birth_place = place("01", None, Some("11953"));
    content.identity.hometown = place("34", None, Some("99999"));
    content.identity.residence_place = Place {
        commune_code: Some("00004".into()),
        ..Place::default()
    };
    assert_eq!(
        failures(&content),
        vec![
            (
                "identity.birth_place.commune_code".to_owned(),
                "commune_not_in_province".to_owned()
            ),
            (
                "identity.hometown.commune_code".to_owned(),
                "unknown_code".to_owned()
            ),
            (
                "identity.residence_place.province".to_owned(),
                "required".to_owned()
            ),
        ]
    );
}
