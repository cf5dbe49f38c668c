use hoso_api_types::national_catalogs::{NationalCatalogUpdateView, RejectCatalogUpdate};
use hoso_store::national_catalogs as store;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Refuses a pending national catalogue version: ours stays as it is; the next version is read
/// and compared again. Administrators with `administer_catalogs`; audited with the reason.
pub async fn reject_catalog_update(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: RejectCatalogUpdate,
) -> Result<NationalCatalogUpdateView, AppError> {
    body.validate()?;
    let shared = app.clone();
    app.db(move |conn| {
        let mut event = super::decision(
            conn,
            &session,
            "catalog.national_update_rejected",
            &id,
            &body.reason,
        )?;
        let row = conn.write_transaction(|conn| -> Result<_, AppError> {
            let row = super::pending(conn, &id)?;
            let now = shared.clock.now_naive();
            // Still pending: `pending` read it in this transaction.
            store::decide(
                conn,
                &id,
                store::REJECTED,
                &session.actor.account_id,
                now,
                &body.reason,
                None,
            )?;
            event.details =
                Some(serde_json::json!({"kind": row.kind, "version": row.national_version}).to_string());
            crate::audit::record(conn, event)?;
            store::find_update(conn, &id)?.ok_or(AppError::NotFound)
        })?;
        super::view(conn, row)
    })
    .await
}
