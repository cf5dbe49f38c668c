use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::AccountView;
use hoso_domain::access::check_view_account;
use hoso_store::accounts;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

/// One account: one's own, or one the signed-in account manages. Others are 404.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Account id")),
    responses((status = 200, description = "The account.", body = AccountView)),
    security(("bearer" = []))
)]
#[get("/accounts/{id}")]
pub async fn get_account(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let id = id.into_inner();
    let found = state
        .db(move |conn| Ok(accounts::find(conn, &id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    check_view_account(&session.actor, &super::facts(&found)?)?;
    Ok(HttpResponse::Ok().json(views::account(&found)))
}
