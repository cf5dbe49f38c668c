use actix_web::{get, web, HttpResponse};
use hoso_api_types::system::SystemInfo;

use crate::error::HttpError;
use crate::state::AppState;

/// What this deployment is: the province it serves, its version, and whether it holds demo
/// data (every page then warns that the data is not real). Public: the sign-in page needs it.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "This deployment.", body = SystemInfo))
)]
#[get("/info")]
pub async fn get_info(state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::system::read_info(&state).await?;
    Ok(HttpResponse::Ok().json(result))
}
