use actix_web::error::UrlencodedError;
use actix_web::{post, web, HttpRequest, HttpResponse, ResponseError};
use hoso_api_types::auth::{ClientTokenRequest, ClientTokenResponse};
use hoso_app::AppError;
use hoso_domain::FieldError;

use crate::error::HttpError;
use crate::state::AppState;

/// OAuth2 client credentials (RFC 6749 §4.4) for other systems: an access token limited to
/// the scopes the client holds (and, if `scope` is given, to those asked for). Every refusal
/// carries the OAuth2 error body (`error`, `error_description`, RFC 6749 §5.2) beside hoso's own
/// (`code`, `message`, `details`, `request_id`): `invalid_request` (not a form, a field missing
/// or malformed), `invalid_client` (401), `unsupported_grant_type`, `invalid_scope`,
/// `server_error`, `temporarily_unavailable`.
#[utoipa::path(
    tag = super::TAG,
    request_body(content = ClientTokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "An access token for the client.", body = ClientTokenResponse),
        (status = 400, description = "`invalid_request`: a field is malformed.", body = hoso_api_types::ErrorBody),
        (status = 401, description = "`invalid_client`.", body = hoso_api_types::ErrorBody),
        (status = 415, description = "`invalid_request`: the body is not `application/x-www-form-urlencoded`.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`validation_failed`: a field missing (`invalid_request`), an unsupported grant type (`unsupported_grant_type`) or a scope the client does not hold (`invalid_scope`).", body = hoso_api_types::ErrorBody),
    )
)]
#[post("/auth/token")]
pub async fn post_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: Result<web::Form<ClientTokenRequest>, actix_web::Error>,
) -> HttpResponse {
    let outcome = match form {
        Ok(form) => {
            hoso_app::auth::client_token(&state, crate::auth::session::meta_of(&req), form.into_inner()).await
        }
        Err(error) => Err(form_error(&error)),
    };
    match outcome {
        Ok(granted) => HttpResponse::Ok()
            .insert_header(("Cache-Control", "no-store"))
            .json(granted),
        Err(error) => oauth_error(error),
    }
}

/// What was wrong with the form, as the application's error.
fn form_error(error: &actix_web::Error) -> AppError {
    match error.as_error::<UrlencodedError>() {
        Some(UrlencodedError::ContentType) => AppError::UnsupportedMediaType {
            expected: "biểu mẫu (Content-Type: application/x-www-form-urlencoded)",
        },
        Some(UrlencodedError::Overflow { limit, .. }) => AppError::PayloadTooLarge { limit: *limit },
        Some(UrlencodedError::Parse(cause)) => {
            let text = cause.to_string();
            match text
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
            {
                Some(field) => FieldError::new(
                    field,
                    "required",
                    format!("Thiếu trường «{field}» (RFC 6749 §4.4.2)."),
                )
                .into(),
                None => AppError::Malformed(text),
            }
        }
        _ => AppError::Malformed(error.to_string()),
    }
}

/// hoso's error body with the OAuth2 fields beside it, under hoso's status (and `Cache-Control:
/// no-store`, RFC 6749 §5.2).
fn oauth_error(error: AppError) -> HttpResponse {
    let oauth = match &error {
        AppError::InvalidClient => "invalid_client",
        AppError::Validation(fields) => match fields.as_slice().first().map(|f| f.field.as_str()) {
            Some("grant_type") => "unsupported_grant_type",
            Some("scope") => "invalid_scope",
            _ => "invalid_request",
        },
        AppError::Unavailable(_) => "temporarily_unavailable",
        AppError::Internal(_) => "server_error",
        _ => "invalid_request",
    };
    let description = match &error {
        AppError::UnsupportedMediaType { .. } => {
            "Yêu cầu phải gửi dạng biểu mẫu application/x-www-form-urlencoded (RFC 6749 §4.4.2).".to_owned()
        }
        AppError::Validation(fields) => fields
            .as_slice()
            .iter()
            .map(|f| f.message.clone())
            .collect::<Vec<_>>()
            .join(" "),
        other => other.message(),
    };
    let http = HttpError(error);
    let mut response = http.error_response();
    let body = http.0.body(crate::request_id::current());
    let mut json = serde_json::to_value(body).expect("an error body serialises");
    json["error"] = serde_json::Value::from(oauth);
    json["error_description"] = serde_json::Value::from(description);
    response.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    response.set_body(actix_web::body::BoxBody::new(json.to_string()))
}
