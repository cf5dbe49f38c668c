use hoso_api_types::units::{RenameUnitRequest, UnitRef};
use hoso_domain::org::{check_manage_units, check_rename};
use hoso_store::units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Rename a unit from a date; the old name stays in its history and in the tree as of earlier
/// days (Sở Nội vụ).
pub async fn rename_unit(
    app: &App,
    session: Session,
    id: String,
    body: RenameUnitRequest,
) -> Result<UnitRef, AppError> {
    check_manage_units(&session.actor)?;
    body.validate()?;
    super::check_not_future(&body.change, app.clock.today())?;
    let renamed = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                let unit = super::load(conn, &id, "unit_id")?;
                check_rename(
                    &super::state(conn, &unit)?,
                    &body.name,
                    body.change.effective_date,
                )?;
                let event = super::record_event(conn, &session, "rename", &body.change)?;
                units::rename(conn, &unit, body.name.trim(), body.change.effective_date, &event)?;
                crate::audit::record(
                    conn,
                    super::audit_about(&session, "unit.renamed", &unit.id, &body.change),
                )?;
                Ok(UnitRef {
                    id: unit.id,
                    name: body.name.trim().to_owned(),
                })
            })
        })
        .await?;
    Ok(renamed)
}
