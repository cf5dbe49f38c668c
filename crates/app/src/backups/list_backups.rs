use hoso_api_types::backups::BackupList;
use hoso_domain::org::check_manage_backups;

use super::{restore_view, schedule, view};
use crate::error::AppError;
use crate::session::Session;
use crate::views::utc;
use crate::App;

const LISTED: i64 = 200;

/// Every backup, newest first, with what was restored into this database, the next scheduled
/// run and, when the latest backup failed, the alert administrators must see.
pub async fn list_backups(app: &App, session: Session) -> Result<BackupList, AppError> {
    check_manage_backups(&session.actor)?;
    let location = app.backups.target.describe();
    let recipients = app.backups.recipients.len() as i32;
    let now = app.clock.now_naive();
    app.db(move |conn| {
        let rows = hoso_store::backups::list(conn, LISTED)?;
        let restores = hoso_store::backups::restores(conn)?;
        let (profile, calendar) = crate::workflow::rules(conn)?;
        let next_run = schedule()
            .recurrence
            .occurrences(now, now + chrono::Duration::days(62), &calendar, &profile)
            .first()
            .copied()
            .map(utc);
        let alert = rows
            .iter()
            .find(|r| r.state != hoso_store::backups::RUNNING && r.state != hoso_store::backups::DELETED)
            .filter(|r| r.state == hoso_store::backups::FAILED)
            .map(|r| {
                format!(
                    "Lần sao lưu gần nhất ({}) không thành công: {}",
                    hoso_domain::schedule::local_of_utc(r.started_at).format("%d/%m/%Y %H:%M"),
                    r.error.as_deref().unwrap_or("không rõ lý do")
                )
            });
        Ok(BackupList {
            items: rows.into_iter().map(view).collect(),
            restores: restores.into_iter().map(restore_view).collect(),
            location,
            recipients,
            next_run,
            alert,
        })
    })
    .await
}
