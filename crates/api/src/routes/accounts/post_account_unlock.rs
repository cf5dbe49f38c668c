use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountActionRequest, AccountView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Unlock an account locked by an administrator or after repeated failed sign-ins.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Account id")),
    request_body = AccountActionRequest,
    responses(
        (status = 200, description = "The account after the change.", body = AccountView),
        (status = 409, description = "`stale_version` or `invalid_state`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/accounts/{id}/unlock")]
pub async fn post_account_unlock(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<AccountActionRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::accounts::unlock_account(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
