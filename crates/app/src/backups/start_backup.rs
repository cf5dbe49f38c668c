use hoso_api_types::jobs::JobView;
use hoso_domain::org::check_manage_backups;

use super::BACKUP_JOB;
use crate::error::AppError;
use crate::jobs::{enqueue, JobRequest, QueuedBy};
use crate::session::Session;
use crate::App;

/// Back up now (an administrator with `manage_backups`): queues the backup job and answers it;
/// the backup appears in the list as it runs. Audited.
pub async fn start_backup(app: &App, session: Session) -> Result<JobView, AppError> {
    let mut event = session.event("backup.requested");
    event.target_type = Some("backup".into());
    let now = app.clock.now_naive();
    let job = app
        .db(move |conn| {
            if let Err(denial) = check_manage_backups(&session.actor) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            conn.write_transaction(|conn| {
                // One attempt more than none: a worker killed mid-backup is claimed again.
                let request =
                    JobRequest::new(BACKUP_JOB.name, serde_json::json!({ "kind": "on_demand" })).attempts(3);
                let job = enqueue(conn, request, &QueuedBy::account(&session), now)?;
                event.target_id = Some(job.id.clone());
                crate::audit::record(conn, event)?;
                Ok(job)
            })
        })
        .await?;
    app.jobs.bump();
    Ok(crate::jobs::view(&job))
}
