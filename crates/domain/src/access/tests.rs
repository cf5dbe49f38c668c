//! The policy as a table: every kind of account against every action (ACC-1, ACC-3, ACC-7,
//! SEC-3, SEC-4).

use super::*;
use Right::*;

fn path(text: &str) -> UnitPath {
    UnitPath::parse(text).unwrap()
}

fn subtree(text: &str) -> Scope {
    Scope::Subtree(path(text))
}

/// The cast: Sở Nội vụ's administrator; agency A (/p/a/) and its HR specialist; agency C
/// (/p/c/); an employee of a sub-unit of A.
fn admin() -> Actor {
    Actor {
        account_id: "admin".into(),
        kind: AccountKind::Admin,
        scope: Scope::Province,
        rights: RightSet::all(),
        person_id: None,
        read_only: false,
    }
}
fn agency_a() -> Actor {
    Actor {
        account_id: "agency-a".into(),
        kind: AccountKind::Agency,
        scope: subtree("/p/a/"),
        rights: AccountKind::Agency.right_ceiling(),
        person_id: None,
        read_only: false,
    }
}
fn specialist_a(rights: &[Right]) -> Actor {
    Actor {
        account_id: "specialist-a".into(),
        kind: AccountKind::Specialist,
        scope: subtree("/p/a/"),
        rights: rights.iter().copied().collect(),
        person_id: None,
        read_only: false,
    }
}
fn employee() -> Actor {
    Actor {
        account_id: "employee".into(),
        kind: AccountKind::Personal,
        scope: subtree("/p/a/b/"),
        rights: RightSet::default(),
        person_id: Some("person-1".into()),
        read_only: false,
    }
}

fn account(id: &str, kind: AccountKind, scope: Scope, rights: &[Right]) -> AccountFacts {
    AccountFacts {
        account_id: id.into(),
        kind,
        scope,
        rights: rights.iter().copied().collect(),
    }
}

#[derive(Debug, PartialEq)]
enum Outcome {
    Allow,
    Forbid,
    Hide,
}

fn outcome(decision: Decision) -> Outcome {
    match decision {
        Ok(()) => Outcome::Allow,
        Err(Denial::Forbidden(_)) => Outcome::Forbid,
        Err(Denial::Hidden(_)) => Outcome::Hide,
    }
}

#[test]
fn managing_accounts_follows_kind_and_scope() {
    use Outcome::*;
    let personal_in_a = account("p-a", AccountKind::Personal, subtree("/p/a/b/"), &[]);
    let personal_in_c = account("p-c", AccountKind::Personal, subtree("/p/c/"), &[]);
    let agency_in_a = account("ag-a", AccountKind::Agency, subtree("/p/a/"), &[ReadDossiers]);
    let specialist_in_a = account("sp-a", AccountKind::Specialist, subtree("/p/a/"), &[ReadDossiers]);
    let other_admin = account("admin-2", AccountKind::Admin, Scope::Province, &[ReadDossiers]);
    let hr = specialist_a(&[ReadDossiers, ManageAccounts]);
    let reader = specialist_a(&[ReadDossiers]);

    let table: Vec<(&str, Actor, &AccountFacts, Outcome)> = vec![
        ("admin → personal anywhere", admin(), &personal_in_c, Allow),
        ("admin → agency", admin(), &agency_in_a, Allow),
        ("admin → specialist", admin(), &specialist_in_a, Allow),
        ("admin → another admin", admin(), &other_admin, Allow),
        (
            "agency → personal in its subtree",
            agency_a(),
            &personal_in_a,
            Allow,
        ),
        (
            "agency → personal of another agency",
            agency_a(),
            &personal_in_c,
            Hide,
        ),
        ("agency → agency account", agency_a(), &agency_in_a, Hide),
        (
            "agency → specialist of its own unit",
            agency_a(),
            &specialist_in_a,
            Hide,
        ),
        ("agency → admin", agency_a(), &other_admin, Hide),
        (
            "HR specialist → personal in subtree",
            hr.clone(),
            &personal_in_a,
            Allow,
        ),
        ("HR specialist → personal elsewhere", hr, &personal_in_c, Hide),
        (
            "specialist without manage_accounts",
            reader,
            &personal_in_a,
            Forbid,
        ),
        ("employee → any account", employee(), &personal_in_a, Hide),
    ];
    for (case, actor, target, expected) in table {
        assert_eq!(outcome(check_manage_account(&actor, target)), expected, "{case}");
    }
}

#[test]
fn nobody_manages_their_own_account_but_everyone_sees_it() {
    let me = account("admin", AccountKind::Admin, Scope::Province, &[ReadDossiers]);
    assert_eq!(outcome(check_manage_account(&admin(), &me)), Outcome::Forbid);
    assert_eq!(outcome(check_view_account(&admin(), &me)), Outcome::Allow);
    let mine = account("employee", AccountKind::Personal, subtree("/p/a/b/"), &[]);
    assert_eq!(outcome(check_view_account(&employee(), &mine)), Outcome::Allow);
}

#[test]
fn grants_never_exceed_the_granter_the_kind_or_the_scope() {
    use Outcome::*;
    let hr = specialist_a(&[ReadDossiers, UpdateDossiers, ManageAccounts]);
    let table: Vec<(&str, Actor, AccountFacts, Outcome)> = vec![
        (
            "admin creates an agency account with agency rights",
            admin(),
            account(
                "new",
                AccountKind::Agency,
                subtree("/p/a/"),
                &[ReadDossiers, ManageAccounts],
            ),
            Allow,
        ),
        (
            "admin cannot give an agency account a right above its kind",
            admin(),
            account("new", AccountKind::Agency, subtree("/p/a/"), &[ManageApiClients]),
            Forbid,
        ),
        (
            "an agency account needs a unit",
            admin(),
            account("new", AccountKind::Agency, Scope::Province, &[]),
            Forbid,
        ),
        (
            "an admin acts province-wide",
            admin(),
            account("new", AccountKind::Admin, subtree("/p/a/"), &[]),
            Forbid,
        ),
        (
            "personal accounts hold no rights",
            agency_a(),
            account("new", AccountKind::Personal, subtree("/p/a/b/"), &[ReadDossiers]),
            Forbid,
        ),
        (
            "agency creates a personal account below it",
            agency_a(),
            account("new", AccountKind::Personal, subtree("/p/a/b/"), &[]),
            Allow,
        ),
        (
            "agency cannot create outside its subtree",
            agency_a(),
            account("new", AccountKind::Personal, subtree("/p/c/"), &[]),
            Hide,
        ),
        (
            "agency cannot create a specialist",
            agency_a(),
            account("new", AccountKind::Specialist, subtree("/p/a/"), &[ReadDossiers]),
            Hide,
        ),
        (
            "HR specialist creates personal accounts",
            hr.clone(),
            account("new", AccountKind::Personal, subtree("/p/a/x/"), &[]),
            Allow,
        ),
        (
            "HR specialist cannot create a province-wide account",
            hr,
            account("new", AccountKind::Personal, Scope::Province, &[]),
            Hide,
        ),
    ];
    for (case, actor, target, expected) in table {
        assert_eq!(outcome(check_grant(&actor, &target)), expected, "{case}");
    }
}

#[test]
fn an_administrator_without_a_right_cannot_grant_it() {
    let mut limited = admin();
    limited.rights = [ManageAccounts, ReadDossiers].into_iter().collect();
    let target = account(
        "new",
        AccountKind::Specialist,
        subtree("/p/a/"),
        &[ReadDossiers, ExportData],
    );
    assert_eq!(outcome(check_grant(&limited, &target)), Outcome::Forbid);
}

#[test]
fn a_change_needs_reach_over_the_account_before_and_after() {
    let before = account("p", AccountKind::Personal, subtree("/p/a/b/"), &[]);
    let moved_out = account("p", AccountKind::Personal, subtree("/p/c/"), &[]);
    assert_eq!(
        outcome(check_change_account(&agency_a(), &before, &moved_out)),
        Outcome::Hide
    );
    let moved_in = account("p", AccountKind::Personal, subtree("/p/c/"), &[]);
    let inside = account("p", AccountKind::Personal, subtree("/p/a/d/"), &[]);
    assert_eq!(
        outcome(check_change_account(&agency_a(), &moved_in, &inside)),
        Outcome::Hide
    );
    assert_eq!(
        outcome(check_change_account(&agency_a(), &before, &inside)),
        Outcome::Allow
    );
}

#[test]
fn every_kind_against_the_other_actions() {
    use Outcome::*;
    let unit_b = path("/p/a/b/");
    let unit_c = path("/p/c/");
    // (kind, file request for B, file request for C, decide request, manage API clients, view audit)
    let cases = [
        ("admin", admin(), Allow, Allow, Allow, Allow, Allow),
        ("agency", agency_a(), Allow, Hide, Forbid, Forbid, Allow),
        (
            "specialist w/o rights",
            specialist_a(&[ReadDossiers]),
            Forbid,
            Forbid,
            Forbid,
            Forbid,
            Forbid,
        ),
        ("personal", employee(), Forbid, Forbid, Forbid, Forbid, Forbid),
    ];
    for (case, actor, file_b, file_c, decide, clients, audit) in cases {
        assert_eq!(
            outcome(check_file_account_request(&actor, &unit_b)),
            file_b,
            "{case}: file for B"
        );
        assert_eq!(
            outcome(check_file_account_request(&actor, &unit_c)),
            file_c,
            "{case}: file for C"
        );
        assert_eq!(
            outcome(check_decide_account_request(&actor)),
            decide,
            "{case}: decide"
        );
        assert_eq!(
            outcome(check_manage_api_clients(&actor)),
            clients,
            "{case}: API clients"
        );
        assert_eq!(outcome(check_view_audit(&actor)), audit, "{case}: audit");
    }
}

#[test]
fn an_employee_always_reads_their_own_dossier_and_no_one_else_s() {
    use Outcome::*;
    let unit = path("/p/a/b/");
    let elsewhere = path("/p/c/");
    assert_eq!(outcome(check_read_person(&employee(), "person-1", &unit)), Allow);
    assert_eq!(outcome(check_read_person(&employee(), "person-2", &unit)), Hide);
    assert_eq!(outcome(check_read_person(&agency_a(), "person-2", &unit)), Allow);
    assert_eq!(
        outcome(check_read_person(&agency_a(), "person-3", &elsewhere)),
        Hide
    );
    assert_eq!(
        outcome(check_read_person(&specialist_a(&[ExportData]), "person-2", &unit)),
        Forbid
    );
    assert_eq!(
        outcome(check_read_person(&admin(), "person-3", &elsewhere)),
        Allow
    );
}

#[test]
fn unit_paths_nest_by_prefix_only_at_segment_boundaries() {
    let a = path("/p/a/");
    assert!(path("/p/a/b/").is_within(&a));
    assert!(path("/p/a/").is_within(&a));
    assert!(
        !path("/p/ab/").is_within(&a),
        "a sibling whose id starts alike is not inside"
    );
    assert!(!path("/p/").is_within(&a));
    assert_eq!(path("/p/a/b/").unit_id(), "b");
    assert!(UnitPath::parse("/p//a/").is_err());
    assert!(UnitPath::parse("p/a").is_err());
}

#[test]
fn rights_round_trip_through_storage_and_refuse_unknown_names() {
    let rights: RightSet = [ManageAccounts, ReadDossiers].into_iter().collect();
    assert_eq!(rights.to_storage(), "read_dossiers manage_accounts");
    assert_eq!(RightSet::from_storage(&rights.to_storage()).unwrap(), rights);
    assert!(RightSet::from_storage("read_dossiers fly").is_err());
    for right in Right::ALL {
        assert_eq!(right.as_str().parse::<Right>().unwrap(), *right);
        assert!(!right.label_vi().is_empty());
    }
}

#[test]
fn job_positions_are_managed_within_the_subtree_with_the_right() {
    use Outcome::*;
    let school = path("/p/a/b/");
    let cases = [
        ("admin", admin(), Allow),
        ("agency of the school's department", agency_a(), Allow),
        (
            "specialist without manage_positions",
            specialist_a(&[ReadDossiers]),
            Forbid,
        ),
        ("employee", employee(), Hide),
    ];
    for (case, actor, expected) in cases {
        assert_eq!(
            outcome(check_manage_positions(&actor, &school)),
            expected,
            "{case}"
        );
    }
    assert_eq!(
        outcome(check_manage_positions(&agency_a(), &path("/p/c/"))),
        Hide,
        "another agency's unit"
    );
}

#[test]
fn dossiers_are_opened_edited_and_approved_by_whom_the_regulation_says() {
    use Outcome::*;
    let school = path("/p/a/b/");
    let cases = [
        ("admin", admin(), Allow, Allow, Allow),
        ("agency over the school", agency_a(), Allow, Allow, Allow),
        (
            "specialist who may only read",
            specialist_a(&[ReadDossiers]),
            Forbid,
            Forbid,
            Forbid,
        ),
        ("the employee, own dossier", employee(), Hide, Allow, Hide),
    ];
    for (case, actor, create, edit, approve) in cases {
        assert_eq!(
            outcome(check_create_dossier(&actor, &school)),
            create,
            "{case}: create"
        );
        assert_eq!(
            outcome(check_edit_dossier(&actor, "person-1", &school)),
            edit,
            "{case}: edit"
        );
        assert_eq!(
            outcome(check_approve_dossier(&actor, "person-1", &school)),
            approve,
            "{case}: approve"
        );
    }
    assert_eq!(
        outcome(check_edit_dossier(&employee(), "person-2", &school)),
        Hide,
        "another's dossier"
    );
    assert_eq!(
        outcome(check_edit_dossier(&agency_a(), "person-1", &path("/p/c/"))),
        Hide
    );
}
