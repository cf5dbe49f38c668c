use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DraftView;
use hoso_domain::dossier::completeness::missing;
use hoso_domain::dossier::protection::redact;
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::ApiError;
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
) -> Result<HttpResponse, ApiError> {
    let keys = state.data_keys.clone();
    let view = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let draft = dossiers::draft(conn, &r.found.dossier.id)?;
            let whole = super::open_content(&keys, &draft.content, draft.sealed.as_deref())?;
            let contract_worker = r.found.person.category == "contract_worker";
            Ok(DraftView {
                revision: draft.revision,
                based_on: draft.based_on,
                missing: missing(&super::typed(&whole)?, contract_worker),
                content: redact(&whole, r.level),
                updated_by: draft.updated_by,
                updated_at: crate::views::utc(draft.updated_at),
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
