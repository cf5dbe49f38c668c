use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A dossier and its latest approved version, with only the fields the reader's restriction
/// level allows (SEC-2). The read is recorded (`dossier.viewed`): the person sees who looked.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The dossier.", body = DossierView)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}")]
pub async fn get_dossier(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::read_dossier(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
