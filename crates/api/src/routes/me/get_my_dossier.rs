use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierSummary;
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::ApiError;
use crate::state::AppState;

/// The signed-in person's own dossier, if it has been opened (404 otherwise, or for accounts
/// that are not a person's).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Their dossier.", body = DossierSummary)),
    security(("bearer" = []))
)]
#[get("/me/dossier")]
pub async fn get_my_dossier(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let person = session.actor.person_id.clone().ok_or(ApiError::NotFound)?;
    let found = state
        .db(move |conn| {
            let row = dossiers::find_by_person(conn, &person)?.ok_or(ApiError::NotFound)?;
            dossiers::find(conn, &row.id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(HttpResponse::Ok().json(crate::routes::dossiers::summary(&found)))
}
