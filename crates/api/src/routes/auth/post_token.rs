use actix_web::{post, web, HttpRequest, HttpResponse};
use hoso_api_types::auth::{ClientTokenRequest, ClientTokenResponse};

use crate::error::HttpError;
use crate::state::AppState;

/// OAuth2 client credentials (RFC 6749 §4.4) for other systems: an access token limited to
/// the scopes the client holds (and, if `scope` is given, to those asked for).
#[utoipa::path(
    tag = super::TAG,
    request_body(content = ClientTokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "An access token for the client.", body = ClientTokenResponse),
        (status = 401, description = "`invalid_client`.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`validation_failed`: unsupported grant type or a scope the client does not hold.", body = hoso_api_types::ErrorBody),
    )
)]
#[post("/auth/token")]
pub async fn post_token(
    req: HttpRequest,
    state: web::Data<AppState>,
    form: web::Form<ClientTokenRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::auth::client_token(&state, crate::auth::session::meta_of(&req), form.into_inner()).await?;
    Ok(HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(result))
}
