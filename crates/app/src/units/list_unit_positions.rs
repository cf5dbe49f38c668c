use hoso_api_types::units::PositionView;
use hoso_store::positions;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The unit's job positions (ORG-3) with their posts, holders and vacancies. Within the
/// reader's scope.
pub async fn list_unit_positions(
    app: &App,
    session: Session,
    id: String,
) -> Result<Vec<PositionView>, AppError> {
    let actor = session.actor.clone();
    let list = app
        .db(move |conn| {
            let unit = super::load_visible(conn, &actor, &id)?;
            let rows = positions::of_unit(conn, &unit.id)?;
            Ok(rows
                .into_iter()
                .map(|(p, holders)| crate::views::position(p, holders))
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(list)
}
