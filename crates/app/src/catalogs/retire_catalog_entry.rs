use hoso_api_types::catalogs::{CatalogEntryView, RetireCatalogEntryRequest};
use hoso_domain::catalog::{check_administer_catalogs, unknown_code};
use hoso_domain::FieldError;
use hoso_store::catalogs;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// End an entry's validity (administrators with `administer_catalogs`), optionally naming its
/// successor. The entry stays: records made while it applied still show its label. Audited.
pub async fn retire_catalog_entry(
    app: &App,
    session: Session,
    path: (String, String),
    body: RetireCatalogEntryRequest,
) -> Result<CatalogEntryView, AppError> {
    body.validate()?;
    let ((kind, code), body) = (path, body);
    let view = app
        .db(move |conn| {
            let catalog = super::load(conn, &kind)?;
            let mut event = session.event("catalog.entry_retired");
            event.target_type = Some("catalog".into());
            event.target_id = Some(format!("{kind}/{code}"));
            event.right_used = Some("administer_catalogs".into());
            event.reason = Some(body.reason.clone());
            if let Err(denial) = check_administer_catalogs(&session.actor) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let entry = catalogs::find_entry(conn, &kind, &code)?.ok_or(AppError::NotFound)?;
            if entry.valid_from.is_some_and(|from| body.valid_to < from) {
                return Err(FieldError::new(
                    "valid_to",
                    "before_start",
                    "Ngày hết hiệu lực phải sau ngày mục này có hiệu lực.",
                )
                .into());
            }
            let successor_kind = catalog.successor_kind.as_deref().unwrap_or(&kind);
            if let Some(successor) = body.replaced_by.as_deref() {
                if successor == code || catalogs::find_entry(conn, successor_kind, successor)?.is_none() {
                    return Err(unknown_code("replaced_by", successor).into());
                }
            }
            catalogs::retire(conn, &kind, &code, body.valid_to, body.replaced_by.as_deref())?;
            event.details = Some(serde_json::json!({"valid_to": body.valid_to}).to_string());
            crate::audit::record(conn, event)?;
            let row = catalogs::find_entry(conn, &kind, &code)?.ok_or(AppError::NotFound)?;
            Ok(crate::views::catalog_entry(&row))
        })
        .await?;
    Ok(view)
}
