use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::IssuedClientSecret;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Issue a new secret; the old one and every token obtained with it stop working at once.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "API client id")),
    responses((status = 200, description = "The new one-time secret.", body = IssuedClientSecret)),
    security(("bearer" = []))
)]
#[post("/api-clients/{id}/rotate-secret")]
pub async fn post_api_client_rotate_secret(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::api_clients::rotate_api_client_secret(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
