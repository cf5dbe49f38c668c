use std::collections::HashSet;

use hoso_api_types::national_catalogs::{AcceptCatalogUpdate, NationalCatalogUpdateView};
use hoso_domain::national_catalogs::{compare_catalog, CatalogChange};
use hoso_domain::FieldError;
use hoso_store::national_catalogs as store;
use hoso_store::DbConnection;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Accepts a pending national catalogue version: every change but those in `skip` takes effect
/// at once (the entries become `national`; the shipped files no longer change them), and the
/// catalogue is marked as brought to that version. Refused when ours changed since the version
/// was read (409 `catalog_changed_since`: ask again), or when an entry would name a parent or a
/// successor the catalogues do not hold (422 on `skip`). Administrators with
/// `administer_catalogs`; audited with the reason, the changes applied and those left out.
pub async fn accept_catalog_update(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: AcceptCatalogUpdate,
) -> Result<NationalCatalogUpdateView, AppError> {
    body.validate()?;
    let shared = app.clone();
    app.db(move |conn| {
        let mut event = super::decision(conn, &session, "catalog.national_update_accepted", &id, &body.reason)?;
        let row = conn.write_transaction(|conn| -> Result<_, AppError> {
            let row = super::pending(conn, &id)?;
            let changes = super::changes_of(&row)?;
            // What the version changes today must be what the administrator reviewed.
            let now_changes = compare_catalog(&super::our_entries(conn, &row.kind)?, &super::entries_of(&row)?).changes;
            if now_changes != changes {
                return Err(AppError::Conflict {
                    code: "catalog_changed_since",
                    message: "Danh mục đã thay đổi từ khi đọc phiên bản này của CSDL quốc gia; hãy kiểm tra lại danh mục để có bản so sánh mới.".into(),
                });
            }
            let skip: HashSet<&str> = body.skip.iter().map(|c| c.trim()).collect();
            if let Some(unknown) = skip.iter().find(|code| !changes.iter().any(|c| c.code == **code)) {
                return Err(FieldError::new(
                    "skip",
                    "unknown_code",
                    format!("Mã «{unknown}» không có trong các thay đổi của bản cập nhật này."),
                )
                .into());
            }
            let applied: Vec<&CatalogChange> =
                changes.iter().filter(|c| !skip.contains(c.code.as_str())).collect();
            check_references(conn, &row.kind, &applied)?;
            let now = shared.clock.now_naive();
            for change in &applied {
                store::put_national_entry(conn, &row.kind, &change.after, &session.actor.account_id)?;
            }
            store::set_national_version(conn, &row.kind, row.national_version)?;
            let mut skipped: Vec<&str> = skip.into_iter().collect();
            skipped.sort_unstable();
            let skipped_json = serde_json::to_string(&skipped).map_err(|e| AppError::Internal(e.to_string()))?;
            store::decide(conn, &id, store::ACCEPTED, &session.actor.account_id, now, &body.reason, Some(&skipped_json))?;
            event.details = Some(
                serde_json::json!({
                    "kind": row.kind, "version": row.national_version,
                    "applied": applied.iter().map(|c| &c.code).collect::<Vec<_>>(), "skipped": skipped,
                })
                .to_string(),
            );
            crate::audit::record(conn, event)?;
            store::find_update(conn, &id)?.ok_or(AppError::NotFound)
        })?;
        super::view(conn, row)
    })
    .await
}

/// Every parent and successor an applied entry names must be held, here or among the entries
/// applied with it.
fn check_references(conn: &mut DbConnection, kind: &str, applied: &[&CatalogChange]) -> Result<(), AppError> {
    let meta = crate::catalogs::load(conn, kind)?.meta();
    let added: HashSet<&str> = applied.iter().map(|c| c.after.code.as_str()).collect();
    for change in applied {
        let entry = &change.after;
        let references = [
            (entry.parent.as_deref(), meta.parent_kind.as_deref(), "mã cha"),
            (
                entry.replaced_by.as_deref(),
                Some(meta.successor_kind.as_deref().unwrap_or(kind)),
                "mã thay thế",
            ),
        ];
        for (code, in_kind, what) in references {
            let (Some(code), Some(in_kind)) = (code, in_kind) else {
                continue;
            };
            let held = (in_kind == kind && added.contains(code))
                || hoso_store::catalogs::find_entry(conn, in_kind, code)?.is_some();
            if !held {
                return Err(FieldError::new(
                    "skip",
                    "reference_missing",
                    format!(
                        "Mã «{}» có {what} «{code}» chưa có trong danh mục «{in_kind}»: áp dụng bản cập nhật của danh mục đó trước, hoặc bỏ qua thay đổi này.",
                        entry.code
                    ),
                )
                .into());
            }
        }
    }
    Ok(())
}
