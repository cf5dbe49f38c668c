use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::VersionSummary;
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The approved versions of a dossier, oldest first: who approved each, when, and its hash.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The versions.", body = [VersionSummary])),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions")]
pub async fn get_dossier_versions(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let list = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            Ok(dossiers::versions(conn, &r.found.dossier.id)?)
        })
        .await?;
    let body: Vec<VersionSummary> = list.iter().map(hoso_app::views::dossier_version).collect();
    Ok(HttpResponse::Ok().json(body))
}
