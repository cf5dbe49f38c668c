use hoso_api_types::backups::{BackupView, DeleteBackup};
use hoso_domain::org::check_manage_backups;
use validator::Validate;

use super::view;
use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Deletes a backup's archive, with a recorded reason (the only way a quarterly backup goes).
/// The record stays, marked deleted. Audited; refusals too.
pub async fn delete_backup(
    app: &App,
    session: Session,
    id: String,
    body: DeleteBackup,
) -> Result<BackupView, AppError> {
    body.validate()?;
    let mut event = session.event("backup.deleted");
    event.target_type = Some("backup".into());
    event.target_id = Some(id.clone());
    event.reason = Some(body.reason.clone());
    let settings = app.backups.clone();
    let now = app.clock.now_naive();
    app.db(move |conn| {
        if let Err(denial) = check_manage_backups(&session.actor) {
            return Err(crate::audit::refuse(conn, event, denial));
        }
        let row = hoso_store::backups::find(conn, &id)?.ok_or(AppError::NotFound)?;
        if row.state == hoso_store::backups::RUNNING || row.state == hoso_store::backups::DELETED {
            return Err(AppError::Conflict {
                code: "invalid_state",
                message: if row.state == hoso_store::backups::RUNNING {
                    "Bản sao lưu đang được tạo; chờ xong rồi mới xóa.".into()
                } else {
                    "Bản sao lưu này đã bị xóa.".into()
                },
            });
        }
        settings.target.delete(&row.file_name)?;
        conn.write_transaction(|conn| {
            hoso_store::backups::mark_deleted(
                conn,
                &id,
                &session.account.account.username,
                &body.reason,
                now,
            )?;
            crate::audit::record(conn, event)?;
            hoso_store::backups::find(conn, &id)?.ok_or(AppError::NotFound)
        })
        .map(view)
    })
    .await
}
