use actix_web::{post, web, HttpResponse};
use hoso_api_types::auth::{ChangePasswordRequest, SessionTokens};

use crate::auth::SessionAllowingTemporaryPassword;
use crate::error::HttpError;
use crate::state::AppState;

/// Change one's own password, including the forced change of a temporary one (ACC-5).
/// Every other session of the account ends; the answer is a fresh session for this one.
#[utoipa::path(
    tag = super::TAG,
    request_body = ChangePasswordRequest,
    responses(
        (status = 200, description = "Password changed; a new session.", body = SessionTokens),
        (status = 422, description = "`validation_failed`: the current password is wrong or the new one breaks the policy.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/auth/password")]
pub async fn post_password(
    session: SessionAllowingTemporaryPassword,
    state: web::Data<AppState>,
    body: crate::json::Json<ChangePasswordRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::auth::change_password(&state.app, session.0 .0, body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(result))
}
