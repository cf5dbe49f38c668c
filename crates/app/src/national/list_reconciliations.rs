use hoso_api_types::national::ReconciliationList;
use hoso_domain::org::check_national_sync;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The latest reconciliations (monthly and asked for), newest first, each with its count of
/// differences still open.
pub async fn list_reconciliations(app: &App, session: Session) -> Result<ReconciliationList, AppError> {
    check_national_sync(&session.actor)?;
    app.db(move |conn| {
        let rows = hoso_store::national::reconciliations(conn, 50)?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let open: std::collections::HashMap<String, i64> =
            hoso_store::national::open_differences(conn, &ids)?
                .into_iter()
                .collect();
        Ok(ReconciliationList {
            items: rows
                .into_iter()
                .map(|row| {
                    let open = open.get(&row.id).copied().unwrap_or(0);
                    super::reconciliation_view(row, open, Vec::new())
                })
                .collect(),
        })
    })
    .await
}
