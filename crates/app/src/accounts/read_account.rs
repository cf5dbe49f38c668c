use hoso_api_types::accounts::AccountView;
use hoso_domain::access::check_view_account;
use hoso_store::accounts;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// One account: one's own, or one the signed-in account manages. Others are 404.
pub async fn read_account(app: &App, session: Session, id: String) -> Result<AccountView, AppError> {
    let found = app
        .db(move |conn| Ok(accounts::find(conn, &id)?))
        .await?
        .ok_or(AppError::NotFound)?;
    check_view_account(&session.actor, &super::facts(&found)?)?;
    Ok(views::account(&found))
}
