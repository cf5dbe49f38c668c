use hoso_api_types::catalogs::{CatalogEntryView, NewCatalogEntryRequest};
use hoso_domain::catalog::{check_administer_catalogs, check_new_entry, CatalogEntry};
use hoso_store::catalogs;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Add an entry to a catalogue (administrators with `administer_catalogs`). The code must have
/// the catalogue's shape and never have been used in it; a parent or successor must exist.
/// Audited with the text the entry comes from.
pub async fn create_catalog_entry(
    app: &App,
    session: Session,
    kind: String,
    body: NewCatalogEntryRequest,
) -> Result<CatalogEntryView, AppError> {
    body.validate()?;
    let view = app
        .db(move |conn| {
            let catalog = super::load(conn, &kind)?;
            let mut event = session.event("catalog.entry_added");
            event.target_type = Some("catalog".into());
            event.target_id = Some(format!("{kind}/{}", body.code));
            event.right_used = Some("administer_catalogs".into());
            event.reason = Some(body.reason.clone());
            if let Err(denial) = check_administer_catalogs(&session.actor) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let entry = CatalogEntry {
                code: body.code.trim().to_owned(),
                label: body.label.trim().to_owned(),
                parent: body.parent.map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()),
                valid_from: body.valid_from,
                valid_to: None,
                replaced_by: None,
                data: body.data,
                // A province's own entry: its code is the province's, its basis the text given.
                source: Some(body.reason.trim().to_owned()),
                local_code: true,
            };
            let meta = catalog.meta();
            let known = crate::catalogs::existing(
                conn,
                &[
                    (Some(meta.kind.as_str()), Some(entry.code.as_str())),
                    (meta.parent_kind.as_deref(), entry.parent.as_deref()),
                ],
            )?;
            check_new_entry(&meta, &entry, |k, c| {
                known.contains(&(k.to_owned(), c.to_owned()))
            })?;
            catalogs::insert_entry(conn, &kind, &entry, "local", Some(&session.actor.account_id))?;
            crate::audit::record(conn, event)?;
            let row = catalogs::find_entry(conn, &kind, &entry.code)?.ok_or(AppError::NotFound)?;
            Ok(crate::views::catalog_entry(&row))
        })
        .await?;
    Ok(view)
}
