use actix_web::{get, web, HttpResponse};
use hoso_api_types::accounts::AccountPage;
use hoso_domain::access::{check_list_accounts, manageable_kinds, AccountKind};
use hoso_store::accounts::{self, AccountFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;

#[derive(Debug, Deserialize, IntoParams)]
pub struct AccountsQuery {
    pub kind: Option<AccountKind>,
    pub unit_id: Option<String>,
    /// `active`, `locked` or `revoked`.
    pub status: Option<String>,
    /// Part of the username or display name.
    pub q: Option<String>,
    /// 1–200, default 50.
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

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
    check_list_accounts(&session.actor)?;
    let query = query.into_inner();
    let filter = AccountFilter {
        within: session.actor.scope.prefix().map(str::to_owned),
        kinds: manageable_kinds(&session.actor)
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        kind: query.kind.map(|k| k.as_str().to_owned()),
        unit_id: query.unit_id,
        status: query.status,
        text: query.q,
        limit: query.limit.unwrap_or(50).clamp(1, 200),
        offset: query.offset.unwrap_or(0).max(0),
    };
    let (limit, offset) = (filter.limit, filter.offset);
    let (rows, total) = state.db(move |conn| Ok(accounts::list(conn, &filter)?)).await?;
    Ok(HttpResponse::Ok().json(AccountPage {
        items: rows.iter().map(views::account).collect(),
        total,
        limit,
        offset,
    }))
}
