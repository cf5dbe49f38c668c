use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::AttachmentView;
use hoso_store::dossiers;

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
    let list = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            Ok(dossiers::attachments(conn, &r.found.dossier.id)?)
        })
        .await?;
    let body: Vec<AttachmentView> = list
        .into_iter()
        .map(|(a, d)| super::attachment_view(a, &d))
        .collect();
    Ok(HttpResponse::Ok().json(body))
}
