use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DraftView;
use hoso_store::dossiers;

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
    let keys = state.data_keys.clone();
    let view = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let draft = dossiers::draft(conn, &r.found.dossier.id)?;
            let whole = super::open_content(&keys, &draft.content, draft.sealed.as_deref())?;
            super::draft_view(conn, &r, draft, &whole)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
