use hoso_api_types::units::{TreeChange, UnitRef};
use hoso_domain::org::{check_dissolve, check_manage_units};
use hoso_store::{people, units};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Dissolve an empty unit from a date (Sở Nội vụ). Refused while people or sub-units remain:
/// move them first, so no dossier is left without a unit. The unit stays in history.
pub async fn dissolve_unit(
    app: &App,
    session: Session,
    id: String,
    body: TreeChange,
) -> Result<UnitRef, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    let (id, change) = (id, body);
    super::check_not_future(&change, app.clock.today())?;
    let dissolved = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                let staff = people::in_units(conn, std::slice::from_ref(&unit.id))?.len();
                let children = units::current_children(conn, &unit.id)?.len();
                check_dissolve(
                    &super::state(conn, &unit)?,
                    staff,
                    children,
                    change.effective_date,
                )?;
                super::record_event(conn, &session, "dissolve", &change)?;
                units::end(conn, &unit, change.effective_date)?;
                crate::audit::record(
                    conn,
                    super::audit_about(&session, "unit.dissolved", &unit.id, &change),
                )?;
                Ok(UnitRef {
                    id: unit.id,
                    name: unit.name,
                })
            })
        })
        .await?;
    Ok(dissolved)
}
