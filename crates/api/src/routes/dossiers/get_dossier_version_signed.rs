use actix_web::{get, web, HttpResponse};
use hoso_domain::approval::SignedExport;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// A version with its signatures (USE-5), to hand over and verify offline with `hoso verify`
/// or `POST /signatures/verify`. The signatures cover the whole content, so only a reader who
/// may see every field (or the person) can take it; others get 403.
#[utoipa::path(
    tag = super::TAG,
    params(
        ("id" = String, Path, description = "Dossier id"),
        ("number" = i32, Path, description = "Version number"),
    ),
    responses((status = 200, description = "The signed export (JSON).", body = SignedExport)),
    security(("bearer" = []))
)]
#[get("/dossiers/{id}/versions/{number}/signed")]
pub async fn get_dossier_version_signed(
    session: Session,
    state: web::Data<AppState>,
    path: web::Path<(String, i32)>,
) -> Result<HttpResponse, HttpError> {
    let (id, number) = path.into_inner();
    let export = hoso_app::dossiers::read_signed_export(&state.app, session.0, id, number).await?;
    let file_name = format!("{}-v{}-signed.json", export.dossier_number, export.version);
    Ok(HttpResponse::Ok()
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{file_name}\""),
        ))
        .json(export))
}
