use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierSummary;
use hoso_app::dossiers::list_dossiers::DossierQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Dossiers in service within the caller's scope, by name (requires `read_dossiers`); the
/// archived ones are under `GET /archive`.
#[utoipa::path(
    tag = super::TAG,
    params(DossierQuery),
    responses((status = 200, description = "Dossiers by name.", body = [DossierSummary])),
    security(("bearer" = []))
)]
#[get("/dossiers")]
pub async fn get_dossiers(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<DossierQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::list_dossiers(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
