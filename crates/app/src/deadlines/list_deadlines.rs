use std::collections::BTreeMap;

use hoso_api_types::units::UnitRef;
use hoso_api_types::workflow::{DeadlineCount, DeadlineDashboard, DeadlineItem};
use hoso_domain::access::{AccountKind, Actor, Right, UnitPath};
use hoso_domain::approval::Step;
use hoso_domain::workflow::{change_record_due, check_act, entry_due, Action, ReviewKind, ReviewState};
use hoso_store::accounts::{AccountFilter, STATUS_ACTIVE};
use hoso_store::dossiers::{DossierFilter, DossierWithPerson};
use hoso_store::reviews::{self, ReviewFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Everything due in the caller's scope (WF-8, HY 15.3, TG 14.3): first entries not yet
/// submitted (WF-1), checks, head signatures, change approvals, Sở Nội vụ approvals, returned
/// dossiers waiting for the employee, recruits still without their personal account (ACC-6),
/// people an open update campaign still waits for, moves
/// waiting for the receiving agency or Sở Nội vụ (TRF-2…4), secondments ending (TRF-5), moves
/// that took effect but are not yet recorded in the dossier (WF-4); each with its due date in
/// working days and the
/// officers who may act; counted by unit and by officer.
pub async fn list_deadlines(
    app: &App,
    session: Session,
    query: DeadlineQuery,
) -> Result<DeadlineDashboard, AppError> {
    let actor = session.actor.clone();
    let may_see = [Right::ReadDossiers, Right::ReviewDossiers, Right::ApproveDossiers]
        .into_iter()
        .any(|r| actor.rights.contains(r));
    if actor.kind == AccountKind::Personal || !may_see {
        return Err(AppError::Forbidden);
    }
    let today = app.clock.today();
    let only_overdue = query.overdue.unwrap_or(false);
    let unit_id = query.unit_id.clone();
    let dashboard = app
        .db(move |conn| {
            let under_path = match unit_id {
                Some(id) => Some(
                    hoso_store::units::find(conn, &id)?
                        .ok_or(AppError::NotFound)?
                        .path,
                ),
                None => None,
            };
            let within = actor.scope.prefix().map(str::to_owned);
            let rules = crate::workflow::rules(conn)?;
            let officers = officers(conn)?;
            let mut items = Vec::new();
            let open = ReviewFilter {
                states: ["submitted", "locked", "signed", "returned"]
                    .map(String::from)
                    .to_vec(),
                within: within.clone(),
                under_path: under_path.clone(),
                kind: None,
                dossier_id: None,
                limit: i64::MAX,
            };
            for (review, found) in reviews::list(conn, &open)? {
                let (Some(state), Some(due_on)) = (ReviewState::parse(&review.state), review.due_on) else {
                    continue;
                };
                if state == ReviewState::Returned && !returned_still_waiting(conn, &review, &found)? {
                    continue;
                }
                let (task, action) = review_task(state, &review.kind);
                let who = match action {
                    Some(action) => may_act(&officers, &found, state, action)
                        .into_iter()
                        .map(|(_, name)| name.clone())
                        .collect(),
                    None => vec![found.person.full_name.clone()],
                };
                let since = crate::clock::vietnam_date(review.state_since);
                items.push(item(
                    task,
                    &found,
                    Some(review.id.clone()),
                    since,
                    due_on,
                    today,
                    who,
                ));
            }
            for (found, opened, due_on) in
                first_entries_due(conn, &rules, within.clone(), under_path.clone())?
            {
                let who = vec![found.person.full_name.clone()];
                items.push(item("employee_entry", &found, None, opened, due_on, today, who));
            }
            // Update campaigns (issue #6): who has not submitted since the campaign opened.
            for (campaign, _, campaign_path) in
                hoso_store::campaigns::list(conn, within.as_deref(), Some(today))?
            {
                let covered = DossierFilter {
                    within: within.clone(),
                    under_path: Some(campaign_path.clone()),
                    limit: i64::MAX,
                    archived: Some(false),
                    ..Default::default()
                };
                for found in hoso_store::dossiers::list(conn, &covered)? {
                    let in_view = under_path
                        .as_deref()
                        .is_none_or(|p| found.unit_path.starts_with(p));
                    if !in_view
                        || !crate::campaigns::covers(
                            &campaign,
                            &campaign_path,
                            &found.person.id,
                            &found.unit_path,
                        )
                    {
                        continue;
                    }
                    let answered = reviews::for_dossier(conn, &found.dossier.id)?
                        .iter()
                        .any(|r| r.submitted_at >= campaign.created_at);
                    if !answered {
                        let who = vec![found.person.full_name.clone()];
                        items.push(item(
                            "campaign_update",
                            &found,
                            None,
                            campaign.opens_on,
                            campaign.closes_on,
                            today,
                            who,
                        ));
                    }
                }
            }
            // Moves waiting for the other side (TRF-2…4), and secondments ending (TRF-5).
            for row in hoso_store::transfers::in_state(conn, "pending", i64::MAX)? {
                if let Some(item) = transfer_item(
                    conn,
                    &actor,
                    &row,
                    row.due_on,
                    "transfer_completion",
                    today,
                    under_path.as_deref(),
                )? {
                    items.push(item);
                }
            }
            for row in hoso_store::transfers::in_state(conn, "completed", i64::MAX)? {
                // WF-4: a move inside the province is recorded in the dossier (a change
                // request) within the profile's working days of taking effect; the task ends
                // with the first submission since, or when the person leaves service.
                if let (Some(_), Some(person)) = (&row.to_unit_id, &row.person_id) {
                    let dossier = hoso_store::dossiers::find_by_person(conn, person)?;
                    let found = match &dossier {
                        Some(d) => hoso_store::dossiers::find(conn, &d.id)?,
                        None => None,
                    };
                    if let Some(found) = found {
                        let in_service =
                            hoso_domain::transfer::IN_SERVICE.contains(&found.person.service_status.as_str());
                        let recorded = reviews::for_dossier(conn, &found.dossier.id)?
                            .iter()
                            .any(|r| crate::clock::vietnam_date(r.submitted_at) >= row.effective_on);
                        let in_view = under_path
                            .as_deref()
                            .is_none_or(|p| found.unit_path.starts_with(p));
                        let path = UnitPath::parse(&found.unit_path).map_err(AppError::Internal)?;
                        if in_service && !recorded && in_view && actor.scope.covers(&path) {
                            let due_on = change_record_due(&rules.0, &rules.1, row.effective_on);
                            let who = vec![found.person.full_name.clone()];
                            items.push(item(
                                "change_record",
                                &found,
                                None,
                                row.effective_on,
                                due_on,
                                today,
                                who,
                            ));
                        }
                    }
                }
                let (Some(until), None) = (row.until_on, row.returned_at) else {
                    continue;
                };
                if let Some(item) = transfer_item(
                    conn,
                    &actor,
                    &row,
                    until,
                    "secondment_return",
                    today,
                    under_path.as_deref(),
                )? {
                    items.push(item);
                }
            }
            // Recruits still without their personal account (ACC-6).
            for row in hoso_store::recruitments::list(
                conn,
                within.as_deref(),
                under_path.as_deref(),
                true,
                i64::MAX,
            )? {
                let path = UnitPath::parse(&row.unit_path).map_err(AppError::Internal)?;
                let who = officers
                    .iter()
                    .filter(|(a, _)| a.rights.contains(Right::ManageAccounts) && a.scope.covers(&path))
                    .map(|(_, name)| name.clone())
                    .collect();
                let due_on = row.recruitment.account_due_on;
                items.push(DeadlineItem {
                    task: "account_creation".into(),
                    dossier_id: row.dossier_id,
                    dossier_number: row.dossier_number,
                    full_name: row.full_name,
                    unit: UnitRef {
                        id: row.unit_id,
                        name: row.unit_name,
                    },
                    review_id: None,
                    since: row.recruitment.decision_date,
                    due_on,
                    overdue: due_on < today,
                    officers: who,
                });
            }
            if only_overdue {
                items.retain(|i| i.overdue);
            }
            items.sort_by(|a, b| (a.due_on, &a.dossier_number).cmp(&(b.due_on, &b.dossier_number)));
            let by_unit = count(&items, |i| vec![(i.unit.id.clone(), i.unit.name.clone())]);
            let by_officer = count(&items, |i| {
                i.officers.iter().map(|o| (o.clone(), o.clone())).collect()
            });
            Ok(DeadlineDashboard {
                today,
                items,
                by_unit,
                by_officer,
            })
        })
        .await?;
    Ok(dashboard)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct DeadlineQuery {
    /// Only this unit and the units under it.
    pub unit_id: Option<String>,
    /// Only what is already overdue.
    pub overdue: Option<bool>,
}

pub fn item(
    task: &str,
    found: &DossierWithPerson,
    review_id: Option<String>,
    since: chrono::NaiveDate,
    due_on: chrono::NaiveDate,
    today: chrono::NaiveDate,
    officers: Vec<String>,
) -> DeadlineItem {
    DeadlineItem {
        task: task.into(),
        dossier_id: found.dossier.id.clone(),
        dossier_number: found.dossier.dossier_number.clone(),
        full_name: found.person.full_name.clone(),
        unit: UnitRef {
            id: found.person.unit_id.clone(),
            name: found.unit_name.clone(),
        },
        review_id,
        since,
        due_on,
        overdue: due_on < today,
        officers,
    }
}

/// A move as a dashboard line, when its person's unit (or its destination) is in view.
pub fn transfer_item(
    conn: &mut hoso_store::DbConnection,
    actor: &Actor,
    row: &hoso_store::transfers::TransferRow,
    due_on: chrono::NaiveDate,
    task: &str,
    today: chrono::NaiveDate,
    under_path: Option<&str>,
) -> Result<Option<DeadlineItem>, AppError> {
    let unit_id = row
        .from_unit_id
        .as_deref()
        .or(row.to_unit_id.as_deref())
        .unwrap_or_default();
    let Some(unit) = hoso_store::units::find(conn, unit_id)? else {
        return Ok(None);
    };
    let Ok(path) = UnitPath::parse(&unit.path) else {
        return Ok(None);
    };
    let destination_in_scope = match row.to_unit_id.as_deref() {
        Some(to) => hoso_store::units::find(conn, to)?
            .and_then(|u| UnitPath::parse(&u.path).ok())
            .is_some_and(|p| actor.scope.covers(&p)),
        None => false,
    };
    if !(actor.scope.covers(&path) || destination_in_scope)
        || under_path.is_some_and(|p| !unit.path.starts_with(p))
    {
        return Ok(None);
    }
    let dossier = match &row.person_id {
        Some(person) => hoso_store::dossiers::find_by_person(conn, person)?,
        None => None,
    };
    Ok(Some(DeadlineItem {
        task: task.into(),
        dossier_id: dossier.as_ref().map(|d| d.id.clone()).unwrap_or_default(),
        dossier_number: dossier.map(|d| d.dossier_number).unwrap_or_default(),
        full_name: row.person_name.clone(),
        unit: UnitRef {
            id: unit.id,
            name: unit.name,
        },
        review_id: None,
        since: row.effective_on,
        due_on,
        overdue: due_on < today,
        officers: Vec::new(),
    }))
}

/// Active agency, specialist and administrator accounts with their names.
pub fn officers(conn: &mut hoso_store::DbConnection) -> Result<Vec<(Actor, String)>, AppError> {
    let filter = AccountFilter {
        kinds: ["admin", "agency", "specialist"].map(String::from).to_vec(),
        status: Some(STATUS_ACTIVE.into()),
        limit: i64::MAX,
        ..Default::default()
    };
    let (accounts, _) = hoso_store::accounts::list(conn, &filter)?;
    accounts
        .iter()
        .map(|a| Ok((crate::session::actor_of(a)?, a.account.display_name.clone())))
        .collect()
}

/// The officers among `officers` who may take `action` on `found` in `state`.
pub fn may_act<'a>(
    officers: &'a [(Actor, String)],
    found: &DossierWithPerson,
    state: ReviewState,
    action: Action,
) -> Vec<&'a (Actor, String)> {
    let Ok(path) = UnitPath::parse(&found.unit_path) else {
        return Vec::new();
    };
    officers
        .iter()
        .filter(|(actor, _)| check_act(actor, &found.person.id, &path, state, action).is_ok())
        .collect()
}

/// Dossiers of people in service never yet submitted (WF-1), within `within` and under
/// `under_path` (`None`: anywhere), each with the day it was opened and the day its first
/// entry is due.
pub fn first_entries_due(
    conn: &mut hoso_store::DbConnection,
    rules: &(
        hoso_domain::regulation::RegulationProfile,
        hoso_domain::calendar::Calendar,
    ),
    within: Option<String>,
    under_path: Option<String>,
) -> Result<Vec<(DossierWithPerson, chrono::NaiveDate, chrono::NaiveDate)>, AppError> {
    let never_submitted = DossierFilter {
        within,
        under_path,
        statuses: vec!["draft".into()],
        limit: i64::MAX,
        archived: Some(false),
        ..Default::default()
    };
    Ok(hoso_store::dossiers::list(conn, &never_submitted)?
        .into_iter()
        .map(|found| {
            let opened = crate::clock::vietnam_date(found.dossier.created_at);
            let due_on = entry_due(&rules.0, &rules.1, opened);
            (found, opened, due_on)
        })
        .collect())
}

/// The dashboard's task for an open review, and the action that ends it (`None`: the person's
/// own, a resubmission).
pub fn review_task(state: ReviewState, kind: &str) -> (&'static str, Option<Action>) {
    match (state, ReviewKind::parse(kind).unwrap_or(ReviewKind::Change)) {
        (ReviewState::Submitted, ReviewKind::Initial) => ("focal_check", Some(Action::Lock)),
        (ReviewState::Submitted, ReviewKind::Change) => ("change_approval", Some(Action::Lock)),
        (ReviewState::Locked, ReviewKind::Initial) => ("head_approval", Some(Action::Sign(Step::Head))),
        (ReviewState::Locked, ReviewKind::Change) => ("change_approval", Some(Action::Sign(Step::Head))),
        (ReviewState::Signed, _) => ("home_affairs", Some(Action::Sign(Step::HomeAffairs))),
        _ => ("resubmission", None),
    }
}

/// WF-8: a task lives as long as its cause. A returned review waits for the person only while
/// it is their dossier's latest and they are in service: a resubmission, an approval, a
/// transfer out or a retirement ends it.
pub fn returned_still_waiting(
    conn: &mut hoso_store::DbConnection,
    review: &hoso_store::reviews::ReviewRow,
    found: &DossierWithPerson,
) -> Result<bool, AppError> {
    let in_service = hoso_domain::transfer::IN_SERVICE.contains(&found.person.service_status.as_str());
    let superseded = reviews::for_dossier(conn, &found.dossier.id)?
        .first()
        .is_some_and(|latest| latest.id != review.id);
    Ok(in_service && !superseded)
}

pub fn count(
    items: &[DeadlineItem],
    keys: impl Fn(&DeadlineItem) -> Vec<(String, String)>,
) -> Vec<DeadlineCount> {
    let mut counts: BTreeMap<String, DeadlineCount> = BTreeMap::new();
    for item in items {
        for (key, label) in keys(item) {
            let entry = counts.entry(key.clone()).or_insert(DeadlineCount {
                key,
                label,
                due: 0,
                overdue: 0,
            });
            entry.due += 1;
            entry.overdue += usize::from(item.overdue);
        }
    }
    let mut list: Vec<DeadlineCount> = counts.into_values().collect();
    list.sort_by(|a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then(b.due.cmp(&a.due))
            .then(a.label.cmp(&b.label))
    });
    list
}
