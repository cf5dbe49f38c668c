//! Sign-in sessions (SEC-3): passwords, access and refresh tokens, client credentials.

pub mod change_password;
pub mod client_token;
pub mod refresh_session;
pub mod sign_in;
pub mod sign_out;
pub use change_password::change_password;
pub use client_token::client_token;
pub use refresh_session::refresh_session;
pub use sign_in::sign_in;
pub use sign_out::sign_out;

use chrono::Utc;
use hoso_api_types::auth::SessionTokens;
use hoso_store::accounts::AccountWithUnit;
use hoso_store::{refresh_tokens, DbConnection};

use crate::error::AppError;
use crate::tokens::{AuthConfig, SUBJECT_ACCOUNT};
use crate::{secrets, views};

/// A new access token and a refresh token in `family` (a new family at sign-in, the same one
/// when rotating).
pub fn issue_session(
    conn: &mut DbConnection,
    auth: &AuthConfig,
    account: &AccountWithUnit,
    family: &str,
) -> Result<SessionTokens, AppError> {
    let row = &account.account;
    let refresh_token = secrets::random_token();
    let expires_at = Utc::now().naive_utc() + auth.refresh_ttl;
    refresh_tokens::insert(
        conn,
        &row.id,
        family,
        &secrets::digest(&refresh_token),
        expires_at,
    )?;
    Ok(SessionTokens {
        access_token: auth.jwt.issue(
            &row.id,
            SUBJECT_ACCOUNT,
            row.auth_version,
            None,
            Some(family),
            auth.access_ttl,
        ),
        token_type: "Bearer".into(),
        expires_in: auth.access_ttl.as_secs() as i64,
        refresh_token,
        must_change_password: row.must_change_password,
        account: views::account(account),
    })
}
