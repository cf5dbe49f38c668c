//! The one error type of hoso. Every operation returns it, whoever called it; the HTTP layer
//! turns it into the JSON body `{code, message, details, request_id}` with its status, the
//! command line into a sentence, a job into its last error. Causes of server-side failures are
//! logged and never sent to clients.

use hoso_api_types::{ErrorBody, ErrorDetails};
use hoso_domain::access::Denial;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
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
    /// The right password for an account that was revoked: it is closed, and its holder is told.
    #[error("account closed")]
    AccountClosed,
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
    /// The body is not of a type the operation reads; `expected` says which (in Vietnamese).
    #[error("unsupported media type")]
    UnsupportedMediaType { expected: &'static str },
    /// A dependency (the database) is unavailable; the client may retry.
    #[error("unavailable: {0}")]
    Unavailable(String),
    /// Another system asked us to wait (429 with Retry-After): a job tries again no sooner.
    #[error("unavailable for {after_secs} s: {message}")]
    RetryLater { after_secs: u64, message: String },
    #[error("internal error: {0}")]
    Internal(String),
}

/// Every code an operation fails with. `docs/api.md` documents each one; a test checks that.
pub const ERROR_CODES: &[&str] = &[
    "validation_failed",
    "malformed_request",
    "unauthenticated",
    "invalid_credentials",
    "invalid_client",
    "password_change_required",
    "account_locked",
    "account_closed",
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
    "separation_of_duties",
    "dossier_archived",
    "transfer_pending",
    "report_not_ready",
    "import_not_checked",
    "import_has_errors",
    "backup_failed",
    "backup_corrupt",
    "backup_wrong_identity",
    "backup_newer_schema",
    "restore_target_not_empty",
    "national_not_configured",
    "not_dead",
    "national_refused",
    "mail_refused",
    "national_record_unreadable",
    "citizen_id_taken",
    "already_resolved",
    "nothing_to_resend",
    "national_consent_missing",
    "catalog_changed_since",
    "forbidden",
    "not_found",
    "method_not_allowed",
    "conflict",
    "payload_too_large",
    "unsupported_media_type",
    "unavailable",
    "internal_error",
];

impl AppError {
    /// The record changed since the client read it (optimistic concurrency).
    pub fn stale() -> Self {
        AppError::Conflict {
            code: "stale_version",
            message: "Dữ liệu đã được người khác thay đổi. Vui lòng tải lại rồi thực hiện lại thao tác."
                .into(),
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            AppError::Validation(_) => "validation_failed",
            AppError::Malformed(_) => "malformed_request",
            AppError::Unauthenticated => "unauthenticated",
            AppError::InvalidCredentials => "invalid_credentials",
            AppError::InvalidClient => "invalid_client",
            AppError::PasswordChangeRequired => "password_change_required",
            AppError::AccountLocked => "account_locked",
            AppError::AccountClosed => "account_closed",
            AppError::TooManyAttempts { .. } => "too_many_attempts",
            AppError::Forbidden => "forbidden",
            AppError::NotFound => "not_found",
            AppError::MethodNotAllowed => "method_not_allowed",
            AppError::Conflict { code, .. } => code,
            AppError::PersonExists { .. } => "person_exists",
            AppError::PayloadTooLarge { .. } => "payload_too_large",
            AppError::UnsupportedMediaType { .. } => "unsupported_media_type",
            AppError::Unavailable(_) | AppError::RetryLater { .. } => "unavailable",
            AppError::Internal(_) => "internal_error",
        }
    }

    /// The Vietnamese sentence shown to people.
    pub fn message(&self) -> String {
        match self {
            AppError::Validation(_) => {
                "Dữ liệu không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.".into()
            }
            AppError::Malformed(_) => "Yêu cầu không đúng định dạng.".into(),
            AppError::Unauthenticated => "Bạn cần đăng nhập để thực hiện thao tác này.".into(),
            AppError::InvalidCredentials => "Tên đăng nhập hoặc mật khẩu không đúng.".into(),
            AppError::InvalidClient => "Mã ứng dụng hoặc khóa bí mật không đúng.".into(),
            AppError::PasswordChangeRequired => "Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục.".into(),
            AppError::AccountLocked => "Tài khoản đã bị khóa. Vui lòng liên hệ quản trị viên.".into(),
            AppError::AccountClosed => {
                "Tài khoản này đã bị thu hồi và không còn đăng nhập được. Nếu cần xem hồ sơ của mình, \
                 vui lòng liên hệ bộ phận tổ chức cán bộ."
                    .into()
            }
            AppError::TooManyAttempts { retry_after_secs } => format!(
                "Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {} phút.",
                retry_after_secs.div_ceil(60)
            ),
            AppError::Forbidden => "Bạn không có quyền thực hiện thao tác này.".into(),
            AppError::NotFound => "Không tìm thấy dữ liệu được yêu cầu.".into(),
            AppError::MethodNotAllowed => "Phương thức không được hỗ trợ cho địa chỉ này.".into(),
            AppError::Conflict { message, .. } => message.clone(),
            AppError::PersonExists {
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
            AppError::PayloadTooLarge { limit } => {
                format!("Dữ liệu gửi lên quá lớn (tối đa {} KB).", limit.div_ceil(1024))
            }
            AppError::UnsupportedMediaType { expected } => format!("Nội dung gửi lên phải là {expected}."),
            AppError::Unavailable(_) | AppError::RetryLater { .. } => {
                "Hệ thống tạm thời không sẵn sàng. Vui lòng thử lại sau ít phút.".into()
            }
            AppError::Internal(_) => {
                "Đã xảy ra lỗi hệ thống. Vui lòng thử lại hoặc báo quản trị viên kèm mã yêu cầu.".into()
            }
        }
    }

    /// The message with each failed field, for the command line.
    pub fn message_with_fields(&self) -> String {
        match self {
            AppError::Validation(fields) => fields
                .as_slice()
                .iter()
                .map(|f| format!("{}: {}", f.field, f.message))
                .collect::<Vec<_>>()
                .join("; "),
            other => format!("{} ({})", other.message(), other.code()),
        }
    }

    /// The body a client is shown, under the request it answers.
    pub fn body(&self, request_id: Option<String>) -> ErrorBody {
        let details = match self {
            AppError::Validation(fields) => Some(ErrorDetails {
                fields: fields.as_slice().to_vec(),
                dossier_id: None,
            }),
            AppError::PersonExists { dossier_id, .. } => Some(ErrorDetails {
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
            request_id,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::NotFound => AppError::NotFound,
            StoreError::PoolTimeout(cause) | StoreError::Connection(cause) => AppError::Unavailable(cause),
            StoreError::StaleVersion => AppError::stale(),
            // A uniqueness rule met by a concurrent writer between our check and our write.
            StoreError::Duplicate(_) => AppError::Conflict {
                code: "conflict",
                message: "Dữ liệu trùng với một bản ghi vừa được lưu. Vui lòng tải lại rồi thực hiện lại."
                    .into(),
            },
            other => AppError::Internal(other.to_string()),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(error: diesel::result::Error) -> Self {
        StoreError::from(error).into()
    }
}

/// `Forbidden` for what the actor may see but not do; `NotFound` for what lies outside its
/// scope, so that ids cannot be probed.
impl From<Denial> for AppError {
    fn from(denial: Denial) -> Self {
        match denial {
            Denial::Forbidden(_) => AppError::Forbidden,
            Denial::Hidden(_) => AppError::NotFound,
        }
    }
}

/// The validator crate's errors as field errors, nested fields as `outer.inner`.
impl From<validator::ValidationErrors> for AppError {
    fn from(errors: validator::ValidationErrors) -> Self {
        let mut fields = FieldErrors::new();
        collect_field_errors("", &errors, &mut fields);
        AppError::Validation(fields)
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

impl From<FieldError> for AppError {
    fn from(error: FieldError) -> Self {
        AppError::Validation(error.into())
    }
}

impl From<FieldErrors> for AppError {
    fn from(errors: FieldErrors) -> Self {
        AppError::Validation(errors)
    }
}
