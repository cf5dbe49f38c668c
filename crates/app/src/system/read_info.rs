use hoso_api_types::system::SystemInfo;
use hoso_store::meta;

use crate::error::AppError;
use crate::App;

/// What this deployment is: the province it serves, its version, and whether it holds demo
/// data (every page then warns that the data is not real). Public: the sign-in page needs it.
pub async fn read_info(app: &App) -> Result<SystemInfo, AppError> {
    let demo = app.db(|conn| Ok(meta::get(conn, meta::DEMO_DATA_KEY)?)).await?;
    Ok(SystemInfo {
        system_name: "Hệ thống quản lý hồ sơ điện tử cán bộ, công chức, viên chức".into(),
        province_name: app.province_name.clone(),
        version: env!("CARGO_PKG_VERSION").into(),
        demo_data: demo.is_some(),
    })
}
