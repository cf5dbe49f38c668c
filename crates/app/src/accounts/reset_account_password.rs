use hoso_api_types::accounts::{AccountActionRequest, IssuedCredentials};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Reset the password of a lost or compromised account (ACC-5): a new temporary password,
/// shown once, to be changed at the next sign-in; every session ends at once.
pub async fn reset_account_password(
    app: &App,
    session: Session,
    id: String,
    body: AccountActionRequest,
) -> Result<IssuedCredentials, AppError> {
    body.validate()?;
    let (saved, password) = app
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.password_reset", &body, |row| {
                Ok(Some(super::issue_temporary_password(row)))
            })
        })
        .await?;
    Ok(super::credentials(&saved, password.unwrap_or_default()))
}
