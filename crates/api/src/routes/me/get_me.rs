use actix_web::{get, HttpResponse};
use hoso_api_types::accounts::Me;
use hoso_app::views;
use hoso_domain::access::manageable_kinds;

use crate::auth::SessionAllowingTemporaryPassword;

/// Who is signed in: the account, its scope and rights, and the kinds of account it manages.
/// Allowed with a temporary password, so the SPA can ask for the change.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The signed-in account.", body = Me)),
    security(("bearer" = []))
)]
#[get("/me")]
pub async fn get_me(session: SessionAllowingTemporaryPassword) -> HttpResponse {
    let session = session.0;
    let manages = if session
        .actor
        .rights
        .contains(hoso_domain::access::Right::ManageAccounts)
    {
        manageable_kinds(&session.actor)
    } else {
        Vec::new()
    };
    HttpResponse::Ok().json(Me {
        account: views::account(&session.account),
        manages,
    })
}
