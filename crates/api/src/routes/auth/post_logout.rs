use actix_web::{post, web, HttpResponse};
use hoso_api_types::auth::RefreshRequest;

use crate::auth::SessionAllowingTemporaryPassword;
use crate::error::HttpError;
use crate::state::AppState;

/// Sign out: the refresh token and every token rotated from the same sign-in stop working.
#[utoipa::path(
    tag = super::TAG,
    request_body = RefreshRequest,
    responses((status = 204, description = "Signed out.")),
    security(("bearer" = []))
)]
#[post("/auth/logout")]
pub async fn post_logout(
    session: SessionAllowingTemporaryPassword,
    state: web::Data<AppState>,
    body: crate::json::Json<RefreshRequest>,
) -> Result<HttpResponse, HttpError> {
    hoso_app::auth::sign_out(&state, session.0 .0, body.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
