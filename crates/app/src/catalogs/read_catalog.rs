use hoso_api_types::catalogs::CatalogView;
use hoso_store::catalogs;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// One catalogue with its entries by code.
pub async fn read_catalog(
    app: &App,
    _session: Session,
    kind: String,
    query: CatalogQuery,
) -> Result<CatalogView, AppError> {
    let (row, entries) = app
        .db(move |conn| {
            let row = super::load(conn, &kind)?;
            let entries = catalogs::entries(conn, &kind)?;
            Ok((row, entries))
        })
        .await?;
    let total = i64::try_from(entries.len()).unwrap_or(i64::MAX);
    let today = crate::clock::today();
    let needle = query
        .q
        .as_deref()
        .map(hoso_domain::text::fold)
        .unwrap_or_default();
    let entries = entries
        .iter()
        .filter(|e| query.include_retired.unwrap_or(true) || e.entry().applies_on(today))
        .filter(|e| {
            needle.is_empty()
                || hoso_domain::text::fold(&e.code).contains(&needle)
                || hoso_domain::text::fold(&e.label).contains(&needle)
        })
        .map(crate::views::catalog_entry)
        .collect();
    Ok(CatalogView {
        catalog: crate::views::catalog(&row, total),
        entries,
    })
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct CatalogQuery {
    /// Only entries whose code or label contains this (case- and accent-insensitive).
    pub q: Option<String>,
    /// Include entries no longer in force (retired, or former provinces); default true.
    pub include_retired: Option<bool>,
}
