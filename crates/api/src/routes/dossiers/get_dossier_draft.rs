use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DraftView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The draft being edited, at the reader's level, with the required items still empty.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The draft.", body = DraftView)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/draft")]
pub async fn get_dossier_draft(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::read_dossier_draft(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
