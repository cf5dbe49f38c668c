use hoso_api_types::units::PositionView;
use hoso_store::positions;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The unit's job positions (ORG-3) with their posts, holders and vacancies. Within the
/// reader's scope; a personal account sees the posts of its unit without their holders.
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
            // An employee picks their own post (item 30.3); who holds the others is HR's.
            let personal = actor.kind == hoso_domain::access::AccountKind::Personal;
            Ok(rows
                .into_iter()
                .map(|(p, holders)| {
                    let mut view = crate::views::position(p, holders);
                    if personal {
                        view.holders.clear();
                    }
                    view
                })
                .collect::<Vec<_>>())
        })
        .await?;
    Ok(list)
}
