use hoso_api_types::accounts::{AccountActionRequest, AccountView};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Lock an account: it can no longer sign in, and its sessions end at once (ACC-3).
pub async fn lock_account(
    app: &App,
    session: Session,
    id: String,
    body: AccountActionRequest,
) -> Result<AccountView, AppError> {
    body.validate()?;
    let (saved, _) = app
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.locked", &body, |row| {
                if row.status != hoso_store::accounts::STATUS_ACTIVE {
                    return Err(super::invalid_state("Tài khoản không ở trạng thái hoạt động."));
                }
                row.status = hoso_store::accounts::STATUS_LOCKED.into();
                row.auth_version += 1;
                Ok(None)
            })
        })
        .await?;
    Ok(views::account(&saved))
}
