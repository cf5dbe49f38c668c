use actix_web::{get, web, HttpResponse};
use hoso_api_types::national_catalogs::NationalCatalogUpdateList;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CatalogUpdateQuery {
    /// `pending`, `unchanged`, `invalid`, `accepted`, `rejected` or `superseded`; other values
    /// are 422 `invalid_choice`.
    #[param(example = "pending")]
    pub state: Option<String>,
}

/// The versions of the shared national catalogues read so far (nightly, or when asked), newest
/// first, at most 200: each with the changes it would make to ours (`added`, `changed`,
/// `retired`), our codes it no longer lists, and what became of it; and how many wait for an
/// administrator's review. Administrators holding `administer_catalogs`.
#[utoipa::path(
    tag = super::TAG,
    params(CatalogUpdateQuery),
    responses(
        (status = 200, description = "Catalogue versions, newest first.", body = NationalCatalogUpdateList),
        (status = 403, description = "Not an administrator holding administer_catalogs.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`state`: `invalid_choice`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/catalog-updates")]
pub async fn get_national_catalog_updates(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<CatalogUpdateQuery>,
) -> Result<HttpResponse, HttpError> {
    let list = hoso_app::national::catalog_updates::list_catalog_updates(
        &state.app,
        session.0,
        query.into_inner().state,
    )
    .await?;
    Ok(HttpResponse::Ok().json(list))
}
