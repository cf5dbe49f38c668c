use hoso_api_types::golive::{SetupRequest, SetupResult};
use hoso_api_types::units::UnitRef;
use hoso_domain::FieldError;
use validator::Validate;

use crate::error::AppError;
use crate::golive::{init_province, InitRequest};
use crate::App;

/// The first run (ORG-1): the province's root unit from the provinces catalogue, Sở Nội vụ under
/// it and the first administrator, as `hoso init` does. Needs the one-time token the server
/// printed at start (a wrong one is 422 on `setup_token`); refused with 409
/// `already_initialised` once a province exists.
pub async fn set_up_province(app: &App, body: SetupRequest) -> Result<SetupResult, AppError> {
    body.validate()?;
    let result = app
        .db(move |conn| {
            if !crate::golive::setup_needed(conn)? {
                return Err(AppError::Conflict {
                    code: "already_initialised",
                    message: "Hệ thống đã được khởi tạo; hãy đăng nhập.".into(),
                });
            }
            if !crate::golive::setup_token_matches(conn, body.setup_token.trim())? {
                return Err(FieldError::new(
                    "setup_token",
                    "setup_token_invalid",
                    "Mã thiết lập không đúng; xem dòng «hoso setup token» máy chủ in ra khi khởi động.",
                )
                .into());
            }
            let outcome = init_province(
                conn,
                &InitRequest {
                    province_code: body.province_code.trim().to_owned(),
                    admin_username: body.admin_username.trim().to_owned(),
                    admin_display_name: body.admin_display_name.trim().to_owned(),
                    admin_password: Some(body.admin_password),
                },
            )?;
            Ok(SetupResult {
                province: UnitRef {
                    id: outcome.province.id,
                    name: outcome.province.name,
                },
                home_affairs: UnitRef {
                    id: outcome.home_affairs.id,
                    name: outcome.home_affairs.name,
                },
                admin_username: outcome.admin_username,
            })
        })
        .await?;
    Ok(result)
}
