//! The actix application: API routes, documentation, SPA, and the middleware around them.
//! Built the same way by the server, by the tests and by `hoso openapi`.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceFactory, ServiceRequest, ServiceResponse};
use actix_web::error::{JsonPayloadError, PathError, QueryPayloadError};
use actix_web::middleware::{from_fn, Compress};
use actix_web::{web, App, HttpRequest};
use utoipa::OpenApi;
use utoipa_actix_web::{scope, AppExt, UtoipaApp};

use crate::error::HttpError;
use crate::openapi::{self, ApiDoc, OpenApiJson};
use crate::routes;
use crate::state::AppState;
use crate::web::{api_docs, spa};
use hoso_app::AppError;

/// The API routes inside an app that records them in the OpenAPI document.
pub fn documented_routes() -> UtoipaApp<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    App::new()
        .into_utoipa_app()
        .openapi(ApiDoc::openapi())
        .service(scope::scope(routes::PREFIX).configure(routes::configure))
}

pub fn build(
    state: web::Data<AppState>,
    max_json_bytes: usize,
) -> App<
    impl ServiceFactory<
        ServiceRequest,
        Config = (),
        Response = ServiceResponse<impl MessageBody>,
        Error = actix_web::Error,
        InitError = (),
    >,
> {
    let (app, _) = documented_routes().split_for_parts();
    let document = OpenApiJson(openapi::document_json());
    app.app_data(state)
        .app_data(web::Data::new(document))
        .app_data(web::Data::new(crate::input::InputLimit(max_json_bytes)))
        .app_data(
            web::JsonConfig::default()
                .limit(max_json_bytes)
                .error_handler(move |error, _req| HttpError(json_error(error, max_json_bytes)).into()),
        )
        .app_data(
            web::PathConfig::default()
                .error_handler(|e: PathError, _| HttpError(AppError::Malformed(e.to_string())).into()),
        )
        .app_data(
            web::QueryConfig::default().error_handler(|e: QueryPayloadError, req| {
                HttpError(query_error(e, req.query_string())).into()
            }),
        )
        .configure(api_docs::configure)
        .default_service(web::to(fallback))
        .wrap(from_fn(crate::input::refuse_control_characters))
        // Inside compression: the tag is the digest of the JSON itself.
        .wrap(from_fn(crate::web::etag::conditional_get))
        .wrap(Compress::default())
        .wrap(from_fn(crate::web::headers::security_headers))
        .wrap(from_fn(crate::request_id::middleware))
}

/// Unknown API paths answer with the JSON error body — 405 with `Allow` when the path exists
/// for other methods (as the OpenAPI document lists them), 404 otherwise; everything else is the
/// SPA's.
async fn fallback(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<actix_web::HttpResponse, HttpError> {
    if req.path() == "/api" || req.path().starts_with("/api/") {
        let allowed = openapi::allowed_methods(req.path());
        if allowed.is_empty() {
            return Err(AppError::NotFound.into());
        }
        let mut response = actix_web::ResponseError::error_response(&HttpError(AppError::MethodNotAllowed));
        let allow = actix_web::http::header::HeaderValue::from_str(&allowed.join(", "))
            .expect("method names are header-safe");
        response
            .headers_mut()
            .insert(actix_web::http::header::ALLOW, allow);
        return Ok(response);
    }
    spa::serve(&req, &state.static_dir)
}

/// A query parameter that is not a strict date names itself (422 `invalid_date`); anything else
/// that cannot be read is `malformed_request`.
fn query_error(error: QueryPayloadError, query: &str) -> AppError {
    let message = error.to_string();
    if let Some(value) = hoso_domain::dates::refused_value(&message) {
        let field = form_urlencoded::parse(query.as_bytes())
            .find(|(_, v)| v == value)
            .map_or_else(|| "query".to_owned(), |(k, _)| k.into_owned());
        return hoso_domain::FieldError::new(field, "invalid_date", hoso_domain::dates::message()).into();
    }
    AppError::Malformed(message)
}

fn json_error(error: JsonPayloadError, limit: usize) -> AppError {
    match error {
        JsonPayloadError::Overflow { .. } | JsonPayloadError::OverflowKnownLength { .. } => {
            AppError::PayloadTooLarge { limit }
        }
        JsonPayloadError::ContentType => AppError::UnsupportedMediaType {
            expected: "JSON (Content-Type: application/json)",
        },
        // Only the syntax is read here: what does not fit the operation is `crate::json`'s.
        JsonPayloadError::Deserialize(error) => AppError::Malformed(error.to_string()),
        other => AppError::Malformed(other.to_string()),
    }
}
