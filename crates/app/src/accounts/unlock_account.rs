use hoso_api_types::accounts::{AccountActionRequest, AccountView};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Unlock an account locked by an administrator or refused after repeated failed sign-ins
/// (from every address).
pub async fn unlock_account(
    app: &App,
    session: Session,
    id: String,
    body: AccountActionRequest,
) -> Result<AccountView, AppError> {
    body.validate()?;
    let (saved, _) = app
        .db(move |conn| {
            conn.write_transaction(|conn| {
                // Every address refused for this account may try again.
                hoso_store::sign_in_throttles::clear_account(conn, &id)?;
                super::change_account(conn, &session, &id, "account.unlocked", &body, |row| {
                    let temporarily_locked = row.locked_until.is_some() || row.failed_logins > 0;
                    if row.status != hoso_store::accounts::STATUS_LOCKED && !temporarily_locked {
                        return Err(super::invalid_state("Tài khoản không bị khóa."));
                    }
                    row.status = hoso_store::accounts::STATUS_ACTIVE.into();
                    row.failed_logins = 0;
                    row.locked_until = None;
                    Ok(None)
                })
            })
        })
        .await?;
    Ok(views::account(&saved))
}
