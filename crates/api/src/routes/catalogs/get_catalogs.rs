use actix_web::{get, web, HttpResponse};
use hoso_api_types::catalogs::CatalogSummary;
use hoso_domain::catalog::shipped;
use hoso_store::catalogs;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Every catalogue with its legal source, effective date, version and number of entries, in the
/// order of the personal-history form.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The catalogues.", body = [CatalogSummary])),
    security(("bearer" = []))
)]
#[get("/catalogs")]
pub async fn get_catalogs(_session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let mut list = state.db(|conn| Ok(catalogs::list(conn)?)).await?;
    let rank = |kind: &str| {
        shipped()
            .iter()
            .position(|f| f.meta.kind == kind)
            .unwrap_or(usize::MAX)
    };
    list.sort_by_key(|(row, _)| rank(&row.kind));
    let body: Vec<CatalogSummary> = list
        .iter()
        .map(|(row, count)| hoso_app::views::catalog(row, *count))
        .collect();
    Ok(HttpResponse::Ok().json(body))
}
