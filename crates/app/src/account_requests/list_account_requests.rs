use hoso_api_types::accounts::AccountRequestView;
use hoso_domain::access::{AccountKind, Right};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Account requests: Sở Nội vụ sees all, an agency those for units in its subtree.
/// Requires `manage_accounts`.
pub async fn list_account_requests(
    app: &App,
    session: Session,
    query: RequestsQuery,
) -> Result<Vec<AccountRequestView>, AppError> {
    if !session.actor.rights.contains(Right::ManageAccounts) || session.actor.kind == AccountKind::Personal {
        return Err(AppError::Forbidden);
    }
    let within = session.actor.scope.prefix().map(str::to_owned);
    let status = query.status;
    let rows = app
        .db(move |conn| {
            Ok(hoso_store::account_requests::list(
                conn,
                within.as_deref(),
                status.as_deref(),
            )?)
        })
        .await?;
    Ok(rows.iter().map(views::account_request).collect::<Vec<_>>())
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct RequestsQuery {
    /// `pending`, `approved` or `rejected`.
    pub status: Option<String>,
}
