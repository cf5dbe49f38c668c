use hoso_api_types::golive::SetupStatus;
use hoso_api_types::units::UnitRef;

use crate::error::AppError;
use crate::App;

/// Whether the deployment still waits for its first run (no sign-in needed: the SPA asks before
/// anyone can sign in).
pub async fn read_setup(app: &App) -> Result<SetupStatus, AppError> {
    let status = app
        .db(|conn| {
            Ok(SetupStatus {
                needed: crate::golive::setup_needed(conn)?,
                province: crate::golive::province(conn)?.map(|u| UnitRef {
                    id: u.id,
                    name: u.name,
                }),
            })
        })
        .await?;
    Ok(status)
}
