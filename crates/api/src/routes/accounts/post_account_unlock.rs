use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{AccountActionRequest, AccountView};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;

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
    body: web::Json<AccountActionRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let (id, body) = (id.into_inner(), body.into_inner());
    let (saved, _) = state
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.unlocked", &body, |row| {
                let temporarily_locked = row.locked_until.is_some() || row.failed_logins > 0;
                if row.status != hoso_store::accounts::STATUS_LOCKED && !temporarily_locked {
                    return Err(super::invalid_state("Tài khoản không bị khóa."));
                }
                row.status = hoso_store::accounts::STATUS_ACTIVE.into();
                row.failed_logins = 0;
                row.locked_until = None;
                Ok(None)
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(views::account(&saved)))
}
