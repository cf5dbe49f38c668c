use actix_web::{get, web, HttpResponse};
use hoso_api_types::transfers::TransferView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The person's moves, newest first: each with its decision (TRF-1…5).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "Moves.", body = [TransferView])),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/transfers")]
pub async fn get_dossier_transfers(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::list_dossier_transfers(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
