use actix_web::{get, web, HttpResponse};
use hoso_api_types::golive::SetupStatus;

use crate::error::HttpError;
use crate::state::AppState;

/// Whether the deployment still waits for its first run (no sign-in needed: the SPA asks before
/// anyone can sign in).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The set-up state.", body = SetupStatus, example = json!({"needed": false, "province": {"id": "0f3c…", "name": "Tỉnh Hưng Yên"}}))),
)]
#[get("/setup")]
pub async fn get_setup(state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::setup::read_setup(&state).await?;
    Ok(HttpResponse::Ok().json(result))
}
