//! The one error body every endpoint answers with when it does not succeed.

use hoso_domain::FieldError;
use serde::{Deserialize, Serialize};

/// `{code, message, details}`: `code` is stable and meant for programs, `message` is Vietnamese
/// and meant for people, `details` says which fields were wrong when that is the problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(example = json!({
        "code": "validation_failed",
        "message": "Dữ liệu không hợp lệ.",
        "details": {"fields": [{"field": "birth_date", "code": "required", "message": "Bắt buộc nhập ngày sinh."}]}
    }))
)]
pub struct ErrorBody {
    /// Stable snake_case identifier of the error, e.g. `not_found`, `validation_failed`.
    pub code: String,
    /// Explanation for a person, in Vietnamese.
    pub message: String,
    /// Further facts about the error, when there are any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<ErrorDetails>,
    /// Identifier of the request, to quote when reporting a problem; the same as the
    /// `X-Request-Id` response header.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorDetails {
    /// The fields that failed validation, each with its own reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<FieldError>,
    /// The dossier the request collides with (`person_exists`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier_id: Option<String>,
}
