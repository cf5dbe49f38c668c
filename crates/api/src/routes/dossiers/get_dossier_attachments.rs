use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::AttachmentView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The scans attached to a dossier, oldest first, for anyone who may read it.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The attachments.", body = [AttachmentView])),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/attachments")]
pub async fn get_dossier_attachments(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::dossiers::list_dossier_attachments(&state, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
