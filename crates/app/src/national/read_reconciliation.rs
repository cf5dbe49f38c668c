use hoso_api_types::national::{DifferenceView, ReconciliationView};
use hoso_domain::org::check_national_sync;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// One reconciliation with every difference it found and what was done about each.
pub async fn read_reconciliation(
    app: &App,
    session: Session,
    id: String,
) -> Result<ReconciliationView, AppError> {
    check_national_sync(&session.actor)?;
    app.db(move |conn| {
        let row = hoso_store::national::find_reconciliation(conn, &id)?.ok_or(AppError::NotFound)?;
        let differences: Vec<DifferenceView> = hoso_store::national::differences(conn, &row.id)?
            .into_iter()
            .map(|(d, number, name)| super::difference_view(d, number, name))
            .collect();
        let open = differences.iter().filter(|d| d.resolution.is_none()).count() as i64;
        Ok(super::reconciliation_view(row, open, differences))
    })
    .await
}
