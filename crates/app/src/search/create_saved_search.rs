use hoso_api_types::search::{NewSavedSearch, SavedSearchView};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Save a search under a name, to re-run it later (the criteria are stored; the results are
/// always computed anew, within the caller's scope at that time).
pub async fn create_saved_search(
    app: &App,
    session: Session,
    body: NewSavedSearch,
) -> Result<SavedSearchView, AppError> {
    crate::dossiers::require_list_right(&session)?;
    body.validate()?;
    let at = app.clock.now_naive();
    let criteria = serde_json::to_string(&body.criteria).expect("criteria serialise");
    let row = app
        .db(move |conn| {
            Ok(hoso_store::search::save(
                conn,
                &session.actor.account_id,
                &body.name,
                &criteria,
                at,
            )?)
        })
        .await?;
    Ok(SavedSearchView {
        id: row.id,
        name: row.name,
        criteria: body.criteria,
    })
}
