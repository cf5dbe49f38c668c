use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{CreateAccountRequest, IssuedCredentials};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Create and issue an account (ACC-3, ACC-6). Administrators create any kind; agencies (and
/// HR specialists with `manage_accounts`) create personal accounts in their subtree. Nobody
/// grants a right they lack or a scope beyond their own (SEC-4); a person has at most one
/// personal account (ACC-2). The answer carries a temporary password, shown once, that must be
/// changed at the first sign-in.
#[utoipa::path(
    tag = super::TAG,
    request_body = CreateAccountRequest,
    responses(
        (status = 201, description = "Created, with its one-time temporary password.", body = IssuedCredentials),
        (status = 409, description = "`username_taken` or `person_has_account`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/accounts")]
pub async fn post_account(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<CreateAccountRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::accounts::create_account(&state, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
