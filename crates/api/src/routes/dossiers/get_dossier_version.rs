use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::VersionView;
use hoso_domain::dossier::protection::redact;
use hoso_store::dossiers;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// One approved version with its content: the canonical JSON export of that version, with the
/// fields above the reader's level absent. Recorded as `dossier.exported`.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id"),
        ("number" = i32, Path, description = "Version number, from 1"),
    ),
    responses((status = 200, description = "The version.", body = VersionView)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions/{number}")]
pub async fn get_dossier_version(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, HttpError> {
    let (id, number) = path.into_inner();
    let keys = state.data_keys.clone();
    let view = state
        .db(move |conn| {
            let r = super::load_readable(conn, &session, &id, "dossier.exported")?;
            let version = dossiers::version(conn, &r.found.dossier.id, number)?.ok_or(AppError::NotFound)?;
            let whole = super::open_content(&keys, &version.content, version.sealed.as_deref())?;
            Ok(VersionView {
                dossier_id: r.found.dossier.id.clone(),
                dossier_number: r.found.dossier.dossier_number.clone(),
                version: hoso_app::views::dossier_version(&version),
                level: r.level,
                content: redact(&whole, r.level),
            })
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            format!(
                "inline; filename=\"{}-v{}.json\"",
                view.dossier_number, view.version.number
            ),
        ))
        .json(view))
}
