use actix_web::{post, web, HttpRequest, HttpResponse};
use hoso_api_types::auth::{LoginRequest, SessionTokens};

use crate::error::HttpError;
use crate::state::AppState;

/// Sign in with username and password.
///
/// Answers the same `invalid_credentials` for an unknown username and a wrong password, after
/// the same work. Each failure delays the answer a little more. The fifth for an account from
/// one client address refuses that address for the account for 15 minutes, the twentieth from
/// one address (any usernames) refuses the address (`too_many_attempts`, with `Retry-After`);
/// the holder signing in from another address is let through. Every attempt is in the audit
/// trail.
#[utoipa::path(
    tag = super::TAG,
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in. With `must_change_password`, only the password change is allowed until it is done.", body = SessionTokens),
        (status = 401, description = "`invalid_credentials`.", body = hoso_api_types::ErrorBody),
        (status = 403, description = "`account_locked` by an administrator.", body = hoso_api_types::ErrorBody),
        (status = 429, description = "`too_many_attempts`: this address is refused for a while (`Retry-After`).", body = hoso_api_types::ErrorBody),
    )
)]
#[post("/auth/login")]
pub async fn post_login(
    req: HttpRequest,
    state: web::Data<AppState>,
    body: crate::json::Json<LoginRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::auth::sign_in(&state.app, crate::auth::session::meta_of(&req), body.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(result))
}
