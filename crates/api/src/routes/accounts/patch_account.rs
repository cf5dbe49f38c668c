use actix_web::{patch, web, HttpResponse};
use hoso_api_types::accounts::{AccountView, ChangeAccountRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Change an account: its name, its rights (restrict or expand) or its unit (ACC-3). The
/// signed-in account must manage the account both as it is and as it will be, and cannot
/// grant what it lacks (SEC-4). A change of rights or unit ends the account's sessions at once.
/// Audited as `account.restricted`, `account.expanded` or `account.changed`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Account id")),
    request_body = ChangeAccountRequest,
    responses(
        (status = 200, description = "The changed account.", body = AccountView),
        (status = 409, description = "`stale_version` or `invalid_state`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[patch("/accounts/{id}")]
pub async fn patch_account(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<ChangeAccountRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::accounts::update_account(&state, session.0, id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
