use hoso_api_types::search::SavedSearchView;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The caller's saved searches, newest first.
pub async fn list_saved_searches(app: &App, session: Session) -> Result<Vec<SavedSearchView>, AppError> {
    crate::dossiers::require_list_right(&session)?;
    let rows = app
        .db(move |conn| Ok(hoso_store::search::saved_of(conn, &session.actor.account_id)?))
        .await?;
    let views: Vec<SavedSearchView> = rows
        .into_iter()
        .map(|r| SavedSearchView {
            id: r.id,
            name: r.name,
            criteria: serde_json::from_str(&r.criteria).unwrap_or_default(),
        })
        .collect();
    Ok(views)
}
