use actix_web::{post, web, HttpResponse};
use hoso_api_types::national_catalogs::{AcceptCatalogUpdate, NationalCatalogUpdateView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Accepts a pending version of a national catalogue: every change but the codes in `skip`
/// takes effect at once (the entries become `national`, which the shipped files no longer
/// change; retired codes are refused on new writes from their last day). Audited
/// `catalog.national_update_accepted` with the reason, the codes applied and those left out.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Catalogue update id", example = "5b1c0f4e-2a8d-4c61-9e0b-7d3f2a1c9e88")),
    request_body = AcceptCatalogUpdate,
    responses(
        (status = 200, description = "Accepted; the update as it now stands.", body = NationalCatalogUpdateView),
        (status = 403, description = "Not an administrator holding administer_catalogs.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such update.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`already_resolved`: no longer pending; `catalog_changed_since`: our catalogue changed since the version was read (check again).", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`reason`: `length`; `skip`: `unknown_code` (not one of the changes), `reference_missing` (an applied entry names a parent or successor the catalogues do not hold).", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/catalog-updates/{id}/accept")]
pub async fn post_national_catalog_update_accept(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<AcceptCatalogUpdate>,
) -> Result<HttpResponse, HttpError> {
    let view = hoso_app::national::catalog_updates::accept_catalog_update(
        &state.app,
        session.0,
        id.into_inner(),
        body.into_inner(),
    )
    .await?;
    Ok(HttpResponse::Ok().json(view))
}
