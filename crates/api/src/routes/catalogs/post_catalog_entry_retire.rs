use actix_web::{post, web, HttpResponse};
use hoso_api_types::catalogs::{CatalogEntryView, RetireCatalogEntryRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// End an entry's validity (administrators with `administer_catalogs`), optionally naming its
/// successor. The entry stays: records made while it applied still show its label. Audited.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("kind" = String, Path, description = "Catalogue kind"),
        ("code" = String, Path, description = "Entry code"),
    ),
    request_body = RetireCatalogEntryRequest,
    responses((status = 200, description = "Retired.", body = CatalogEntryView)),
    security(("bearer" = []))
)]
#[post("/catalogs/{kind}/entries/{code}/retire")]
pub async fn post_catalog_entry_retire(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
    body: crate::json::Json<RetireCatalogEntryRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::catalogs::retire_catalog_entry(&state, session.0, path.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Ok().json(result))
}
