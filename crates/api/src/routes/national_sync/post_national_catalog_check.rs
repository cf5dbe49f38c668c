use actix_web::{post, web, HttpResponse};
use hoso_api_types::jobs::JobView;

use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
pub struct CatalogCheckQuery {
    /// Answer once the check has ended (up to 25 seconds): its `state` is then `succeeded`, or
    /// `queued` with `last_error` when the national side could not be read and it will retry.
    #[param(example = true)]
    pub wait: Option<bool>,
}

/// Asks the national side now for newer versions of the shared catalogues the mapping file
/// names (ethnic groups, religions, education and training levels, salary scales, grades and
/// professional titles, leadership and Party positions); the nightly check at 02:30 does the
/// same. A durable job: each newer version is kept with the changes it would make, for review.
/// Audited `catalog.national_check_requested`.
#[utoipa::path(
    tag = super::TAG,
    params(CatalogCheckQuery),
    responses(
        (status = 202, description = "Queued (or, with `wait`, ended); its updates appear in the list when it is done.", body = JobView),
        (status = 403, description = "Not an administrator holding administer_catalogs.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`national_not_configured`: no connection; `national_consent_missing`: no consent recorded.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/catalog-checks")]
pub async fn post_national_catalog_check(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<CatalogCheckQuery>,
) -> Result<HttpResponse, HttpError> {
    let wait = query.into_inner().wait == Some(true);
    let job = hoso_app::national::catalog_updates::start_catalog_check(&state.app, session.0, wait).await?;
    Ok(HttpResponse::Accepted().json(job))
}
