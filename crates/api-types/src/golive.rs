//! Putting a province into service (issue #14): the first run, recruitments, employment
//! categories with their history, proposals of new units, national identifiers.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::accounts::DecisionRef;
use crate::units::UnitRef;

/// Whether the deployment still waits for its first run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupStatus {
    /// True while no province and no administrator exist: the SPA then shows the first-run page.
    pub needed: bool,
    /// The province, once set up.
    pub province: Option<UnitRef>,
}

/// The first run (`hoso init` does the same from the command line).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SetupRequest {
    /// The one-time token the server printed at start (`setup token: …`).
    #[validate(length(min = 1, max = 128, message = "Nhập mã thiết lập do máy chủ in ra."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub setup_token: String,
    /// Code of the province in `provinces` (2 digits), e.g. `33` for Hưng Yên.
    #[validate(length(equal = 2, message = "Mã tỉnh gồm 2 chữ số."))]
    pub province_code: String,
    #[validate(length(min = 3, max = 64, message = "Tên đăng nhập dài từ 3 đến 64 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 3, max_length = 64))]
    pub admin_username: String,
    #[validate(length(min = 1, max = 128, message = "Nhập tên hiển thị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 128))]
    pub admin_display_name: String,
    /// The administrator's password (the password policy applies).
    pub admin_password: String,
}

/// What the first run made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SetupResult {
    pub province: UnitRef,
    pub home_affairs: UnitRef,
    pub admin_username: String,
}

/// A recruitment (ACC-6, DOS-1): the person, where they serve, in which category, and the
/// decision or labour contract (its scanned copy required).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct RecruitRequest {
    #[validate(length(min = 1, max = 100, message = "Nhập họ và tên."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub full_name: String,
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub birth_date: NaiveDate,
    /// `genders`: `1` male, `2` female.
    pub gender: String,
    /// 12-digit citizen ID; unique among people: a second dossier is never opened for one person.
    pub citizen_id: String,
    /// `civil_servant`, `public_employee` or `contract_worker`.
    pub category: String,
    /// `contract_types`, for contract workers only (Decree 111/2022/NĐ-CP).
    #[serde(default)]
    pub contract_type: Option<String>,
    /// End of a fixed-term contract (at most 36 months).
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub contract_ends_on: Option<NaiveDate>,
    pub unit_id: String,
    /// A job position of the unit (`GET /units/{id}/positions`).
    #[serde(default)]
    pub job_position_id: Option<String>,
    /// First day of service; defaults to the decision's date, never before it.
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub starts_on: Option<NaiveDate>,
    /// The recruitment decision or labour contract; `document_id` (its scan) is required and
    /// its date not in the future.
    #[validate(nested)]
    pub decision: DecisionRef,
}

/// A recruitment as lists show it, with the account deadline (ACC-6).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecruitmentView {
    pub id: String,
    pub person_id: String,
    pub full_name: String,
    pub dossier_id: String,
    pub dossier_number: String,
    pub unit: UnitRef,
    pub category: String,
    /// `decision` (recruitment decision) or `contract` (labour contract).
    pub basis: String,
    pub decision_number: String,
    pub decision_date: NaiveDate,
    /// The personal account is due by this day (working days of the profile after the decision).
    pub account_due_on: NaiveDate,
    pub has_account: bool,
    /// Due and still without an account.
    pub overdue: bool,
    pub recruited_at: DateTime<Utc>,
}

/// A change of a person's employment category on a decision (ORG-2).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CategoryChangeRequest {
    /// `civil_servant`, `public_employee` or `contract_worker`.
    pub category: String,
    #[serde(default)]
    pub contract_type: Option<String>,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub contract_ends_on: Option<NaiveDate>,
    /// First day in the new category; not before the decision, after the current period began.
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub starts_on: NaiveDate,
    /// The decision; its scan (`document_id`) is required.
    #[validate(nested)]
    pub decision: DecisionRef,
}

/// One period of a person's category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryPeriodView {
    pub category: String,
    pub contract_type: Option<String>,
    pub contract_ends_on: Option<NaiveDate>,
    pub valid_from: NaiveDate,
    /// First day it no longer held; absent while it does.
    pub valid_to: Option<NaiveDate>,
    pub decision_number: Option<String>,
    pub decision_date: Option<NaiveDate>,
    pub decision_signer: Option<String>,
    pub decision_document_id: Option<String>,
}

/// An agency's proposal of a new unit under one of its own (decided by Sở Nội vụ).
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitProposalRequest {
    pub parent_id: String,
    #[validate(length(min = 1, max = 64, message = "Nhập mã đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 64))]
    pub code: String,
    #[validate(length(min = 1, max = 300, message = "Nhập tên đơn vị."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 300))]
    pub name: String,
    /// Any kind of `GET /unit-kinds` but `province`.
    pub kind: String,
    /// The day the unit is to exist from (not in the future when it is approved).
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub effective_date: NaiveDate,
    #[validate(length(min = 1, max = 1000, message = "Nhập lý do."))]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 1000))]
    pub reason: String,
    #[validate(nested)]
    pub decision: Option<DecisionRef>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitProposalView {
    pub id: String,
    pub parent: UnitRef,
    pub code: String,
    pub name: String,
    pub kind: String,
    pub effective_date: NaiveDate,
    pub reason: String,
    pub decision_number: Option<String>,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    pub decision_note: Option<String>,
    pub created_unit_id: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Sở Nội vụ's answer to a proposal.
#[derive(Debug, Clone, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct UnitProposalDecision {
    #[serde(default)]
    #[validate(length(max = 1000, message = "Ghi chú tối đa 1000 ký tự."))]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub note: Option<String>,
}

/// A kind of unit and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitKindView {
    pub code: String,
    pub label: String,
}

/// The national identifier (mã định danh) and national dossier code of a dossier (CTX-1);
/// `null` clears one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NationalIdsRequest {
    pub national_identifier: Option<String>,
    pub national_dossier_code: Option<String>,
}
