use actix_web::{post, web, HttpRequest, HttpResponse};
use hoso_api_types::auth::{RefreshRequest, SessionTokens};

use crate::error::HttpError;
use crate::state::AppState;

/// Exchange a refresh token for a new access token and a new refresh token.
///
/// Each refresh token works once. Presenting one that was already used means it was copied:
/// every token of that sign-in is revoked and the event is audited.
#[utoipa::path(
    tag = super::TAG,
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new session.", body = SessionTokens),
        (status = 401, description = "`unauthenticated`: unknown, expired, spent or revoked token, or the account can no longer sign in.", body = hoso_api_types::ErrorBody),
    )
)]
#[post("/auth/refresh")]
pub async fn post_refresh(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: crate::json::Json<RefreshRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::auth::refresh_session(&state.app, crate::auth::session::meta_of(&req), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(result))
}
