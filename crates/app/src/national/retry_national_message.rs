use hoso_api_types::national::NationalMessageView;
use hoso_domain::org::check_national_sync;
use hoso_store::national as store;

use crate::error::AppError;
use crate::jobs::QueuedBy;
use crate::session::Session;
use crate::App;

/// Re-sends a dead message after the cause was fixed (the agency corrected the value, the
/// platform allowed our address…), with the person's later messages that waited behind it:
/// they go again in their order. Audited.
pub async fn retry_national_message(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
) -> Result<NationalMessageView, AppError> {
    check_national_sync(&session.actor)?;
    super::connection(app)?;
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let app = &shared;
            let row = store::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if row.state != store::DEAD {
                return Err(AppError::Conflict {
                    code: "not_dead",
                    message: "Chỉ gửi lại được gói tin đã bị từ chối.".into(),
                });
            }
            let by = QueuedBy::account(&session);
            conn.write_transaction(|conn| -> Result<(), AppError> {
                requeue_from(conn, app, &row, &by)?;
                let mut event = session.event("national.retried");
                event.target_type = Some("dossier".into());
                event.target_id = Some(row.dossier_id.clone());
                event.subject_person_id = Some(row.person_id.clone());
                event.details =
                    Some(serde_json::json!({"message_id": row.id, "last_error": row.last_error}).to_string());
                crate::audit::record(conn, event)
            })?;
            let row = store::find(conn, &row.id)?.ok_or(AppError::NotFound)?;
            let found = hoso_store::dossiers::find(conn, &row.dossier_id)?.ok_or(AppError::NotFound)?;
            Ok(super::message_view(
                row,
                found.person.full_name,
                found.dossier.dossier_number,
            ))
        })
        .await?;
    app.jobs.bump();
    Ok(view)
}

/// Queues a dead message again with the person's later dead messages, each with a new job; how
/// many were queued.
pub(super) fn requeue_from(
    conn: &mut hoso_store::DbConnection,
    app: &App,
    row: &store::MessageRow,
    by: &QueuedBy,
) -> Result<usize, AppError> {
    let stamp = app.clock.now_naive().and_utc().timestamp_micros();
    let mut queued = 0;
    for message in store::unacknowledged_of_person(conn, &row.person_id)? {
        if message.sequence < row.sequence || message.state != store::DEAD {
            continue;
        }
        let key = format!("{}:retry:{stamp}", message.id);
        let job = super::delivery_job(conn, app, &message.id, by, &key)?;
        if store::requeue(conn, &message.id, &job)? {
            queued += 1;
        }
    }
    Ok(queued)
}
