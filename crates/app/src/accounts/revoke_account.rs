use hoso_api_types::accounts::{AccountActionRequest, AccountView};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Revoke an account for good (ACC-3): it never signs in again; its record and history stay.
pub async fn revoke_account(
    app: &App,
    session: Session,
    id: String,
    body: AccountActionRequest,
) -> Result<AccountView, AppError> {
    body.validate()?;
    let (saved, _) = app
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.revoked", &body, |row| {
                row.status = hoso_store::accounts::STATUS_REVOKED.into();
                row.auth_version += 1;
                Ok(None)
            })
        })
        .await?;
    Ok(views::account(&saved))
}
