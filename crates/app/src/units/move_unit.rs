use hoso_api_types::units::{MoveUnitRequest, UnitRef};
use hoso_domain::org::{check_manage_units, check_move};
use hoso_store::units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Move a unit, with everything below it, under another unit from a date (Sở Nội vụ). Scopes
/// follow at once: the new parent's accounts reach it, the old parent's no longer do.
pub async fn move_unit(
    app: &App,
    session: Session,
    id: String,
    body: MoveUnitRequest,
) -> Result<UnitRef, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    super::check_not_future(&body.change, app.clock.today())?;
    let moved = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                let parent = super::load(conn, &body.parent_id, "parent_id")?;
                check_move(
                    &super::state(conn, &unit)?,
                    &super::state(conn, &parent)?,
                    body.change.effective_date,
                )?;
                hoso_domain::org::check_under_parent_since(
                    units::founded_on(conn, &parent.id)?,
                    body.change.effective_date,
                )?;
                let event = super::record_event(conn, &session, "move", &body.change)?;
                units::move_under(conn, &unit, &parent, body.change.effective_date, &event)?;
                crate::audit::record(
                    conn,
                    super::audit_about(&session, "unit.moved", &unit.id, &body.change),
                )?;
                Ok(UnitRef {
                    id: unit.id,
                    name: unit.name,
                })
            })
        })
        .await?;
    Ok(moved)
}
