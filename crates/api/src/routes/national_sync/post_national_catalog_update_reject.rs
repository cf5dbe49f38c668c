use actix_web::{post, web, HttpResponse};
use hoso_api_types::national_catalogs::{NationalCatalogUpdateView, RejectCatalogUpdate};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Rejects a pending version of a national catalogue: nothing of it takes effect; the next
/// version the national side publishes is read and compared again. Audited
/// `catalog.national_update_rejected` with the reason.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Catalogue update id", example = "5b1c0f4e-2a8d-4c61-9e0b-7d3f2a1c9e88")),
    request_body = RejectCatalogUpdate,
    responses(
        (status = 200, description = "Rejected; the update as it now stands.", body = NationalCatalogUpdateView),
        (status = 403, description = "Not an administrator holding administer_catalogs.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such update.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`already_resolved`: no longer pending.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`reason`: `length`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/catalog-updates/{id}/reject")]
pub async fn post_national_catalog_update_reject(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<RejectCatalogUpdate>,
) -> Result<HttpResponse, HttpError> {
    let view = hoso_app::national::catalog_updates::reject_catalog_update(
        &state.app,
        session.0,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(view))
}
