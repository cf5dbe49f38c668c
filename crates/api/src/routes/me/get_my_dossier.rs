use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierSummary;
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// The signed-in person's own dossier, if it has been opened (404 otherwise, or for accounts
/// that are not a person's).
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "Their dossier.", body = DossierSummary)),
    security(("bearer" = []))
)]
#[get("/me/dossier")]
pub async fn get_my_dossier(session: Session, state: web::Data<AppState>) -> Result<HttpResponse, HttpError> {
    let person = session.actor.person_id.clone().ok_or(AppError::NotFound)?;
    let found = state
        .db(move |conn| {
            let row = dossiers::find_by_person(conn, &person)?.ok_or(AppError::NotFound)?;
            dossiers::find(conn, &row.id)?.ok_or(AppError::NotFound)
        })
        .await?;
    Ok(HttpResponse::Ok().json(crate::routes::dossiers::summary(&found)))
}
