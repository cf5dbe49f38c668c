use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountActionRequest, AccountView};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;

/// Lock an account: it can no longer sign in, and its sessions end at once (ACC-3).
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
#[post("/accounts/{id}/lock")]
pub async fn post_account_lock(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<AccountActionRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let (id, body) = (id.into_inner(), body.into_inner());
    let (saved, _) = state
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.locked", &body, |row| {
                if row.status != hoso_store::accounts::STATUS_ACTIVE {
                    return Err(super::invalid_state("Tài khoản không ở trạng thái hoạt động."));
                }
                row.status = hoso_store::accounts::STATUS_LOCKED.into();
                row.auth_version += 1;
                Ok(None)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(views::account(&saved)))
}
