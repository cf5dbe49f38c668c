use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::SignInFailures;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Failed sign-ins of the last 24 hours: the accounts the caller manages that someone is
/// guessing the password of, from which addresses, and which addresses are refused now; for
/// province-wide administrators also the addresses that failed whatever the username.
/// Requires `manage_accounts` (403 otherwise).
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "Accounts and addresses with failed sign-ins.", body = SignInFailures),
        (status = 403, description = "`forbidden`: without `manage_accounts`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/accounts/sign-in-failures")]
pub async fn get_sign_in_failures(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::accounts::list_sign_in_failures(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
