use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierSummary;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The signed-in person's own dossier, if it has been opened (404 otherwise, or for accounts
/// that are not a person's).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Their dossier.", body = DossierSummary)),
    security(("bearer" = []))
)]
#[get("/me/dossier")]
pub async fn get_my_dossier(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::me::read_my_dossier(&state, session.0).await?;
    Ok(HttpResponse::Ok().json(result))
}
