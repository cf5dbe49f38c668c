use actix_web::{post, web, HttpResponse};
use hoso_api_types::search::{NewSavedSearch, SavedSearchView};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Save a search under a name, to re-run it later (the criteria are stored; the results are
/// always computed anew, within the caller's scope at that time).
#[utoipa::path(
    tag = super::TAG,
    request_body = NewSavedSearch,
    responses((status = 201, description = "Saved.", body = SavedSearchView)),
    security(("bearer" = []))
)]
#[post("/searches")]
pub async fn post_saved_search(
    session: Session,
    state: web::Data<AppState>,
    body: web::Json<NewSavedSearch>,
) -> Result<HttpResponse, HttpError> {
    crate::routes::dossiers::require_list_right(&session)?;
    body.validate()?;
    let body = body.into_inner();
    let at = state.clock.now_naive();
    let criteria = serde_json::to_string(&body.criteria).expect("criteria serialise");
    let row = state
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
    Ok(HttpResponse::Created().json(SavedSearchView {
        id: row.id,
        name: row.name,
        criteria: body.criteria,
    }))
}
