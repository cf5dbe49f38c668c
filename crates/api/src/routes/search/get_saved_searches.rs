use actix_web::{get, web, HttpResponse};
use hoso_api_types::search::SavedSearchView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The caller's saved searches, newest first.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Saved searches.", body = [SavedSearchView])),
    security(("bearer" = []))
)]
#[get("/searches")]
pub async fn get_saved_searches(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    crate::routes::dossiers::require_list_right(&session)?;
    let rows = state
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
    Ok(HttpResponse::Ok().json(views))
}
