//! Accounts, their lifecycle, account requests and API clients (ACC-1…7).

use chrono::{DateTime, NaiveDate, Utc};
use hoso_domain::access::{AccountKind, Right};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::units::UnitRef;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub kind: AccountKind,
    /// The unit whose subtree the account acts in; absent for administrators (the province).
    pub unit: Option<UnitRef>,
    /// For personal accounts, the person they belong to.
    pub person_id: Option<String>,
    pub rights: Vec<Right>,
    /// The officer an agency account is handed to (ACC-4).
    pub holder_name: Option<String>,
    /// `active`, `locked` or `revoked`.
    pub status: String,
    /// A personal account whose person's service ended on this day: it signs in and reads its
    /// own dossier and access log, and changes nothing (SEC-3).
    #[serde(default)]
    pub read_only_since: Option<chrono::NaiveDate>,
    pub must_change_password: bool,
    /// Set while sign-in is refused after repeated failures.
    pub locked_until: Option<DateTime<Utc>>,
    pub last_login_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Send back with a change; a change against an older version is refused with 409.
    pub version: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountPage {
    pub items: Vec<AccountView>,
    pub total: i64,
    pub limit: i64,
    pub offset: i64,
}

/// The written decision an account change rests on (ACC-4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DecisionRef {
    /// Number of the decision, e.g. `15/QĐ-SNV`.
    #[validate(length(min = 1, max = 64, message = "Nhập số quyết định."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub number: String,
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub date: NaiveDate,
    /// Who signed it.
    #[validate(length(min = 1, max = 128, message = "Nhập người ký quyết định."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub signer: String,
    /// The scanned copy, uploaded first with `POST /documents`. Required for a hand-over.
    #[serde(default)]
    pub document_id: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateAccountRequest {
    #[validate(length(min = 3, max = 64, message = "Tên đăng nhập dài từ 3 đến 64 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 64))]
    pub username: String,
    #[validate(length(min = 1, max = 200, message = "Nhập tên hiển thị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub display_name: String,
    pub kind: AccountKind,
    /// Required for every kind but `admin`.
    pub unit_id: Option<String>,
    /// Required for `personal` accounts.
    pub person_id: Option<String>,
    #[serde(default)]
    pub rights: Vec<Right>,
    pub holder_name: Option<String>,
    /// Where the holder is told the account exists (its user name and the sign-in address,
    /// never the password) and later messages go; they may change it or switch kinds off.
    #[validate(
        email(message = "Địa chỉ email không hợp lệ."),
        length(max = 254, message = "Địa chỉ email dài tối đa 254 ký tự.")
    )]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    #[serde(default)]
    pub email: Option<String>,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    #[validate(nested)]
    pub decision: Option<DecisionRef>,
}

/// The new account and its one-time temporary password, shown once.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuedCredentials {
    pub account: AccountView,
    /// Must be changed at first sign-in; never shown again.
    pub temporary_password: String,
}

/// Change, restrict or expand an account: fields left out stay as they are.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ChangeAccountRequest {
    pub version: i32,
    #[validate(length(min = 1, max = 200, message = "Nhập tên hiển thị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub display_name: Option<String>,
    pub rights: Option<Vec<Right>>,
    pub unit_id: Option<String>,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    #[validate(nested)]
    pub decision: Option<DecisionRef>,
}

/// Lock, unlock, revoke or reset the password of an account.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct AccountActionRequest {
    pub version: i32,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    #[validate(nested)]
    pub decision: Option<DecisionRef>,
}

/// Hand an agency account over to another officer under a written decision (ACC-4).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct HandOverRequest {
    pub version: i32,
    #[validate(length(min = 1, max = 200, message = "Nhập họ tên cán bộ nhận bàn giao."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub holder_name: String,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    #[validate(nested)]
    pub decision: DecisionRef,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FileAccountRequest {
    pub unit_id: String,
    /// `agency` or `specialist`.
    pub kind: AccountKind,
    #[validate(length(min = 3, max = 64, message = "Tên đăng nhập dài từ 3 đến 64 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 64))]
    pub username: String,
    #[validate(length(min = 1, max = 200, message = "Nhập tên hiển thị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub display_name: String,
    #[serde(default)]
    pub rights: Vec<Right>,
    #[validate(length(min = 1, max = 2000, message = "Nhập lý do đề nghị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub justification: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DecideRequest {
    #[validate(length(min = 1, max = 1000, message = "Nhập ý kiến."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountRequestView {
    pub id: String,
    pub requested_by: String,
    pub unit_id: String,
    pub kind: AccountKind,
    pub username: String,
    pub display_name: String,
    pub rights: Vec<Right>,
    pub justification: String,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    pub decided_by: Option<String>,
    pub decided_at: Option<DateTime<Utc>>,
    pub decision_note: Option<String>,
    pub created_account_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The outcome of approving a request: the request and the account it created.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApprovedAccountRequest {
    pub request: AccountRequestView,
    pub credentials: IssuedCredentials,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiClientView {
    pub id: String,
    /// The `client_id` of the client-credentials grant.
    pub client_id: String,
    pub name: String,
    pub scopes: Vec<String>,
    /// The written consent of the competent authority the connection rests on (INT-3).
    pub consent_reference: String,
    /// `active` or `revoked`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CreateApiClientRequest {
    #[validate(length(min = 1, max = 200, message = "Nhập tên hệ thống kết nối."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub name: String,
    pub scopes: Vec<String>,
    #[validate(length(min = 1, max = 200, message = "Nhập văn bản đồng ý kết nối."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 200))]
    pub consent_reference: String,
}

/// The client and its secret, shown once.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct IssuedClientSecret {
    pub client: ApiClientView,
    pub client_secret: String,
}

/// Who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub account: AccountView,
    /// The kinds of account this account may manage (empty for most).
    pub manages: Vec<AccountKind>,
}

/// Failed sign-ins of the last 24 hours (issue #19, defect 3), for administrators: the accounts
/// someone is guessing the password of, and the addresses refused for guessing many usernames.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInFailures {
    /// Accounts the caller manages with failed sign-ins, most recent first.
    pub accounts: Vec<AccountUnderAttack>,
    /// Addresses with failures whatever the username; province-wide administrators only (empty
    /// for others).
    pub addresses: Vec<AddressFailures>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountUnderAttack {
    pub account_id: String,
    pub username: String,
    pub display_name: String,
    /// Failures over every address.
    pub failures: i32,
    /// Addresses refused for this account now.
    pub refused_addresses: i32,
    pub last_failure_at: DateTime<Utc>,
    /// One line per address, most recent first.
    pub from: Vec<AddressFailures>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressFailures {
    /// The client address (behind a trusted proxy, the one it forwarded).
    pub address: String,
    pub failures: i32,
    pub first_failure_at: DateTime<Utc>,
    pub last_failure_at: DateTime<Utc>,
    /// Set while sign-in from this address is refused.
    pub refused_until: Option<DateTime<Utc>>,
}
