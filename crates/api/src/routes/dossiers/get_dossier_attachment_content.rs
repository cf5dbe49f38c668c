use actix_web::{get, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Download an attached scan: checked against the right to read the dossier, recorded as
/// `dossier.attachment_downloaded`.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id"),
        ("attachment_id" = String, Path, description = "Attachment id"),
    ),
    responses((status = 200, description = "The file, as uploaded.", content_type = "application/octet-stream")),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/attachments/{attachment_id}/content")]
pub async fn get_dossier_attachment_content(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, HttpError> {
    let (id, attachment_id) = path.into_inner();
    let file = hoso_app::dossiers::read_dossier_attachment(&state, session.0, id, attachment_id).await?;
    Ok(crate::export::file_response(file))
}
