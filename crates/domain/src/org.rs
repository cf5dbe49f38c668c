//! Rules for changing the organisation tree (ORG-1, ORG-4, CTX-2): what a rename, a move, a
//! merge or a dissolution may do, and who moves where when units merge. Pure: the store applies
//! what these functions decide.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::access::{AccountKind, Actor, Decision, Denial, Right, UnitPath};
use crate::validation::{FieldError, FieldErrors};

/// Changing the tree is Sở Nội vụ's (administrators with `manage_units`).
pub fn check_manage_units(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin || !actor.rights.contains(Right::ManageUnits) {
        return Err(Denial::Forbidden(
            "only administrators with manage_units change the organisation tree".into(),
        ));
    }
    Ok(())
}

/// Deployment settings (the regulation profile, with its approval windows and their enforcement,
/// and the working-day calendar) are changed by administrators holding `manage_settings`: a
/// restricted administrator may not switch windows to warn-only.
pub fn check_manage_settings(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin {
        return Err(Denial::Forbidden(
            "only administrators change the deployment's settings".into(),
        ));
    }
    if !actor.rights.contains(crate::access::Right::ManageSettings) {
        return Err(Denial::Forbidden(
            "changing settings needs manage_settings".into(),
        ));
    }
    Ok(())
}

/// Backups (SEC-5) hold every dossier: made on demand, listed and deleted by administrators
/// holding `manage_backups`.
pub fn check_manage_backups(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin || !actor.rights.contains(Right::ManageBackups) {
        return Err(Denial::Forbidden(
            "only administrators with manage_backups see and make backups".into(),
        ));
    }
    Ok(())
}

/// The national sync (INT-1…4) is Sở Nội vụ's connection to another system: its outbox and
/// message log are seen, and refused messages re-sent, by administrators holding
/// `manage_api_clients`.
pub fn check_national_sync(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin || !actor.rights.contains(Right::ManageApiClients) {
        return Err(Denial::Forbidden(
            "only administrators with manage_api_clients see the national sync".into(),
        ));
    }
    Ok(())
}

/// A unit as the rules see it: where it is and since when its current version holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitState {
    pub id: String,
    pub path: UnitPath,
    /// Start of the unit's current version.
    pub current_since: NaiveDate,
    /// Set when the unit no longer exists.
    pub ended_on: Option<NaiveDate>,
}

fn must_exist(field: &str, unit: &UnitState) -> Result<(), FieldError> {
    match unit.ended_on {
        Some(ended) => Err(FieldError::new(
            field,
            "unit_ended",
            format!(
                "Đơn vị đã giải thể hoặc sáp nhập từ ngày {}.",
                ended.format("%d/%m/%Y")
            ),
        )),
        None => Ok(()),
    }
}

/// A unit is placed under a parent only from the day the parent exists (issue #19, defect 5):
/// a unit founded in year 0 under a department founded in 2025 is a typing error.
pub fn check_under_parent_since(parent_founded: NaiveDate, effective: NaiveDate) -> Result<(), FieldError> {
    if effective < parent_founded {
        return Err(FieldError::new(
            "effective_date",
            "before_parent",
            format!(
                "Ngày hiệu lực không được trước ngày thành lập đơn vị cấp trên ({}).",
                parent_founded.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

/// A change takes effect after the unit's current version began: history is appended, never
/// rewritten.
fn must_follow(field: &str, unit: &UnitState, effective: NaiveDate) -> Result<(), FieldError> {
    if effective <= unit.current_since {
        return Err(FieldError::new(
            "effective_date",
            "before_current_version",
            format!(
                "Ngày hiệu lực phải sau ngày {} (thay đổi gần nhất của {field}).",
                unit.current_since.format("%d/%m/%Y")
            ),
        ));
    }
    Ok(())
}

pub fn check_rename(unit: &UnitState, new_name: &str, effective: NaiveDate) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if let Err(e) = must_exist("unit_id", unit) {
        errors.push(e);
    }
    if new_name.trim().is_empty() {
        errors.push(FieldError::new("name", "required", "Nhập tên mới của đơn vị."));
    }
    if let Err(e) = must_follow("đơn vị", unit, effective) {
        errors.push(e);
    }
    errors.into_result()
}

/// A unit moves under another that exists and is not inside it (no cycles).
pub fn check_move(unit: &UnitState, new_parent: &UnitState, effective: NaiveDate) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    for (field, state) in [("unit_id", unit), ("parent_id", new_parent)] {
        if let Err(e) = must_exist(field, state) {
            errors.push(e);
        }
    }
    if new_parent.path.is_within(&unit.path) {
        errors.push(FieldError::new(
            "parent_id",
            "cycle",
            "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.",
        ));
    }
    if let Err(e) = must_follow("đơn vị", unit, effective) {
        errors.push(e);
    }
    errors.into_result()
}

/// Units merge into one target (ORG-4): at least two units end up as one; no source lies inside
/// another source or contains the target (it would end with its parent).
pub fn check_merge(
    sources: &[UnitState],
    target: Option<&UnitState>,
    effective: NaiveDate,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    let distinct: BTreeSet<&str> = sources.iter().map(|s| s.id.as_str()).collect();
    let joined = distinct.len() + usize::from(target.is_some());
    if distinct.len() != sources.len() {
        errors.push(FieldError::new(
            "source_ids",
            "duplicate",
            "Mỗi đơn vị chỉ chọn một lần.",
        ));
    }
    if joined < 2 || sources.is_empty() {
        errors.push(FieldError::new(
            "source_ids",
            "too_few",
            "Sáp nhập cần ít nhất hai đơn vị.",
        ));
    }
    for (index, source) in sources.iter().enumerate() {
        let field = format!("source_ids[{index}]");
        if let Err(e) = must_exist(&field, source) {
            errors.push(e);
        }
        if let Err(e) = must_follow(&field, source, effective) {
            errors.push(e);
        }
        if sources
            .iter()
            .any(|other| other.id != source.id && source.path.is_within(&other.path))
        {
            errors.push(FieldError::new(
                field.clone(),
                "nested",
                "Đơn vị này nằm trong một đơn vị khác được sáp nhập.",
            ));
        }
        if let Some(target) = target {
            if target.path.is_within(&source.path) {
                errors.push(FieldError::new(
                    "target_id",
                    "inside_source",
                    "Đơn vị nhận không được nằm trong đơn vị bị sáp nhập.",
                ));
            }
        }
    }
    if let Some(target) = target {
        if let Err(e) = must_exist("target_id", target) {
            errors.push(e);
        }
    }
    errors.into_result()
}

/// A unit is dissolved only when nobody and no current sub-unit remain in it: people are moved
/// first (by a merge or transfers), so no dossier is left without a unit.
pub fn check_dissolve(
    unit: &UnitState,
    staff: usize,
    current_children: usize,
    effective: NaiveDate,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if let Err(e) = must_exist("unit_id", unit) {
        errors.push(e);
    }
    if let Err(e) = must_follow("đơn vị", unit, effective) {
        errors.push(e);
    }
    if staff > 0 {
        errors.push(FieldError::new(
            "unit_id",
            "has_staff",
            format!("Đơn vị còn {staff} người; chuyển họ đi trước khi giải thể."),
        ));
    }
    if current_children > 0 {
        errors.push(FieldError::new(
            "unit_id",
            "has_children",
            format!("Đơn vị còn {current_children} đơn vị trực thuộc."),
        ));
    }
    errors.into_result()
}

/// A unit splits into several new ones (ORG-4): at least two, none under the unit that ends,
/// and every person and current sub-unit of it assigned to exactly one of them, so no dossier is
/// left without a unit.
pub fn check_split(
    source: &UnitState,
    target_parents: &[UnitState],
    staff: &[String],
    sub_units: &[String],
    person_targets: &BTreeMap<String, usize>,
    sub_unit_targets: &BTreeMap<String, usize>,
    effective: NaiveDate,
) -> Result<(), FieldErrors> {
    let mut errors = FieldErrors::new();
    if let Err(e) = must_exist("source_id", source) {
        errors.push(e);
    }
    if let Err(e) = must_follow("đơn vị", source, effective) {
        errors.push(e);
    }
    if target_parents.len() < 2 {
        errors.push(FieldError::new(
            "targets",
            "too_few",
            "Chia tách cần ít nhất hai đơn vị mới.",
        ));
    }
    for (index, parent) in target_parents.iter().enumerate() {
        if parent.path.is_within(&source.path) {
            errors.push(FieldError::new(
                format!("targets[{index}].parent_id"),
                "inside_source",
                "Đơn vị mới không được nằm trong đơn vị bị chia tách.",
            ));
        }
        if let Err(mut e) = must_exist("", parent) {
            e.field = format!("targets[{index}].parent_id");
            errors.push(e);
        }
    }
    let check =
        |kind: &str, members: &[String], assigned: &BTreeMap<String, usize>, errors: &mut FieldErrors| {
            let field = format!("{kind}_assignments");
            let unassigned = members.iter().filter(|m| !assigned.contains_key(*m)).count();
            if unassigned > 0 {
                errors.push(FieldError::new(
                    field.clone(),
                    "unassigned",
                    format!("Còn {unassigned} chưa được phân về đơn vị mới."),
                ));
            }
            if assigned.keys().any(|k| !members.contains(k)) {
                errors.push(FieldError::new(
                    field.clone(),
                    "unknown",
                    "Có mục không thuộc đơn vị bị chia tách.",
                ));
            }
            if assigned.values().any(|i| *i >= target_parents.len()) {
                errors.push(FieldError::new(
                    field,
                    "unknown_target",
                    "Có mục được phân về đơn vị mới không tồn tại.",
                ));
            }
        };
    check("person", staff, person_targets, &mut errors);
    check("sub_unit", sub_units, sub_unit_targets, &mut errors);
    errors.into_result()
}

/// One person's move decided by a restructuring.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonMove {
    pub person_id: String,
    pub from_unit_id: String,
    pub to_unit_id: String,
}

/// Who moves where in a merge: everyone managed by a source unit itself goes to the target;
/// people of sub-units stay with their sub-unit, which moves under the target whole.
pub fn plan_merge(people: &[(String, String)], sources: &[String], target_id: &str) -> Vec<PersonMove> {
    let sources: BTreeSet<&str> = sources.iter().map(String::as_str).collect();
    let mut moves: BTreeMap<&str, PersonMove> = BTreeMap::new();
    for (person_id, unit_id) in people {
        if sources.contains(unit_id.as_str()) {
            moves.insert(
                person_id,
                PersonMove {
                    person_id: person_id.clone(),
                    from_unit_id: unit_id.clone(),
                    to_unit_id: target_id.to_owned(),
                },
            );
        }
    }
    moves.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, path: &str) -> UnitState {
        UnitState {
            id: id.into(),
            path: UnitPath::parse(path).unwrap(),
            current_since: NaiveDate::from_ymd_opt(2025, 7, 1).unwrap(),
            ended_on: None,
        }
    }

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    fn codes(result: Result<(), FieldErrors>) -> Vec<String> {
        result
            .err()
            .map(|e| e.into_vec().into_iter().map(|e| e.code).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_unit_lives_under_its_parent_only_from_the_parents_founding() {
        let founded = NaiveDate::from_ymd_opt(2025, 7, 1).unwrap();
        let error = check_under_parent_since(founded, NaiveDate::from_ymd_opt(1, 1, 1).unwrap()).unwrap_err();
        assert_eq!(
            (error.field.as_str(), error.code.as_str()),
            ("effective_date", "before_parent")
        );
        assert!(check_under_parent_since(founded, founded).is_ok());
    }

    #[test]
    fn a_unit_cannot_move_into_its_own_subtree() {
        let a = unit("a", "/p/a/");
        assert_eq!(codes(check_move(&a, &unit("b", "/p/a/b/"), day(1, 1))), ["cycle"]);
        assert_eq!(codes(check_move(&a, &a, day(1, 1))), ["cycle"]);
        assert!(check_move(&a, &unit("c", "/p/c/"), day(1, 1)).is_ok());
    }

    #[test]
    fn history_is_appended_never_rewritten() {
        let a = unit("a", "/p/a/");
        assert_eq!(
            codes(check_rename(
                &a,
                "Tên mới",
                NaiveDate::from_ymd_opt(2025, 7, 1).unwrap()
            )),
            ["before_current_version"]
        );
        assert!(check_rename(&a, "Tên mới", day(1, 1)).is_ok());
        let mut ended = a.clone();
        ended.ended_on = Some(day(1, 1));
        assert!(codes(check_rename(&ended, "Tên", day(2, 1))).contains(&"unit_ended".to_owned()));
    }

    #[test]
    fn merges_need_two_units_none_nested_and_a_target_outside_the_sources() {
        let (a, b, c) = (unit("a", "/p/a/"), unit("b", "/p/b/"), unit("c", "/p/c/"));
        assert!(check_merge(&[a.clone(), b.clone()], None, day(1, 1)).is_ok());
        assert!(check_merge(std::slice::from_ref(&a), Some(&c), day(1, 1)).is_ok());
        assert_eq!(
            codes(check_merge(std::slice::from_ref(&a), None, day(1, 1))),
            ["too_few"]
        );
        assert_eq!(
            codes(check_merge(&[a.clone(), a.clone()], None, day(1, 1))),
            ["duplicate", "too_few"]
        );
        assert_eq!(
            codes(check_merge(&[a.clone(), unit("ab", "/p/a/b/")], None, day(1, 1))),
            ["nested"]
        );
        assert_eq!(
            codes(check_merge(
                &[a.clone(), b],
                Some(&unit("x", "/p/a/x/")),
                day(1, 1)
            )),
            ["inside_source"]
        );
    }

    #[test]
    fn dissolving_needs_an_empty_unit() {
        let a = unit("a", "/p/a/");
        assert_eq!(
            codes(check_dissolve(&a, 3, 1, day(1, 1))),
            ["has_staff", "has_children"]
        );
        assert!(check_dissolve(&a, 0, 0, day(1, 1)).is_ok());
    }

    #[test]
    fn a_split_assigns_everyone_to_one_new_unit() {
        let source = unit("s", "/p/s/");
        let parents = [unit("p", "/p/"), unit("p", "/p/")];
        let staff = vec!["p1".to_owned(), "p2".to_owned()];
        let subs = vec!["d".to_owned()];
        let people: BTreeMap<String, usize> = [("p1".to_owned(), 0), ("p2".to_owned(), 1)].into();
        let divisions: BTreeMap<String, usize> = [("d".to_owned(), 1)].into();
        assert!(check_split(&source, &parents, &staff, &subs, &people, &divisions, day(1, 1)).is_ok());
        let partial: BTreeMap<String, usize> = [("p1".to_owned(), 0)].into();
        assert_eq!(
            codes(check_split(
                &source,
                &parents,
                &staff,
                &subs,
                &partial,
                &divisions,
                day(1, 1)
            )),
            ["unassigned"]
        );
        let wrong: BTreeMap<String, usize> = [("p1".to_owned(), 0), ("p2".to_owned(), 5)].into();
        assert_eq!(
            codes(check_split(
                &source,
                &parents,
                &staff,
                &subs,
                &wrong,
                &divisions,
                day(1, 1)
            )),
            ["unknown_target"]
        );
        assert_eq!(
            codes(check_split(
                &source,
                &parents[..1],
                &staff,
                &subs,
                &people,
                &BTreeMap::new(),
                day(1, 1)
            )),
            ["too_few", "unknown_target", "unassigned"]
        );
        let inside = [unit("p", "/p/"), unit("x", "/p/s/x/")];
        assert_eq!(
            codes(check_split(
                &source,
                &inside,
                &staff,
                &subs,
                &people,
                &divisions,
                day(1, 1)
            )),
            ["inside_source"]
        );
    }

    #[test]
    fn a_merge_moves_the_sources_own_people_to_the_target() {
        let people = vec![
            ("p1".to_owned(), "a".to_owned()),
            ("p2".to_owned(), "b".to_owned()),
            ("p3".to_owned(), "sub-of-a".to_owned()),
            ("p4".to_owned(), "other".to_owned()),
        ];
        let moves = plan_merge(&people, &["a".into(), "b".into()], "t");
        let moved: Vec<(&str, &str)> = moves
            .iter()
            .map(|m| (m.person_id.as_str(), m.to_unit_id.as_str()))
            .collect();
        assert_eq!(moved, [("p1", "t"), ("p2", "t")]);
    }
}
