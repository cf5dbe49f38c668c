use actix_web::{get, web, HttpResponse};
use hoso_api_types::catalogs::CatalogView;
use hoso_store::catalogs;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
pub struct CatalogQuery {
    /// Only entries whose code or label contains this (case- and accent-insensitive).
    pub q: Option<String>,
    /// Include entries no longer in force (retired, or former provinces); default true.
    pub include_retired: Option<bool>,
}

/// One catalogue with its entries by code.
#[utoipa::path(
    tag = super::TAG,
    params(("kind" = String, Path, description = "Catalogue kind, e.g. `grades`"), CatalogQuery),
    responses((status = 200, description = "The catalogue.", body = CatalogView)),
    security(("bearer" = []))
)]
#[get("/catalogs/{kind}")]
pub async fn get_catalog(
    _session: Session,
    state: web::Data<AppState>,
    kind: web::Path<String>,
    query: web::Query<CatalogQuery>,
) -> Result<HttpResponse, HttpError> {
    let kind = kind.into_inner();
    let (row, entries) = state
        .db(move |conn| {
            let row = super::load(conn, &kind)?;
            let entries = catalogs::entries(conn, &kind)?;
            Ok((row, entries))
        })
        .await?;
    let total = i64::try_from(entries.len()).unwrap_or(i64::MAX);
    let today = hoso_app::clock::today();
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
        .map(hoso_app::views::catalog_entry)
        .collect();
    Ok(HttpResponse::Ok().json(CatalogView {
        catalog: hoso_app::views::catalog(&row, total),
        entries,
    }))
}
