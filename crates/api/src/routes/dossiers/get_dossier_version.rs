use actix_web::{get, web, HttpResponse};
use hoso_api_types::dossiers::VersionView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

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
    let view = hoso_app::dossiers::read_dossier_version(&state, session.0, id, number).await?;
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
