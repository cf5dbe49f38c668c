use actix_web::{get, web, HttpResponse};
use hoso_api_types::catalogs::CatalogView;
use hoso_app::catalogs::read_catalog::CatalogQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

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
    let result =
        hoso_app::catalogs::read_catalog(&state, _session.0, kind.into_inner(), query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
