use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountActionRequest, IssuedCredentials};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Reset the password of a lost or compromised account (ACC-5): a new temporary password,
/// shown once, to be changed at the next sign-in; every session ends at once.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Account id")),
    request_body = AccountActionRequest,
    responses(
        (status = 200, description = "The account and its new temporary password.", body = IssuedCredentials),
        (status = 409, description = "`stale_version` or `invalid_state`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/accounts/{id}/reset-password")]
pub async fn post_account_reset_password(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<AccountActionRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::accounts::reset_account_password(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}
