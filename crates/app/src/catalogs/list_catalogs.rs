use hoso_api_types::catalogs::CatalogSummary;
use hoso_domain::catalog::shipped;
use hoso_store::catalogs;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Every catalogue with its legal source, effective date, version and number of entries, in the
/// order of the personal-history form.
pub async fn list_catalogs(app: &App, _session: Session) -> Result<Vec<CatalogSummary>, AppError> {
    let mut list = app.db(|conn| Ok(catalogs::list(conn)?)).await?;
    let rank = |kind: &str| {
        shipped()
            .iter()
            .position(|f| f.meta.kind == kind)
            .unwrap_or(usize::MAX)
    };
    list.sort_by_key(|(row, _)| rank(&row.kind));
    let body: Vec<CatalogSummary> = list
        .iter()
        .map(|(row, count)| crate::views::catalog(row, *count))
        .collect();
    Ok(body)
}
