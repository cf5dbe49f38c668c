use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::AccountPage;
use hoso_app::accounts::list_accounts::AccountsQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The accounts the signed-in account manages: within its scope, of the kinds it manages.
/// Requires `manage_accounts`.
#[utoipa::path(
    tag = super::TAG,
    params(AccountsQuery),
    responses((status = 200, description = "One page of accounts, by username.", body = AccountPage)),
    security(("bearer" = []))
)]
#[get("/accounts")]
pub async fn get_accounts(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<AccountsQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::accounts::list_accounts(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
