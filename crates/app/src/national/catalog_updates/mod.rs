//! The shared national catalogues (issue #17, CTX-2; docs/integration.md, "Catalogues"): a
//! durable job reads each catalogue the mapping file links whenever the national side has a
//! newer version, and keeps what it would change; an administrator with `administer_catalogs`
//! accepts (perhaps leaving some changes out) or rejects it. Nothing changes before that.

pub mod accept_catalog_update;
pub mod check;
pub mod list_catalog_updates;
pub mod read_catalog_update;
pub mod reject_catalog_update;
pub mod start_catalog_check;

pub use accept_catalog_update::accept_catalog_update;
pub use check::CATALOG_CHECK_JOB;
pub use list_catalog_updates::list_catalog_updates;
pub use read_catalog_update::read_catalog_update;
pub use reject_catalog_update::reject_catalog_update;
pub use start_catalog_check::start_catalog_check;

use hoso_api_types::national_catalogs::{
    NationalCatalogChange, NationalCatalogEntry, NationalCatalogUpdateView,
};
use hoso_domain::catalog::CatalogEntry;
use hoso_domain::national_catalogs::{CatalogChange, OurEntry};
use hoso_store::national_catalogs::UpdateRow;
use hoso_store::DbConnection;

use crate::error::AppError;

/// Our entries of `kind`, as the comparison takes them.
pub(crate) fn our_entries(conn: &mut DbConnection, kind: &str) -> Result<Vec<OurEntry>, AppError> {
    Ok(hoso_store::catalogs::entries(conn, kind)?
        .into_iter()
        .map(|row| OurEntry {
            local: row.origin == "local",
            entry: row.entry(),
        })
        .collect())
}

/// A stored JSON column (written by this module, so it parses).
fn stored<T: serde::de::DeserializeOwned>(text: &str, what: &str) -> Result<T, AppError> {
    serde_json::from_str(text).map_err(|e| AppError::Internal(format!("catalogue update {what}: {e}")))
}

pub(crate) fn changes_of(row: &UpdateRow) -> Result<Vec<CatalogChange>, AppError> {
    stored(&row.changes, "changes")
}

pub(crate) fn entries_of(row: &UpdateRow) -> Result<Vec<CatalogEntry>, AppError> {
    stored(&row.entries, "entries")
}

fn entry_view(entry: &CatalogEntry) -> NationalCatalogEntry {
    NationalCatalogEntry {
        code: entry.code.clone(),
        label: entry.label.clone(),
        parent: entry.parent.clone(),
        valid_from: entry.valid_from,
        valid_to: entry.valid_to,
        replaced_by: entry.replaced_by.clone(),
        data: entry.data.clone(),
    }
}

/// Our catalogues' names by kind, read once for any number of views.
pub(crate) fn catalog_names(
    conn: &mut DbConnection,
) -> Result<std::collections::HashMap<String, String>, AppError> {
    Ok(hoso_store::catalogs::list(conn)?
        .into_iter()
        .map(|(c, _)| (c.kind, c.name))
        .collect())
}

pub(crate) fn view(conn: &mut DbConnection, row: UpdateRow) -> Result<NationalCatalogUpdateView, AppError> {
    let names = hoso_store::catalogs::find(conn, &row.kind)?
        .map(|c| (c.kind, c.name))
        .into_iter()
        .collect();
    view_named(&names, row)
}

pub(crate) fn view_named(
    names: &std::collections::HashMap<String, String>,
    row: UpdateRow,
) -> Result<NationalCatalogUpdateView, AppError> {
    let catalog_name = names.get(&row.kind).cloned().unwrap_or_else(|| row.kind.clone());
    let changes = changes_of(&row)?
        .iter()
        .map(|c| NationalCatalogChange {
            code: c.code.clone(),
            kind: c.kind.as_str().into(),
            fields: c.fields.clone(),
            before: c.before.as_ref().map(entry_view),
            after: entry_view(&c.after),
            replaces_local: c.replaces_local,
        })
        .collect();
    Ok(NationalCatalogUpdateView {
        only_here: stored(&row.only_here, "only_here")?,
        skipped: row
            .skipped
            .as_deref()
            .map(|s| stored(s, "skipped"))
            .transpose()?
            .unwrap_or_default(),
        id: row.id,
        kind: row.kind,
        catalog_name,
        national_name: row.national_name,
        national_version: row.national_version,
        title: row.title,
        source: row.source,
        effective_date: row.effective_date,
        state: row.state,
        changes,
        error: row.error,
        fetched_at: crate::views::utc(row.fetched_at),
        decided_by: row.decided_by,
        decided_at: row.decided_at.map(crate::views::utc),
        reason: row.reason,
    })
}

/// The audit event of a decision on an update, once the actor is known to hold
/// `administer_catalogs` (a refusal is audited and returned).
pub(crate) fn decision(
    conn: &mut DbConnection,
    session: &crate::session::Session,
    action: &str,
    id: &str,
    reason: &str,
) -> Result<hoso_store::audit::NewAuditEvent, AppError> {
    let mut event = session.event(action);
    event.target_type = Some("national_catalog_update".into());
    event.target_id = Some(id.to_owned());
    event.right_used = Some("administer_catalogs".into());
    event.reason = Some(reason.to_owned());
    if let Err(denial) = hoso_domain::catalog::check_administer_catalogs(&session.actor) {
        return Err(crate::audit::refuse(conn, event, denial));
    }
    Ok(event)
}

/// The update, still waiting for a decision.
pub(crate) fn pending(conn: &mut DbConnection, id: &str) -> Result<UpdateRow, AppError> {
    let row = hoso_store::national_catalogs::find_update(conn, id)?.ok_or(AppError::NotFound)?;
    if row.state != hoso_store::national_catalogs::PENDING {
        return Err(AppError::Conflict {
            code: "already_resolved",
            message: format!(
                "Bản cập nhật danh mục này đã được xử lý ({}).",
                state_label(&row.state)
            ),
        });
    }
    Ok(row)
}

/// A state as Sở Nội vụ's administrators read it.
fn state_label(state: &str) -> &'static str {
    match state {
        "accepted" => "đã áp dụng",
        "rejected" => "đã từ chối",
        "superseded" => "đã có phiên bản mới hơn",
        "unchanged" => "không có thay đổi",
        "invalid" => "không hợp lệ",
        _ => "đang chờ",
    }
}
