use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::AccountView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

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
    let result = hoso_app::accounts::read_account(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
