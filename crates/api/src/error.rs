//! The one error type of the API. Every handler returns it; it becomes the JSON body
//! `{code, message, details, request_id}` with its HTTP status, mapped here and nowhere else.
//! Causes of server-side failures are logged with the request id and never sent to clients.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use hoso_api_types::{ErrorBody, ErrorDetails};
use hoso_domain::access::Denial;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::StoreError;

use crate::request_id;

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request was understood but its content breaks rules; each field says why.
    #[error("validation failed: {0:?}")]
    Validation(FieldErrors),
    /// The request cannot be read (bad JSON, bad query or path parameter).
    #[error("malformed request: {0}")]
    Malformed(String),
    #[error("authentication required")]
    Unauthenticated,
    /// Wrong username or password (which of the two is not said).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// Wrong client id or secret in the client-credentials grant.
    #[error("invalid client")]
    InvalidClient,
    /// Signed in with a temporary password: it must be changed first (ACC-5).
    #[error("password change required")]
    PasswordChangeRequired,
    /// The account was locked by an administrator.
    #[error("account locked")]
    AccountLocked,
    /// Sign-in refused for a while after repeated failures.
    #[error("too many attempts; retry after {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: u64 },
    #[error("forbidden")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    /// The request conflicts with the current state, e.g. a stale version.
    #[error("conflict: {code}")]
    Conflict { code: &'static str, message: String },
    /// A person with this citizen ID already has a dossier (one dossier per person, DOS-1).
    #[error("person exists: dossier {dossier_id}")]
    PersonExists {
        dossier_id: String,
        dossier_number: String,
        in_service: bool,
    },
    #[error("payload larger than {limit} bytes")]
    PayloadTooLarge { limit: usize },
    #[error("unsupported media type")]
    UnsupportedMediaType,
    /// A dependency (the database) is unavailable; the client may retry.
    #[error("unavailable: {0}")]
    Unavailable(String),
    #[error("internal error: {0}")]
    Internal(String),
}

/// Every code the API answers with. `docs/api.md` documents each one; a test checks that.
pub const ERROR_CODES: &[&str] = &[
    "validation_failed",
    "malformed_request",
    "unauthenticated",
    "invalid_credentials",
    "invalid_client",
    "password_change_required",
    "account_locked",
    "too_many_attempts",
    "stale_version",
    "username_taken",
    "person_has_account",
    "already_decided",
    "invalid_state",
    "code_taken",
    "dossier_exists",
    "person_exists",
    "already_initialised",
    "dossier_locked",
    "review_pending",
    "window_closed",
    "no_signing_certificate",
    "same_signer",
    "dossier_archived",
    "transfer_pending",
    "report_not_ready",
    "forbidden",
    "not_found",
    "method_not_allowed",
    "conflict",
    "payload_too_large",
    "unsupported_media_type",
    "unavailable",
    "internal_error",
];

impl ApiError {
    /// The record changed since the client read it (optimistic concurrency).
    pub fn stale() -> Self {
        ApiError::Conflict {
            code: "stale_version",
            message: "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại rồi thực hiện lại thao tác."
                .into(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Validation(_) => "validation_failed",
            ApiError::Malformed(_) => "malformed_request",
            ApiError::Unauthenticated => "unauthenticated",
            ApiError::InvalidCredentials => "invalid_credentials",
            ApiError::InvalidClient => "invalid_client",
            ApiError::PasswordChangeRequired => "password_change_required",
            ApiError::AccountLocked => "account_locked",
            ApiError::TooManyAttempts { .. } => "too_many_attempts",
            ApiError::Forbidden => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::MethodNotAllowed => "method_not_allowed",
            ApiError::Conflict { code, .. } => code,
            ApiError::PersonExists { .. } => "person_exists",
            ApiError::PayloadTooLarge { .. } => "payload_too_large",
            ApiError::UnsupportedMediaType => "unsupported_media_type",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Internal(_) => "internal_error",
        }
    }

    /// The Vietnamese sentence shown to people.
    pub fn message(&self) -> String {
        match self {
            ApiError::Validation(_) => {
                "Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.".into()
            }
            ApiError::Malformed(_) => "Yêu cầu không đúng định dạng.".into(),
            ApiError::Unauthenticated => "Bạn cần đăng nhập để thực hiện thao tác này.".into(),
            ApiError::InvalidCredentials => "Tên đăng nhập hoặc mật khẩu không đúng.".into(),
            ApiError::InvalidClient => "Mã ứng dụng hoặc khóa bí mật không đúng.".into(),
            ApiError::PasswordChangeRequired => "Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.".into(),
            ApiError::AccountLocked => "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.".into(),
            ApiError::TooManyAttempts { retry_after_secs } => format!(
                "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {} phút.",
                retry_after_secs.div_ceil(60)
            ),
            ApiError::Forbidden => "Bạn không có quyền thực hiện thao tác này.".into(),
            ApiError::NotFound => "Không tìm thấy dữ liệu được yêu cầu.".into(),
            ApiError::MethodNotAllowed => "Phương thức không được hỗ trợ cho địa chỉ này.".into(),
            ApiError::Conflict { message, .. } => message.clone(),
            ApiError::PersonExists {
                dossier_number,
                in_service,
                ..
            } => {
                if *in_service {
                    format!("Số căn cước này đã có trong hồ sơ {dossier_number} của một người đang công tác; mỗi người chỉ có một hồ sơ.")
                } else {
                    format!("Số căn cước này thuộc hồ sơ {dossier_number} đã lưu trữ (người đã thôi công tác); hãy tiếp nhận lại qua hồ sơ đó, không mở hồ sơ thứ hai.")
                }
            }
            ApiError::PayloadTooLarge { limit } => {
                format!("Dữ liệu gửi lên quá lớn (tối đa {} KB).", limit.div_ceil(1024))
            }
            ApiError::UnsupportedMediaType => {
                "Nội dung gửi lên phải ở dạng JSON (Content-Type: application/json).".into()
            }
            ApiError::Unavailable(_) => {
                "Hệ thống tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.".into()
            }
            ApiError::Internal(_) => {
                "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.".into()
            }
        }
    }

    /// The message with each failed field, for the command line.
    pub fn message_with_fields(&self) -> String {
        match self {
            ApiError::Validation(fields) => fields
                .as_slice()
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; "),
            other => format!("{} ({})", other.message(), other.code()),
        }
    }

    pub fn body(&self) -> ErrorBody {
        let details = match self {
            ApiError::Validation(fields) => Some(ErrorDetails {
                fields: fields.as_slice().to_vec(),
                dossier_id: None,
            }),
            ApiError::PersonExists { dossier_id, .. } => Some(ErrorDetails {
                fields: vec![hoso_domain::FieldError::new(
                    "citizen_id",
                    "person_exists",
                    "Số căn cước đã có hồ sơ.",
                )],
                dossier_id: Some(dossier_id.clone()),
            }),
            _ => None,
        };
        ErrorBody {
            code: self.code().to_owned(),
            message: self.message(),
            details,
            request_id: request_id::current(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Malformed(_) => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated | ApiError::InvalidCredentials | ApiError::InvalidClient => {
                StatusCode::UNAUTHORIZED
            }
            ApiError::PasswordChangeRequired | ApiError::AccountLocked => StatusCode::FORBIDDEN,
            ApiError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::Conflict { .. } | ApiError::PersonExists { .. } => StatusCode::CONFLICT,
            ApiError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(code = self.code(), cause = %self, "request failed");
        } else {
            tracing::debug!(code = self.code(), cause = %self, "request refused");
        }
        let mut response = HttpResponse::build(status);
        if matches!(self, ApiError::Unauthenticated) {
            response.insert_header(("WWW-Authenticate", "Bearer"));
        }
        if let ApiError::TooManyAttempts { retry_after_secs } = self {
            response.insert_header(("Retry-After", retry_after_secs.to_string()));
        }
        response.json(self.body())
    }
}

impl From<StoreError> for ApiError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::PoolTimeout(cause) | StoreError::Connection(cause) => ApiError::Unavailable(cause),
            StoreError::StaleVersion => ApiError::stale(),
            // A uniqueness rule met by a concurrent writer between our check and our write.
            StoreError::Duplicate(_) => ApiError::Conflict {
                code: "conflict",
                message: "Dữ liệu trùng với một bản ghi vừa được lưu. Vui lòng tải lại rồi thực hiện lại."
                    .into(),
            },
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        StoreError::from(error).into()
    }
}

/// `Forbidden` for what the actor may see but not do; `NotFound` for what lies outside its
/// scope, so that ids cannot be probed.
impl From<Denial> for ApiError {
    fn from(denial: Denial) -> Self {
        match denial {
            Denial::Forbidden(_) => ApiError::Forbidden,
            Denial::Hidden(_) => ApiError::NotFound,
        }
    }
}

/// The validator crate's errors as field errors, nested fields as `outer.inner`.
impl From<validator::ValidationErrors> for ApiError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut fields = FieldErrors::new();
        collect_field_errors("", &errors, &mut fields);
        ApiError::Validation(fields)
    }
}

fn collect_field_errors(prefix: &str, errors: &validator::ValidationErrors, out: &mut FieldErrors) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            validator::ValidationErrorsKind::Field(list) => {
                for error in list {
                    let message = error
                        .message
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_else(|| "Giá trị không hợp lệ.".into());
                    out.push(FieldError::new(&path, error.code.to_string(), message));
                }
            }
            validator::ValidationErrorsKind::Struct(inner) => collect_field_errors(&path, inner, out),
            validator::ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect_field_errors(&format!("{path}[{index}]"), inner, out);
                }
            }
        }
    }
}

impl From<FieldError> for ApiError {
    fn from(error: FieldError) -> Self {
        ApiError::Validation(error.into())
    }
}

impl From<FieldErrors> for ApiError {
    fn from(errors: FieldErrors) -> Self {
        ApiError::Validation(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_variants() -> Vec<ApiError> {
        vec![
            ApiError::Validation(FieldError::new("f", "required", "Bắt buộc").into()),
            ApiError::Malformed("x".into()),
            ApiError::Unauthenticated,
            ApiError::InvalidCredentials,
            ApiError::InvalidClient,
            ApiError::PasswordChangeRequired,
            ApiError::AccountLocked,
            ApiError::TooManyAttempts { retry_after_secs: 60 },
            ApiError::Forbidden,
            ApiError::NotFound,
            ApiError::MethodNotAllowed,
            ApiError::Conflict {
                code: "conflict",
                message: "Xung đột".into(),
            },
            ApiError::PayloadTooLarge { limit: 10 },
            ApiError::UnsupportedMediaType,
            ApiError::Unavailable("db down".into()),
            ApiError::Internal("secret cause".into()),
        ]
    }

    #[test]
    fn every_variant_has_a_listed_code_and_an_error_status() {
        for error in all_variants() {
            assert!(
                ERROR_CODES.contains(&error.code()),
                "{} is not in ERROR_CODES",
                error.code()
            );
            assert!(error.status_code().as_u16() >= 400);
        }
    }

    #[test]
    fn internal_causes_never_reach_the_body() {
        for error in [
            ApiError::Internal("secret cause".into()),
            ApiError::Unavailable("db down".into()),
        ] {
            let body = serde_json::to_string(&error.body()).unwrap();
            assert!(!body.contains("secret") && !body.contains("db down"), "{body}");
        }
    }

    #[test]
    fn validation_errors_carry_their_fields() {
        let body = ApiError::Validation(FieldError::new("birth_date", "required", "Bắt buộc").into()).body();
        assert_eq!(body.details.unwrap().fields[0].field, "birth_date");
    }
}
