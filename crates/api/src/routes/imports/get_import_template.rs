use actix_web::{get, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The empty template of an import kind as an Excel workbook: one sheet per sheet of the kind
/// (for `staff`: «Nhân sự» and one per repeating section of the form, joined by citizen ID),
/// Vietnamese headers in the form's order (`*` marks a required column), drop-down lists of
/// the catalogues' codes and labels from a hidden sheet «Danh mục», dates formatted dd/mm/yyyy,
/// citizen IDs as text, and a sheet «Hướng dẫn». Agency accounts with `create_dossiers` or
/// `update_dossiers`.
#[utoipa::path(
    tag = super::TAG,
    params(("kind" = String, Path, description = "The kind of import: `staff`.", example = "staff")),
    responses(
        (status = 200, description = "The template.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 403, description = "Not an account that may import."),
        (status = 422, description = "`invalid_choice` on `kind`: no such kind of import.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/imports/templates/{kind}")]
pub async fn get_import_template(
    session: Session,
    state: web::Data<AppState>,
    kind: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let file = hoso_app::imports::download_import_template(&state, session.0, kind.into_inner()).await?;
    Ok(crate::export::file_response(file))
}
