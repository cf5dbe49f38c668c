//! The application's one error type as an HTTP answer: its status, its headers and the JSON
//! body `{code, message, details, request_id}` — or the same as RFC 9457 problem details to a
//! client whose `Accept` asks for `application/problem+json` — mapped here and nowhere else. Causes of
//! server-side failures are logged with the request id and never sent to clients.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
pub use hoso_app::error::ERROR_CODES;
use hoso_app::AppError;

use crate::request_id;

/// What a handler or an extractor fails with: an [`AppError`] on its way to the client.
#[derive(Debug)]
pub struct HttpError(pub AppError);

impl std::fmt::Display for HttpError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

// `HttpError` itself is not `Into<AppError>`, so this does not overlap with `From<T> for T`:
// everything `?` turns into an application error becomes an HTTP answer as well.
impl<E: Into<AppError>> From<E> for HttpError {
    fn from(error: E) -> Self {
        HttpError(error.into())
    }
}

pub fn status_of(error: &AppError) -> StatusCode {
    match error {
        AppError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
        AppError::Malformed(_) => StatusCode::BAD_REQUEST,
        AppError::Unauthenticated | AppError::InvalidCredentials | AppError::InvalidClient => {
            StatusCode::UNAUTHORIZED
        }
        AppError::PasswordChangeRequired | AppError::AccountLocked | AppError::AccountClosed => {
            StatusCode::FORBIDDEN
        }
        AppError::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
        AppError::Forbidden => StatusCode::FORBIDDEN,
        AppError::NotFound => StatusCode::NOT_FOUND,
        AppError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        AppError::Conflict { .. } | AppError::PersonExists { .. } => StatusCode::CONFLICT,
        AppError::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        AppError::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        AppError::Unavailable(_) | AppError::RetryLater { .. } => StatusCode::SERVICE_UNAVAILABLE,
        AppError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl ResponseError for HttpError {
    fn status_code(&self) -> StatusCode {
        status_of(&self.0)
    }

    fn error_response(&self) -> HttpResponse {
        let error = &self.0;
        let status = self.status_code();
        if status.is_server_error() {
            tracing::error!(code = error.code(), cause = %error, "request failed");
        } else {
            tracing::debug!(code = error.code(), cause = %error, "request refused");
        }
        let mut response = HttpResponse::build(status);
        if matches!(error, AppError::Unauthenticated) {
            response.insert_header(("WWW-Authenticate", "Bearer"));
        }
        if let AppError::TooManyAttempts { retry_after_secs } = error {
            response.insert_header(("Retry-After", retry_after_secs.to_string()));
        }
        let body = error.body(request_id::current());
        if request_id::wants_problem_details() {
            let title = status.canonical_reason().unwrap_or("Error");
            let problem = hoso_api_types::ProblemDetails::new(body, status.as_u16(), title);
            return response
                .content_type("application/problem+json")
                .body(serde_json::to_string(&problem).expect("problem details serialise"));
        }
        response.json(body)
    }
}

#[cfg(test)]
mod tests {
    use hoso_domain::FieldError;

    use super::*;

    fn all_variants() -> Vec<AppError> {
        vec![
            AppError::Validation(FieldError::new("f", "required", "Bắt buộc").into()),
            AppError::Malformed("x".into()),
            AppError::Unauthenticated,
            AppError::InvalidCredentials,
            AppError::InvalidClient,
            AppError::PasswordChangeRequired,
            AppError::AccountLocked,
            AppError::AccountClosed,
            AppError::TooManyAttempts { retry_after_secs: 60 },
            AppError::Forbidden,
            AppError::NotFound,
            AppError::MethodNotAllowed,
            AppError::Conflict {
                code: "conflict",
                message: "Xung đột".into(),
            },
            AppError::PayloadTooLarge { limit: 10 },
            AppError::UnsupportedMediaType { expected: "JSON" },
            AppError::Unavailable("db down".into()),
            AppError::Internal("secret cause".into()),
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
            assert!(status_of(&error).as_u16() >= 400);
        }
    }

    #[test]
    fn internal_causes_never_reach_the_body() {
        for error in [
            AppError::Internal("secret cause".into()),
            AppError::Unavailable("db down".into()),
        ] {
            let body = serde_json::to_string(&error.body(None)).unwrap();
            assert!(!body.contains("secret") && !body.contains("db down"), "{body}");
        }
    }

    #[test]
    fn validation_errors_carry_their_fields() {
        let body =
            AppError::Validation(FieldError::new("birth_date", "required", "Bắt buộc").into()).body(None);
        assert_eq!(body.details.unwrap().fields[0].field, "birth_date");
    }
}
