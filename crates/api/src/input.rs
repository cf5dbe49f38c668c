//! One check of every text a request carries, before any handler sees it: a path segment, a
//! query parameter, a JSON or form field holding a control character is refused with 422
//! `control_character` naming it (SEC-4; issue #19). Tab and line breaks pass in bodies, where
//! notes and reasons run over several lines; nowhere else.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::web::{self, BytesMut};
use actix_web::HttpMessage;
use futures_util::StreamExt;
use hoso_app::AppError;
use hoso_domain::text::forbidden_control;
use hoso_domain::{FieldError, FieldErrors};

use crate::error::HttpError;

/// The largest body this check reads (the JSON limit of the application); larger ones are left
/// to the extractors, which refuse them with 413.
#[derive(Debug, Clone, Copy)]
pub struct InputLimit(pub usize);

fn refusal(field: &str, found: char) -> FieldError {
    FieldError::new(
        field,
        "control_character",
        format!(
            "Không được chứa ký tự điều khiển (mã U+{:04X}).",
            u32::from(found)
        ),
    )
}

/// Each key and value of a query string or form body, decoded as the extractors will decode it.
fn check_pairs(text: &str, errors: &mut FieldErrors, multi_line: bool) {
    for (key, value) in form_urlencoded::parse(text.as_bytes()) {
        if let Some(found) =
            forbidden_control(&key, multi_line).or_else(|| forbidden_control(&value, multi_line))
        {
            errors.push(refusal(&key, found));
        }
    }
}

fn check_json(value: &serde_json::Value, errors: &mut FieldErrors) {
    hoso_domain::text::find_in_json(value, "", &mut |path, text, key| -> Option<()> {
        if let Some(found) = forbidden_control(text, !key) {
            errors.push(refusal(path, found));
        }
        None
    });
}

pub async fn refuse_control_characters(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let mut errors = FieldErrors::new();
    if req.path().starts_with("/api/") {
        let raw_path = req.uri().path().to_owned();
        for (index, segment) in raw_path.split('/').enumerate() {
            let segment = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
            if let Some(found) = forbidden_control(&segment, false) {
                // Named as the documented route names the parameter (`{id}`).
                let field = crate::openapi::path_parameter(&raw_path, index).unwrap_or_else(|| "path".into());
                errors.push(refusal(&field, found));
            }
        }
        check_pairs(req.query_string(), &mut errors, false);
        let content_type = req
            .headers()
            .get(actix_web::http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let json = content_type.starts_with("application/json");
        let form = content_type.starts_with("application/x-www-form-urlencoded");
        let limit = req.app_data::<web::Data<InputLimit>>().map_or(0, |l| l.0);
        if (json || form) && errors.is_empty() {
            let mut payload = req.take_payload();
            let mut body = BytesMut::new();
            let mut within = true;
            while let Some(chunk) = payload.next().await {
                let chunk = chunk?;
                body.extend_from_slice(&chunk);
                if body.len() > limit {
                    within = false;
                    break;
                }
            }
            if within {
                if json {
                    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(&body) {
                        check_json(&value, &mut errors);
                    }
                } else if let Ok(text) = std::str::from_utf8(&body) {
                    check_pairs(text, &mut errors, true);
                }
            }
            // Whatever was read goes back, followed by what was not: the extractor reads it whole.
            let read = body.freeze();
            let stream = futures_util::stream::once(async move { Ok(read) }).chain(payload);
            let stream: std::pin::Pin<
                Box<dyn futures_util::Stream<Item = Result<web::Bytes, actix_web::error::PayloadError>>>,
            > = Box::pin(stream);
            req.set_payload(Payload::from(stream));
        }
    }
    if !errors.is_empty() {
        let error = HttpError(AppError::Validation(errors));
        return Ok(req.error_response(error).map_into_boxed_body());
    }
    Ok(next.call(req).await?.map_into_boxed_body())
}
