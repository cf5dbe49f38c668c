use actix_web::{get, web, HttpResponse};
use hoso_api_types::national_catalogs::NationalCatalogUpdateView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One version of a shared national catalogue with every change it would make to ours.
/// Administrators holding `administer_catalogs`.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Catalogue update id", example = "5b1c0f4e-2a8d-4c61-9e0b-7d3f2a1c9e88")),
    responses(
        (status = 200, description = "The version and its changes.", body = NationalCatalogUpdateView),
        (status = 403, description = "Not an administrator holding administer_catalogs.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such update.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/catalog-updates/{id}")]
pub async fn get_national_catalog_update(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let view =
        hoso_app::national::catalog_updates::read_catalog_update(&state.app, session.0, id.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(view))
}
