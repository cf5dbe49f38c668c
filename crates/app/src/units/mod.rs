//! The organisation tree and its history (ORG-1, ORG-4, CTX-2). Everyone reads within their
//! scope; only Sở Nội vụ's administrators change it, each change dated, with its reason and
//! decision, appended to the units' history and the audit trail.

pub mod create_unit;
pub mod create_unit_position;
pub mod dissolve_unit;
pub mod list_unit_positions;
pub mod list_unit_quotas;
pub mod list_units;
pub mod merge_unit;
pub mod move_unit;
pub mod preview_unit_merge;
pub mod preview_unit_split;
pub mod read_unit;
pub mod rename_unit;
pub mod save_unit_quota;
pub mod split_unit;
pub use create_unit::{create_unit, insert_unit};
pub use create_unit_position::create_unit_position;
pub use dissolve_unit::dissolve_unit;
pub use list_unit_positions::list_unit_positions;
pub use list_unit_quotas::list_unit_quotas;
pub use list_units::list_units;
pub use merge_unit::merge_unit;
pub use move_unit::move_unit;
pub use preview_unit_merge::preview_unit_merge;
pub use preview_unit_split::preview_unit_split;
pub use read_unit::read_unit;
pub use rename_unit::rename_unit;
pub use save_unit_quota::save_unit_quota;
pub use split_unit::split_unit;

use crate::error::AppError;
use crate::session::Session;
use hoso_api_types::units::TreeChange;
use hoso_domain::access::UnitPath;
use hoso_domain::org::UnitState;
use hoso_domain::FieldError;
use hoso_store::units::{self, NewUnitEvent, UnitRow};
use hoso_store::DbConnection;

pub fn load(conn: &mut DbConnection, id: &str, field: &str) -> Result<UnitRow, AppError> {
    units::find(conn, id)?
        .ok_or_else(|| FieldError::new(field, "unknown_unit", "Không tìm thấy đơn vị.").into())
}

/// A unit the actor may read (inside its scope); anything else is not found.
pub fn load_visible(
    conn: &mut DbConnection,
    actor: &hoso_domain::access::Actor,
    id: &str,
) -> Result<UnitRow, AppError> {
    let unit = units::find(conn, id)?.ok_or(AppError::NotFound)?;
    if !actor
        .scope
        .covers(&UnitPath::parse(&unit.path).map_err(AppError::Internal)?)
    {
        return Err(AppError::NotFound);
    }
    Ok(unit)
}

/// What the tree rules need to know of a stored unit.
pub fn state(conn: &mut DbConnection, unit: &UnitRow) -> Result<UnitState, AppError> {
    let current_since = match unit.ended_on {
        Some(ended) => ended,
        None => units::current_since(conn, &unit.id)?,
    };
    Ok(UnitState {
        id: unit.id.clone(),
        path: UnitPath::parse(&unit.path).map_err(AppError::Internal)?,
        current_since,
        ended_on: unit.ended_on,
    })
}

/// Changes take effect today or earlier: the current tree is the tree of today.
pub fn check_not_future(change: &TreeChange, today: chrono::NaiveDate) -> Result<(), AppError> {
    if change.effective_date > today {
        return Err(FieldError::new(
            "effective_date",
            "future_date",
            "Ngày hiệu lực không được sau hôm nay.",
        )
        .into());
    }
    Ok(())
}

/// Records the decision behind a change of the tree; returns its id.
pub fn record_event(
    conn: &mut DbConnection,
    session: &Session,
    kind: &str,
    change: &TreeChange,
) -> Result<String, AppError> {
    crate::accounts::check_decision_document(conn, change.decision.as_ref())?;
    let decision = change.decision.as_ref();
    Ok(units::record_event(
        conn,
        NewUnitEvent {
            kind,
            effective_date: change.effective_date,
            decision_number: decision.map(|d| d.number.clone()),
            decision_date: decision.map(|d| d.date),
            decision_signer: decision.map(|d| d.signer.clone()),
            document_id: decision.and_then(|d| d.document_id.clone()),
            reason: change.reason.clone(),
            actor_id: Some(session.account.account.id.clone()),
        },
    )?)
}

/// An audit event about a unit.
pub fn audit_about(
    session: &Session,
    action: &str,
    unit_id: &str,
    change: &TreeChange,
) -> hoso_store::audit::NewAuditEvent {
    let mut event = session.event(action);
    event.target_type = Some("unit".into());
    event.target_id = Some(unit_id.to_owned());
    event.unit_id = Some(unit_id.to_owned());
    event.right_used = Some("manage_units".into());
    event.reason = Some(change.reason.clone());
    crate::audit::with_decision(event, change.decision.as_ref())
}

/// Everything a merge will do, computed without writing: the preview shows it, the merge does
/// exactly it.
pub struct MergeWork {
    pub sources: Vec<UnitRow>,
    pub target: Option<UnitRow>,
    pub moves: Vec<hoso_domain::org::PersonMove>,
    pub children: Vec<UnitRow>,
    pub plan: hoso_api_types::units::MergePlan,
}

pub fn plan_merge(
    conn: &mut DbConnection,
    request: &hoso_api_types::units::MergeRequest,
) -> Result<MergeWork, AppError> {
    use hoso_api_types::units::{MergePlan, PlannedMove, UnitRef};
    use hoso_store::{accounts, people};

    let target = match (&request.target_id, &request.new_target) {
        (Some(id), None) => Some(load(conn, id, "target_id")?),
        (None, Some(_)) => None,
        _ => {
            return Err(FieldError::new(
                "target_id",
                "one_target",
                "Chọn một đơn vị nhận có sẵn hoặc khai báo một đơn vị mới.",
            )
            .into())
        }
    };
    let sources = request
        .source_ids
        .iter()
        .enumerate()
        .map(|(index, id)| load(conn, id, &format!("source_ids[{index}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let source_states = sources
        .iter()
        .map(|s| state(conn, s))
        .collect::<Result<Vec<_>, _>>()?;
    let target_state = match (&target, &request.new_target) {
        (Some(target), _) => Some(state(conn, target)?),
        (None, Some(new)) => {
            if sources.len() < 2 {
                return Err(FieldError::new(
                    "source_ids",
                    "too_few",
                    "Sáp nhập vào đơn vị mới cần ít nhất hai đơn vị.",
                )
                .into());
            }
            if units::find_by_code(conn, new.code.trim())?.is_some() {
                return Err(AppError::Conflict {
                    code: "code_taken",
                    message: "Mã đơn vị đã được dùng (mã không bao giờ dùng lại).".into(),
                });
            }
            // The new unit will sit under its parent: a parent inside a source would end with it.
            let parent = load(conn, &new.parent_id, "new_target.parent_id")?;
            let parent_state = state(conn, &parent)?;
            Some(UnitState {
                id: String::from("new"),
                path: parent_state.path.child("new"),
                ..parent_state
            })
        }
        (None, None) => None,
    };
    hoso_domain::org::check_merge(
        &source_states,
        target_state.as_ref(),
        request.change.effective_date,
    )?;

    let source_ids: Vec<String> = sources.iter().map(|s| s.id.clone()).collect();
    let staff = people::in_units(conn, &source_ids)?;
    let target_id = target.as_ref().map(|t| t.id.clone()).unwrap_or_default();
    let pairs: Vec<(String, String)> = staff.iter().map(|p| (p.id.clone(), p.unit_id.clone())).collect();
    let moves = hoso_domain::org::plan_merge(&pairs, &source_ids, &target_id);
    let to_unit = match (&target, &request.new_target) {
        (Some(t), _) => UnitRef {
            id: t.id.clone(),
            name: t.name.clone(),
        },
        (_, Some(new)) => UnitRef {
            id: String::new(),
            name: new.name.trim().to_owned(),
        },
        (None, None) => unreachable!("checked above"),
    };
    let mut planned = Vec::new();
    for person in &staff {
        let from = sources
            .iter()
            .find(|s| s.id == person.unit_id)
            .expect("staff of a source");
        planned.push(PlannedMove {
            person_id: person.id.clone(),
            full_name: person.full_name.clone(),
            from_unit: UnitRef {
                id: from.id.clone(),
                name: from.name.clone(),
            },
            to_unit: to_unit.clone(),
            has_account: accounts::find_by_person(conn, &person.id)?.is_some(),
        });
    }
    let mut children = Vec::new();
    for source in &sources {
        children.extend(units::current_children(conn, &source.id)?);
    }
    let plan = MergePlan {
        target: match (&target, &request.new_target) {
            (Some(t), _) => UnitRef {
                id: t.id.clone(),
                name: t.name.clone(),
            },
            (None, Some(new)) => UnitRef {
                id: String::new(),
                name: new.name.trim().to_owned(),
            },
            (None, None) => unreachable!("checked above"),
        },
        moves: planned,
        moved_sub_units: children
            .iter()
            .map(|c| UnitRef {
                id: c.id.clone(),
                name: c.name.clone(),
            })
            .collect(),
        ended_units: sources
            .iter()
            .map(|s| UnitRef {
                id: s.id.clone(),
                name: s.name.clone(),
            })
            .collect(),
    };
    Ok(MergeWork {
        sources,
        target,
        moves,
        children,
        plan,
    })
}

/// Everything a split will do, computed without writing.
pub struct SplitWork {
    pub source: UnitRow,
    pub people: std::collections::BTreeMap<String, usize>,
    pub sub_units: std::collections::BTreeMap<String, usize>,
    pub plan: hoso_api_types::units::SplitPlan,
}

pub fn plan_split(
    conn: &mut DbConnection,
    request: &hoso_api_types::units::SplitRequest,
) -> Result<SplitWork, AppError> {
    use std::collections::BTreeMap;

    use hoso_api_types::units::{PlannedMove, PlannedUnitMove, SplitPlan, UnitRef};
    use hoso_store::{accounts, people};

    let source = load(conn, &request.source_id, "source_id")?;
    let source_state = state(conn, &source)?;
    let mut parent_states = Vec::new();
    for (index, target) in request.targets.iter().enumerate() {
        let parent = load(conn, &target.parent_id, &format!("targets[{index}].parent_id"))?;
        parent_states.push(state(conn, &parent)?);
        if units::find_by_code(conn, target.code.trim())?.is_some() {
            return Err(AppError::Conflict {
                code: "code_taken",
                message: "Mã đơn vị đã được dùng (mã không bao giờ dùng lại).".into(),
            });
        }
    }
    let staff = people::in_units(conn, std::slice::from_ref(&source.id))?;
    let children = units::current_children(conn, &source.id)?;
    let mut person_targets: BTreeMap<String, usize> = request
        .person_assignments
        .iter()
        .map(|a| (a.id.clone(), a.target))
        .collect();
    if let Some(others) = request.others_to {
        if others >= request.targets.len() {
            return Err(hoso_domain::FieldError::new(
                "others_to",
                "out_of_range",
                "Chọn một trong các đơn vị mới cho những người còn lại.",
            )
            .into());
        }
        for person in &staff {
            person_targets.entry(person.id.clone()).or_insert(others);
        }
    }
    let child_targets: BTreeMap<String, usize> = request
        .sub_unit_assignments
        .iter()
        .map(|a| (a.id.clone(), a.target))
        .collect();
    let staff_ids: Vec<String> = staff.iter().map(|p| p.id.clone()).collect();
    let child_ids: Vec<String> = children.iter().map(|c| c.id.clone()).collect();
    hoso_domain::org::check_split(
        &source_state,
        &parent_states,
        &staff_ids,
        &child_ids,
        &person_targets,
        &child_targets,
        request.change.effective_date,
    )?;
    let targets: Vec<UnitRef> = request
        .targets
        .iter()
        .map(|t| UnitRef {
            id: String::new(),
            name: t.name.trim().to_owned(),
        })
        .collect();
    let from = UnitRef {
        id: source.id.clone(),
        name: source.name.clone(),
    };
    let mut moves = Vec::new();
    for person in &staff {
        moves.push(PlannedMove {
            person_id: person.id.clone(),
            full_name: person.full_name.clone(),
            from_unit: from.clone(),
            to_unit: targets[person_targets[&person.id]].clone(),
            has_account: accounts::find_by_person(conn, &person.id)?.is_some(),
        });
    }
    let sub_unit_moves = children
        .iter()
        .map(|c| PlannedUnitMove {
            unit: UnitRef {
                id: c.id.clone(),
                name: c.name.clone(),
            },
            to_unit: targets[child_targets[&c.id]].clone(),
        })
        .collect();
    let plan = SplitPlan {
        source: from,
        targets,
        moves,
        sub_unit_moves,
    };
    Ok(SplitWork {
        source,
        people: person_targets,
        sub_units: child_targets,
        plan,
    })
}

/// Moves one person (and their personal account) to `to_unit` as part of a restructuring, and
/// records it as that person's transfer.
pub fn transfer_person(
    conn: &mut DbConnection,
    session: &Session,
    change: &TreeChange,
    unit_event_id: &str,
    person_id: &str,
    from_unit_id: &str,
    to_unit_id: &str,
) -> Result<(), AppError> {
    hoso_store::people::move_to_unit(conn, person_id, to_unit_id, change.effective_date)?;
    let mut transfer = audit_about(session, "person.transferred", to_unit_id, change);
    transfer.target_type = Some("person".into());
    transfer.target_id = Some(person_id.to_owned());
    transfer.subject_person_id = Some(person_id.to_owned());
    transfer.details = Some(
        serde_json::json!({"from_unit_id": from_unit_id, "to_unit_id": to_unit_id, "unit_event_id": unit_event_id}).to_string(),
    );
    crate::audit::record(conn, transfer)
}

/// Quotas follow a merge (ORG-2, CTX-2): the receiving unit's quota for the effective year
/// becomes its own plus the merged units'. (A split's quotas are set anew by Sở Nội vụ.)
pub fn rebase_quotas(
    conn: &mut DbConnection,
    session: &Session,
    sources: &[UnitRow],
    target_id: &str,
    year: i32,
) -> Result<(), AppError> {
    use hoso_store::quotas;
    let mut total = quotas::ByCategory::default();
    let mut any = false;
    for unit_id in sources.iter().map(|s| s.id.as_str()).chain([target_id]) {
        if let Some(quota) = quotas::find(conn, unit_id, year)? {
            total.add(quotas::as_counts(&quota));
            any = true;
        }
    }
    if any {
        quotas::set(conn, target_id, year, total, None, &session.account.account.id)?;
    }
    Ok(())
}
