//! Sign-in, tokens and passwords.

use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::accounts::AccountView;

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    #[validate(length(min = 1, max = 64, message = "Nhập tên đăng nhập."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub username: String,
    #[validate(length(min = 1, max = 128, message = "Nhập mật khẩu."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub password: String,
}

/// A signed-in session: a short-lived access token for `Authorization: Bearer …` and a
/// refresh token that obtains the next one (each refresh token works once).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionTokens {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    pub refresh_token: String,
    /// True when the password is temporary: every other request is refused until it is changed.
    pub must_change_password: bool,
    pub account: AccountView,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    #[validate(length(min = 1, message = "Nhập mật khẩu hiện tại."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1))]
    pub current_password: String,
    pub new_password: String,
}

/// OAuth2 client-credentials request (RFC 6749 §4.4), sent as
/// `application/x-www-form-urlencoded`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientTokenRequest {
    /// Must be `client_credentials`.
    pub grant_type: String,
    pub client_id: String,
    pub client_secret: String,
    /// Space-separated scopes wanted; all the client's scopes when absent.
    #[serde(default)]
    pub scope: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClientTokenResponse {
    pub access_token: String,
    pub token_type: String,
    pub expires_in: i64,
    /// The scopes granted, space-separated.
    pub scope: String,
}
