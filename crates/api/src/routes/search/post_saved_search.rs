use actix_web::{post, web, HttpResponse};
use hoso_api_types::search::{NewSavedSearch, SavedSearchView};

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
    body: crate::json::Json<NewSavedSearch>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::search::create_saved_search(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
