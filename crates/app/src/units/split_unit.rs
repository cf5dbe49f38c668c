use hoso_api_types::units::{SplitPlan, SplitRequest, UnitRef};
use hoso_domain::org::check_manage_units;
use hoso_store::units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Split a unit into new ones (ORG-4), in one transaction: the new units are created, each
/// person (with their personal account) and each sub-unit goes to the new unit it was assigned
/// to (each person's move recorded as a transfer), and the split unit ends with its lineage.
pub async fn split_unit(app: &App, session: Session, body: SplitRequest) -> Result<SplitPlan, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    super::check_not_future(&body.change, app.clock.today())?;
    let plan = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let work = super::plan_split(conn, &body)?;
                let date = body.change.effective_date;
                let event = super::record_event(conn, &session, "split", &body.change)?;
                let mut created = Vec::new();
                for (index, target) in body.targets.iter().enumerate() {
                    let parent =
                        super::load(conn, &target.parent_id, &format!("targets[{index}].parent_id"))?;
                    created.push(units::insert(
                        conn,
                        target.code.trim(),
                        target.name.trim(),
                        &target.kind,
                        Some(&parent),
                        date,
                        Some(&event),
                    )?);
                }
                for (person_id, index) in &work.people {
                    let to = &created[*index].id;
                    super::transfer_person(
                        conn,
                        &session,
                        &body.change,
                        &event,
                        person_id,
                        &work.source.id,
                        to,
                    )?;
                }
                for (unit_id, index) in &work.sub_units {
                    let child = units::find(conn, unit_id)?.ok_or(AppError::NotFound)?;
                    let to = units::find(conn, &created[*index].id)?.ok_or(AppError::NotFound)?;
                    units::move_under(conn, &child, &to, date, &event)?;
                }
                units::end(conn, &work.source, date)?;
                for target in &created {
                    units::record_lineage(conn, &event, &work.source.id, &target.id)?;
                }
                crate::audit::record(
                    conn,
                    super::audit_about(&session, "unit.split", &work.source.id, &body.change),
                )?;
                let mut plan = work.plan;
                plan.targets = created
                    .iter()
                    .map(|u| UnitRef {
                        id: u.id.clone(),
                        name: u.name.clone(),
                    })
                    .collect();
                for planned in &mut plan.moves {
                    if let Some(unit) = created.iter().find(|u| u.name == planned.to_unit.name) {
                        planned.to_unit.id = unit.id.clone();
                    }
                }
                Ok(plan)
            })
        })
        .await?;
    Ok(plan)
}
