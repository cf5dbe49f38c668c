use hoso_api_types::jobs::JobView;
use hoso_domain::catalog::check_administer_catalogs;

use crate::error::AppError;
use crate::jobs::{JobRequest, QueuedBy};
use crate::session::Session;
use crate::App;

/// Asks the national side now for newer versions of the shared catalogues (the nightly check
/// does it by itself): a durable job; what it finds is listed by `list_catalog_updates`. With
/// `wait`, answered when the job has ended (or after 25 seconds). Administrators with
/// `administer_catalogs`; audited.
pub async fn start_catalog_check(
    app: &std::sync::Arc<App>,
    session: Session,
    wait: bool,
) -> Result<JobView, AppError> {
    let shared = app.clone();
    let job = app
        .db(move |conn| {
            let mut event = session.event("catalog.national_check_requested");
            event.right_used = Some("administer_catalogs".into());
            if let Err(denial) = check_administer_catalogs(&session.actor) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            crate::national::connection(&shared)?;
            crate::national::consent::required(conn)?;
            conn.write_transaction(|conn| -> Result<_, AppError> {
                let request = JobRequest::new(
                    super::CATALOG_CHECK_JOB.name,
                    serde_json::json!({ "asked": true }),
                );
                let job = crate::jobs::enqueue(
                    conn,
                    request,
                    &QueuedBy::account(&session),
                    shared.clock.now_naive(),
                )?;
                event.target_type = Some("job".into());
                event.target_id = Some(job.id.clone());
                crate::audit::record(conn, event)?;
                Ok(job)
            })
        })
        .await?;
    app.jobs.bump();
    if !wait {
        return Ok(crate::jobs::view(&job));
    }
    let load = || {
        let id = job.id.clone();
        async move {
            let row = app
                .db(move |conn| hoso_store::jobs::find(conn, &id)?.ok_or(AppError::NotFound))
                .await?;
            Ok(crate::jobs::view(&row))
        }
    };
    crate::jobs::wait_while(app, load, |job: &JobView| {
        job.state == hoso_store::jobs::QUEUED || job.state == hoso_store::jobs::RUNNING
    })
    .await
}
