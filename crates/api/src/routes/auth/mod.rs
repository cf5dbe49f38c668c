//! Sign-in, token refresh, sign-out, client credentials and password change.

use chrono::Utc;
use hoso_api_types::auth::SessionTokens;
use hoso_store::accounts::AccountWithUnit;
use hoso_store::{refresh_tokens, DbConnection};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::tokens::SUBJECT_ACCOUNT;
use crate::auth::{secrets, AuthConfig};
use hoso_app::views;
use hoso_app::AppError;

pub mod post_login;
pub mod post_logout;
pub mod post_password;
pub mod post_refresh;
pub mod post_token;

pub const TAG: &str = "auth";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_login::post_login)
        .service(post_refresh::post_refresh)
        .service(post_logout::post_logout)
        .service(post_token::post_token)
        .service(post_password::post_password);
}

/// A new access token and a refresh token in `family` (a new family at sign-in, the same one
/// when rotating).
pub(crate) fn issue_session(
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
        access_token: auth
            .jwt
            .issue(&row.id, SUBJECT_ACCOUNT, row.auth_version, None, auth.access_ttl),
        token_type: "Bearer".into(),
        expires_in: auth.access_ttl.as_secs() as i64,
        refresh_token,
        must_change_password: row.must_change_password,
        account: views::account(account),
    })
}
