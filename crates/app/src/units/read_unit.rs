use hoso_api_types::units::{UnitDetail, UnitRef, UnitVersionView};
use hoso_store::{people, units};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// One unit with its whole history: every name and place it had, the decisions that changed
/// them, what it was merged into or from. Within the reader's scope; others are 404.
pub async fn read_unit(app: &App, session: Session, id: String) -> Result<UnitDetail, AppError> {
    let actor = session.actor.clone();
    let detail = app
        .db(move |conn| {
            let unit = super::load_visible(conn, &actor, &id)?;
            let versions = units::history(conn, &id)?
                .into_iter()
                .map(|(version, event)| UnitVersionView {
                    name: version.name,
                    parent_id: version.parent_id,
                    valid_from: version.valid_from,
                    valid_to: version.valid_to,
                    event: event.as_ref().map(|e| e.kind.clone()),
                    decision_number: event.as_ref().and_then(|e| e.decision_number.clone()),
                    reason: event.map(|e| e.reason),
                })
                .collect();
            let (became, came_from) = units::lineage(conn, &id)?;
            let mut refs = |ids: Vec<String>| -> Result<Vec<UnitRef>, AppError> {
                ids.into_iter()
                    .map(|id| {
                        Ok(units::find(conn, &id)?.map(|u| UnitRef {
                            id: u.id,
                            name: u.name,
                        }))
                    })
                    .filter_map(Result::transpose)
                    .collect()
            };
            let (became, came_from) = (refs(became)?, refs(came_from)?);
            let staff = people::in_units(conn, std::slice::from_ref(&unit.id))?.len() as i64;
            Ok(UnitDetail {
                id: unit.id,
                code: unit.code,
                kind: unit.kind,
                name: unit.name,
                parent_id: unit.parent_id,
                ended_on: unit.ended_on,
                versions,
                became,
                came_from,
                staff,
            })
        })
        .await?;
    Ok(detail)
}
