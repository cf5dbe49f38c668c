use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::ApiClientView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Every API client (administrators with `manage_api_clients`). Secrets are never shown.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "API clients by name.", body = [ApiClientView])),
    security(("bearer" = []))
)]
#[get("/api-clients")]
pub async fn get_api_clients(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::api_clients::list_api_clients(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
