use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::DossierView;
use hoso_domain::access::check_edit_dossier;
use hoso_domain::dossier::protection::{redact, RestrictionLevel};
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// A dossier and its latest approved version, with only the fields the reader's restriction
/// level allows (SEC-2). The read is recorded (`dossier.viewed`): the person sees who looked.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Dossier id")),
    responses((status = 200, description = "The dossier.", body = DossierView)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}")]
pub async fn get_dossier(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let keys = state.data_keys.clone();
    let view = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.viewed")?;
            let content = match r.found.dossier.current_version {
                0 => None,
                n => {
                    let version =
                        dossiers::version(conn, &r.found.dossier.id, n)?.ok_or(AppError::NotFound)?;
                    let whole = super::open_content(&keys, &version.content, version.sealed.as_deref())?;
                    Some(redact(&whole, r.level))
                }
            };
            // An archived dossier is read-only for everyone (TRF-5).
            let editable = r.level >= RestrictionLevel::Full
                && !hoso_app::workflow::is_archived(&r.found.person.service_status)
                && check_edit_dossier(&session.actor, &r.found.person.id, &r.path).is_ok();
            Ok(DossierView {
                summary: super::summary(&r.found),
                level: r.level,
                content,
                editable,
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
