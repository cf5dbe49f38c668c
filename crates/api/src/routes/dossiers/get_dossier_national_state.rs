use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::DossierNationalState;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The dossier's standing with the national database, for whoever may read the dossier: its
/// national identifier and dossier code (CTX-1), the state of its latest message (`never_sent`,
/// `queued`, `sending`, `acknowledged`, `dead` with the reason) and, for a person who arrived
/// from another province, the national record the dossier was opened from with the items it
/// filled (the record's content is at the reader's level and its read is audited).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id", example = "c2d4e6f8-…")),
    responses(
        (status = 200, description = "The dossier's national state.", body = DossierNationalState),
        (status = 404, description = "No such dossier, or outside the reader's scope.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/national-state")]
pub async fn get_dossier_national_state(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let result =
        hoso_app::national::read_dossier_national_state(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
