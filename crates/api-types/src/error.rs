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

/// The error body as RFC 9457 problem details (`application/problem+json`), sent instead of
/// [`ErrorBody`] to a client whose `Accept` asks for it: the same facts, under the RFC's names
/// (`detail` is `message`) with `code`, `details` and `request_id` as extension members.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(
    feature = "openapi",
    schema(example = json!({
        "type": "urn:hoso:error:validation_failed",
        "title": "Unprocessable Entity",
        "status": 422,
        "detail": "Dữ liệu không hợp lệ.",
        "code": "validation_failed",
        "details": {"fields": [{"field": "birth_date", "code": "required", "message": "Bắt buộc nhập ngày sinh."}]},
        "request_id": "3f2a9c1e-0000-4000-8000-000000000000"
    }))
)]
pub struct ProblemDetails {
    /// `urn:hoso:error:<code>`: one URI per error code.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// The HTTP status's reason phrase, the same for every occurrence of the status.
    pub title: String,
    pub status: u16,
    /// Explanation for a person, in Vietnamese (`ErrorBody.message`).
    pub detail: String,
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<ErrorDetails>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}

impl ProblemDetails {
    pub fn new(body: ErrorBody, status: u16, title: &str) -> Self {
        ProblemDetails {
            problem_type: format!("urn:hoso:error:{}", body.code),
            title: title.to_owned(),
            status,
            detail: body.message,
            code: body.code,
            details: body.details,
            request_id: body.request_id,
        }
    }
}
