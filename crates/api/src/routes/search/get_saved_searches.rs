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
    let result = hoso_app::search::list_saved_searches(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
