use actix_web::{get, web, HttpResponse};
use hoso_api_types::catalogs::CatalogSummary;

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
    let result = hoso_app::catalogs::list_catalogs(&state, _session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
