use hoso_api_types::units::{MergePlan, MergeRequest, UnitRef};
use hoso_domain::org::check_manage_units;
use hoso_store::units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Merge units into one (ORG-4, CTX-2), in one transaction: every person of the merged units
/// and their personal account move to the receiving unit (each move recorded as a transfer of
/// that person), sub-units move under it whole, and the merged units end on the effective date
/// with their history and lineage kept — the tree as of the day before still shows them.
pub async fn merge_unit(app: &App, session: Session, body: MergeRequest) -> Result<MergePlan, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    super::check_not_future(&body.change, app.clock.today())?;
    let plan = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let work = super::plan_merge(conn, &body)?;
                let date = body.change.effective_date;
                let event = super::record_event(conn, &session, "merge", &body.change)?;
                let target = match (work.target, &body.new_target) {
                    (Some(target), _) => target,
                    (None, Some(new)) => {
                        let parent = super::load(conn, &new.parent_id, "new_target.parent_id")?;
                        units::insert(
                            conn,
                            new.code.trim(),
                            new.name.trim(),
                            &new.kind,
                            Some(&parent),
                            date,
                            Some(&event),
                        )?
                    }
                    (None, None) => unreachable!("plan_merge requires a target"),
                };
                for person_move in &work.moves {
                    super::transfer_person(
                        conn,
                        &session,
                        &body.change,
                        &event,
                        &person_move.person_id,
                        &person_move.from_unit_id,
                        &target.id,
                    )?;
                }
                for child in &work.children {
                    let target_now = units::find(conn, &target.id)?.ok_or(AppError::NotFound)?;
                    let child_now = units::find(conn, &child.id)?.ok_or(AppError::NotFound)?;
                    units::move_under(conn, &child_now, &target_now, date, &event)?;
                }
                super::rebase_quotas(
                    conn,
                    &session,
                    &work.sources,
                    &target.id,
                    chrono::Datelike::year(&date),
                )?;
                for source in &work.sources {
                    units::end(conn, source, date)?;
                    units::record_lineage(conn, &event, &source.id, &target.id)?;
                }
                crate::audit::record(
                    conn,
                    super::audit_about(&session, "unit.merged", &target.id, &body.change),
                )?;
                let mut plan = work.plan;
                plan.target = UnitRef {
                    id: target.id.clone(),
                    name: target.name.clone(),
                };
                Ok(plan)
            })
        })
        .await?;
    Ok(plan)
}
