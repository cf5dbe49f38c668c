use hoso_api_types::national::{NewReconciliation, ReconciliationView};
use hoso_domain::org::check_national_sync;

use crate::error::AppError;
use crate::jobs::QueuedBy;
use crate::session::Session;
use crate::App;

/// How far back a reconciliation asked for without a day looks.
const DEFAULT_SPAN_DAYS: i64 = 92;

/// Asks for a reconciliation now (the monthly one runs by itself after Sở Nội vụ's window):
/// queued as a durable job; its differences are read with `read_reconciliation`. Audited.
pub async fn start_reconciliation(
    app: &std::sync::Arc<App>,
    session: Session,
    body: NewReconciliation,
) -> Result<ReconciliationView, AppError> {
    check_national_sync(&session.actor)?;
    super::connection(app)?;
    let today = app.clock.today();
    let since = body
        .since
        .unwrap_or(today - chrono::Duration::days(DEFAULT_SPAN_DAYS));
    if since > today {
        return Err(hoso_domain::FieldError::new(
            "since",
            "future_date",
            "Ngày bắt đầu đối chiếu không được sau hôm nay.",
        )
        .into());
    }
    let by = QueuedBy::account(&session);
    let shared = app.clone();
    let row = app
        .db(move |conn| {
            super::consent::required(conn)?;
            conn.write_transaction(|conn| -> Result<_, AppError> {
                let row = super::reconcile::queue(conn, &shared, since, &by)?;
                let mut event = session.event("national.reconciliation_requested");
                event.target_type = Some("national_reconciliation".into());
                event.target_id = Some(row.id.clone());
                event.details = Some(serde_json::json!({"since": since}).to_string());
                crate::audit::record(conn, event)?;
                Ok(row)
            })
        })
        .await?;
    app.jobs.bump();
    Ok(super::reconciliation_view(row, 0, Vec::new()))
}
