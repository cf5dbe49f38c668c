use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::DossierNationalLog;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The message log of one person (as X-Road keeps one): every request hoso sent the national
/// side about this dossier and every answer, in the log's order with each entry's chained hash
/// (deliveries of its messages, the read of the national record on arrival, corrections
/// received), and the dossier's messages, newest first. Administrators holding
/// `manage_api_clients`; the read is audited `dossier.national_log_viewed`.
#[utoipa::path(
    tag = "national-sync",
    params(("id" = String, Path, description = "Dossier id", example = "c2d4e6f8-1a3b-4c5d-8e9f-0a1b2c3d4e5f")),
    responses(
        (status = 200, description = "The person's exchanges with the national side.", body = DossierNationalLog),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such dossier.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/national-log")]
pub async fn get_dossier_national_log(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let log = hoso_app::national::read_dossier_national_log(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(log))
}
