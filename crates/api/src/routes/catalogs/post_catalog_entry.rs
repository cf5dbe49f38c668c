use actix_web::{post, web, HttpResponse};
use hoso_api_types::catalogs::{CatalogEntryView, NewCatalogEntryRequest};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Add an entry to a catalogue (administrators with `administer_catalogs`). The code must have
/// the catalogue's shape and never have been used in it; a parent or successor must exist.
/// Audited with the text the entry comes from.
#[utoipa::path(
    tag = super::TAG,
    params(("kind" = String, Path, description = "Catalogue kind")),
    request_body = NewCatalogEntryRequest,
    responses((status = 201, description = "Added.", body = CatalogEntryView)),
    security(("bearer" = []))
)]
#[post("/catalogs/{kind}/entries")]
pub async fn post_catalog_entry(
    session: Session,
    state: web::Data<AppState>,
    kind: web::Path<String>,
    body: crate::json::Json<NewCatalogEntryRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::catalogs::create_catalog_entry(&state, session.0, kind.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Created().json(result))
}
