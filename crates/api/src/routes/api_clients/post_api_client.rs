use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{CreateApiClientRequest, IssuedClientSecret};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Register another system. The answer holds its `client_id` and secret; the secret is shown
/// this once and stored only as a digest.
#[utoipa::path(
    tag = super::TAG,
    request_body = CreateApiClientRequest,
    responses((status = 201, description = "Registered, with its one-time secret.", body = IssuedClientSecret)),
    security(("bearer" = []))
)]
#[post("/api-clients")]
pub async fn post_api_client(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<CreateApiClientRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::api_clients::create_api_client(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
