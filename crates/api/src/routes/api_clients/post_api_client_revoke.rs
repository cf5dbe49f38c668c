use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{ApiClientView, DecideRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Revoke a client for good: its tokens stop working at once.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "API client id")),
    request_body = DecideRequest,
    responses((status = 200, description = "Revoked.", body = ApiClientView)),
    security(("bearer" = []))
)]
#[post("/api-clients/{id}/revoke")]
pub async fn post_api_client_revoke(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<DecideRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::api_clients::revoke_api_client(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}
