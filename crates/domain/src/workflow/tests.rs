//! The workflow as tables: transitions, who may act (WF-2, WF-3, WF-6/7), deadlines around
//! Tết and a swapped working day (CTX-4, WF-8).

use std::collections::BTreeSet;

use super::*;
use crate::access::{AccountKind, RightSet};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn actor(kind: AccountKind, scope: &str, rights: &[Right], person: Option<&str>) -> Actor {
    Actor {
        account_id: format!("{kind}"),
        kind,
        scope: if scope == "*" {
            Scope::Province
        } else {
            Scope::Subtree(UnitPath::parse(scope).unwrap())
        },
        rights: rights.iter().copied().collect::<RightSet>(),
        person_id: person.map(str::to_owned),
        read_only: false,
    }
}

#[test]
fn transitions_follow_the_path_and_nothing_skips_a_step() {
    use ReviewState::*;
    assert_eq!(transition(Submitted, Action::Lock), Some(Locked));
    assert_eq!(transition(Locked, Action::Sign(Step::Head)), Some(Signed));
    assert_eq!(
        transition(Signed, Action::Sign(Step::HomeAffairs)),
        Some(Approved)
    );
    for state in [Submitted, Locked, Signed] {
        assert_eq!(transition(state, Action::Return), Some(Returned));
    }
    assert_eq!(
        transition(Submitted, Action::Sign(Step::Head)),
        None,
        "not before the lock"
    );
    assert_eq!(
        transition(Locked, Action::Sign(Step::HomeAffairs)),
        None,
        "not before the head"
    );
    assert_eq!(transition(Approved, Action::Return), None);
    assert_eq!(transition(Returned, Action::Lock), None);
    assert!(Submitted.freezes_draft() && Locked.freezes_draft());
    assert!(!Signed.freezes_draft() && !Returned.freezes_draft() && !Approved.freezes_draft());
}

#[test]
fn who_may_act_on_a_review() {
    let unit = UnitPath::parse("/p/a/a1/").unwrap();
    let focal = actor(AccountKind::Specialist, "/p/a/", &[Right::ReviewDossiers], None);
    let head = actor(AccountKind::Agency, "/p/a/", &[Right::ApproveDossiers], None);
    let other_agency = actor(
        AccountKind::Agency,
        "/p/c/",
        &[Right::ReviewDossiers, Right::ApproveDossiers],
        None,
    );
    let home_affairs = actor(AccountKind::Admin, "*", &[Right::ApproveDossiers], None);
    let employee = actor(AccountKind::Personal, "/p/a/a1/", &[], Some("emp"));
    let reviewer_of_self = actor(
        AccountKind::Specialist,
        "/p/a/",
        &[Right::ReviewDossiers],
        Some("emp"),
    );
    use ReviewState::*;
    let cases: &[(&Actor, ReviewState, Action, Result<(), bool>)] = &[
        // Ok(()) allowed; Err(true) hidden (404); Err(false) forbidden (403).
        (&focal, Submitted, Action::Lock, Ok(())),
        (&focal, Submitted, Action::Return, Ok(())),
        (&focal, Locked, Action::Sign(Step::Head), Err(false)),
        (&head, Locked, Action::Sign(Step::Head), Ok(())),
        (&head, Locked, Action::Return, Ok(())),
        (&head, Submitted, Action::Lock, Err(false)),
        (&head, Signed, Action::Sign(Step::HomeAffairs), Err(false)),
        (&home_affairs, Signed, Action::Sign(Step::HomeAffairs), Ok(())),
        (&home_affairs, Signed, Action::Return, Ok(())),
        (&other_agency, Submitted, Action::Lock, Err(true)),
        (&other_agency, Locked, Action::Sign(Step::Head), Err(true)),
        (&employee, Submitted, Action::Lock, Err(true)),
        (&reviewer_of_self, Submitted, Action::Lock, Err(false)),
    ];
    for (who, state, action, expected) in cases {
        let got = check_act(who, "emp", &unit, *state, *action).map_err(|d| matches!(d, Denial::Hidden(_)));
        assert_eq!(&got, expected, "{} {state:?} {action:?}", who.kind);
    }
    assert!(
        check_submit(&employee, "emp", &unit).is_ok(),
        "the employee submits their own"
    );
    assert!(
        check_submit(&head, "emp", &unit).is_err(),
        "the head does not enter data"
    );
}

#[test]
fn the_window_follows_where_the_head_sits() {
    let dept = Scope::Subtree(UnitPath::parse("/p/a/").unwrap());
    let school = Scope::Subtree(UnitPath::parse("/p/a/s/").unwrap());
    assert_eq!(signer_for(Step::Head, &dept), Signer::DepartmentHead);
    assert_eq!(signer_for(Step::Head, &school), Signer::SubordinateUnitHead);
    assert_eq!(signer_for(Step::HomeAffairs, &dept), Signer::HomeAffairs);
}

#[test]
fn deadlines_skip_tet_and_count_a_swapped_saturday() {
    let hy = RegulationProfile::hung_yen();
    let plain = Calendar::default();
    // Tết 2031: 22–26/1 off, 27–28/1 compensation. Submitted Monday 20/1: the focal officer's
    // 5 working days are 21/1, 29/1, 30/1, 31/1, 3/2.
    let due = due_date(
        &hy,
        &plain,
        ReviewKind::Initial,
        ReviewState::Submitted,
        d(2031, 1, 20),
        d(2031, 1, 20),
    );
    assert_eq!(due, Some(d(2031, 2, 3)));
    // Submitted Friday 17/1 with Saturday 18/1 worked in exchange: 18, 20, 21, 29, 30.
    let swapped = Calendar {
        days_off: BTreeSet::new(),
        working_days: BTreeSet::from([d(2031, 1, 18)]),
    };
    let due = due_date(
        &hy,
        &swapped,
        ReviewKind::Initial,
        ReviewState::Submitted,
        d(2031, 1, 17),
        d(2031, 1, 17),
    );
    assert_eq!(due, Some(d(2031, 1, 30)));
    let without = due_date(
        &hy,
        &plain,
        ReviewKind::Initial,
        ReviewState::Submitted,
        d(2031, 1, 17),
        d(2031, 1, 17),
    );
    assert_eq!(without, Some(d(2031, 1, 31)));
    // A change is checked and approved within 10 working days of its submission, locked or not.
    let change = due_date(
        &hy,
        &plain,
        ReviewKind::Change,
        ReviewState::Locked,
        d(2031, 3, 10),
        d(2031, 3, 3),
    );
    assert_eq!(change, Some(d(2031, 3, 17)));
    // Sở Nội vụ: by the end of its window (the last 5 working days of April 2031 end on 29/4).
    let signed = due_date(
        &hy,
        &plain,
        ReviewKind::Initial,
        ReviewState::Signed,
        d(2031, 4, 10),
        d(2031, 4, 1),
    );
    assert_eq!(signed, Some(d(2031, 4, 29)));
    let late = due_date(
        &hy,
        &plain,
        ReviewKind::Initial,
        ReviewState::Signed,
        d(2031, 4, 30),
        d(2031, 4, 1),
    );
    assert_eq!(late, Some(d(2031, 5, 30)), "after the window: next month's");
    assert_eq!(entry_due(&hy, &plain, d(2031, 1, 20)), d(2031, 2, 3));
}

#[test]
fn a_campaign_confines_a_change_to_its_sections() {
    let sections = vec!["rewards".to_owned(), "identity".to_owned()];
    let changed = [
        "rewards[2].form",
        "identity.phone",
        "salary.step",
        "work_history[0].to",
    ];
    assert_eq!(
        outside_sections(changed, &sections),
        ["salary.step", "work_history[0].to"]
    );
    assert!(SECTIONS.iter().all(|(key, _)| !key.contains('.')));
}

#[test]
fn one_account_does_not_enter_check_and_sign_the_same_review() {
    let officer = actor(AccountKind::Specialist, "/u1/", &[Right::ReviewDossiers], None);
    let mine = officer.account_id.as_str();
    let on_behalf = Duties {
        entered_on_behalf_by: Some(mine),
        checked_by: None,
    };
    let enforced = SeparationOfDuties::Enforced;
    assert_eq!(
        check_separation(&officer, on_behalf, Action::Lock, &enforced),
        Err(DutyConflict::ChecksWhatItEntered)
    );
    // Sending it back stays possible; someone else's entry is checked as usual.
    assert_eq!(
        check_separation(&officer, on_behalf, Action::Return, &enforced),
        Ok(())
    );
    let by_another = Duties {
        entered_on_behalf_by: Some("someone-else"),
        checked_by: None,
    };
    assert_eq!(
        check_separation(&officer, by_another, Action::Lock, &enforced),
        Ok(())
    );
    let checked = Duties {
        entered_on_behalf_by: None,
        checked_by: Some(mine),
    };
    for step in [Step::Head, Step::HomeAffairs] {
        assert_eq!(
            check_separation(&officer, checked, Action::Sign(step), &enforced),
            Err(DutyConflict::SignsWhatItChecked)
        );
    }
    let relaxed = SeparationOfDuties::Relaxed {
        reason: "Đơn vị chỉ có một cán bộ tổ chức".into(),
    };
    assert_eq!(
        check_separation(&officer, on_behalf, Action::Lock, &relaxed),
        Ok(())
    );
    assert_eq!(
        check_separation(&officer, checked, Action::Sign(Step::Head), &relaxed),
        Ok(())
    );
}

#[test]
fn relaxing_the_separation_of_duties_needs_a_reason() {
    let mut profile = RegulationProfile::hung_yen();
    assert!(profile.separation_of_duties.is_enforced());
    profile.separation_of_duties = SeparationOfDuties::Relaxed {
        reason: "  vì  ".into(),
    };
    let errors = profile.check().unwrap_err();
    assert_eq!(errors.as_slice()[0].field, "separation_of_duties.reason");
    // A profile stored before the rule existed reads as enforced.
    let mut stored = serde_json::to_value(RegulationProfile::hung_yen()).unwrap();
    stored.as_object_mut().unwrap().remove("separation_of_duties");
    let read: RegulationProfile = serde_json::from_value(stored).unwrap();
    assert!(read.separation_of_duties.is_enforced());
}
