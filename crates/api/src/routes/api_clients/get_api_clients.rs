use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::ApiClientView;
use hoso_domain::access::check_manage_api_clients;
use hoso_store::api_clients;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;

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
    check_manage_api_clients(&session.actor)?;
    let rows = state.db(|conn| Ok(api_clients::list(conn)?)).await?;
    Ok(HttpResponse::Ok().json(rows.iter().map(views::api_client).collect::<Vec<_>>()))
}
