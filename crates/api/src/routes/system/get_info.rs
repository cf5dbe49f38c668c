use actix_web::{get, web, HttpResponse};
use hoso_api_types::system::SystemInfo;
use hoso_store::meta;

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
    let demo = state.db(|conn| Ok(meta::get(conn, meta::DEMO_DATA_KEY)?)).await?;
    Ok(HttpResponse::Ok().json(SystemInfo {
        system_name: "Hệ thống quản lý hồ sơ điện tử cán bộ, công chức, viên chức".into(),
        province_name: state.province_name.clone(),
        version: env!("CARGO_PKG_VERSION").into(),
        demo_data: demo.is_some(),
    }))
}
