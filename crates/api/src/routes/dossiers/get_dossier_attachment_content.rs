use actix_web::{get, web, HttpResponse};
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

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
    let document = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.attachment_downloaded")?;
            dossiers::attachments(conn, &r.found.dossier.id)?
                .into_iter()
                .find(|(a, _)| a.id == attachment_id)
                .map(|(_, d)| d)
                .ok_or(AppError::NotFound)
        })
        .await?;
    crate::routes::documents::file_response(&state, document).await
}
