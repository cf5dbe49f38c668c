use hoso_api_types::accounts::AccountPage;
use hoso_domain::access::{check_list_accounts, manageable_kinds, AccountKind};
use hoso_store::accounts::{self, AccountFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// The accounts the signed-in account manages: within its scope, of the kinds it manages.
/// Requires `manage_accounts`.
pub async fn list_accounts(
    app: &App,
    session: Session,
    query: AccountsQuery,
) -> Result<AccountPage, AppError> {
    check_list_accounts(&session.actor)?;
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
    let (rows, total) = app.db(move |conn| Ok(accounts::list(conn, &filter)?)).await?;
    Ok(AccountPage {
        items: rows.iter().map(views::account).collect(),
        total,
        limit,
        offset,
    })
}

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
