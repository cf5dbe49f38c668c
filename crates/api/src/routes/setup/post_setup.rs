use actix_web::{post, web, HttpResponse};
use hoso_api_types::golive::{SetupRequest, SetupResult};

use crate::error::HttpError;
use crate::state::AppState;

/// The first run (ORG-1): the province's root unit from the provinces catalogue, Sở Nội vụ under
/// it and the first administrator, as `hoso init` does. Needs the one-time token the server
/// printed at start (a wrong one is 422 on `setup_token`); refused with 409
/// `already_initialised` once a province exists.
#[utoipa::path(
    tag = super::TAG,
    request_body(content = SetupRequest, example = json!({"setup_token": "Xk7-…", "province_code": "33", "admin_username": "quantri", "admin_display_name": "Quản trị hệ thống — Sở Nội vụ", "admin_password": "Mật-khẩu-đủ-dài-2026"})),
    responses(
        (status = 201, description = "Set up.", body = SetupResult),
        (status = 409, description = "`already_initialised`.", body = hoso_api_types::ErrorBody),
    ),
)]
#[post("/setup")]
pub async fn post_setup(
    state: web::Data<AppState>,
    body: crate::json::Json<SetupRequest>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::setup::set_up_province(&state, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(result))
}
