use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountActionRequest, AccountView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Revoke an account for good (ACC-3): it never signs in again; its record and history stay.
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
#[post("/accounts/{id}/revoke")]
pub async fn post_account_revoke(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<AccountActionRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::accounts::revoke_account(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
