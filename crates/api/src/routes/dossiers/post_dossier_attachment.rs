use actix_web::{post, web, HttpResponse};
use hoso_api_types::dossiers::{AttachRequest, AttachmentView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Attach an uploaded scan to a dossier (DOS-3), typed by `document_kinds` and linked to the item
/// it proves. Same authority as editing the draft; the document must be one the caller may read.
/// Audited.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    request_body = AttachRequest,
    responses((status = 201, description = "Attached.", body = AttachmentView)),
    security(("bearer" = []))
)]
#[post("/dossiers/{id}/attachments")]
pub async fn post_dossier_attachment(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: crate::json::Json<AttachRequest>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::dossiers::create_dossier_attachment(&state, session.0, id.into_inner(), body.into_inner())
            .await?;
    Ok(HttpResponse::Created().json(result))
}
