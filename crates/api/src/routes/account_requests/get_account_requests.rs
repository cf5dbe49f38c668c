use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::AccountRequestView;
use hoso_domain::access::{AccountKind, Right};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

#[derive(Debug, Deserialize, IntoParams)]
pub struct RequestsQuery {
    /// `pending`, `approved` or `rejected`.
    pub status: Option<String>,
}

/// Account requests: Sở Nội vụ sees all, an agency those for units in its subtree.
/// Requires `manage_accounts`.
#[utoipa::path(
    tag = super::TAG,
    params(RequestsQuery),
    responses((status = 200, description = "Requests, newest first.", body = [AccountRequestView])),
    security(("bearer" = []))
)]
#[get("/account-requests")]
pub async fn get_account_requests(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<RequestsQuery>,
) -> Result<HttpResponse, HttpError> {
    if !session.actor.rights.contains(Right::ManageAccounts) || session.actor.kind == AccountKind::Personal {
        return Err(AppError::Forbidden.into());
    }
    let within = session.actor.scope.prefix().map(str::to_owned);
    let status = query.into_inner().status;
    let rows = state
        .db(move |conn| {
            Ok(hoso_store::account_requests::list(
                conn,
                within.as_deref(),
                status.as_deref(),
            )?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(rows.iter().map(views::account_request).collect::<Vec<_>>()))
}
