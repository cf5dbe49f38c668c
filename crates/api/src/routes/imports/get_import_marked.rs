use actix_web::{get, web, HttpResponse};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The uploaded workbook handed back checked: its sheets with the values hoso read, each
/// refused cell filled red with a note giving the error code and the Vietnamese message, and a
/// sheet «Lỗi» listing sheet, row, column, header, code and message of every issue. Correct
/// it in Excel and upload it again.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Import id")),
    responses(
        (status = 200, description = "The marked workbook.", content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        (status = 404, description = "No such import, or another agency's."),
    ),
    security(("bearer" = []))
)]
#[get("/imports/{id}/marked")]
pub async fn get_import_marked(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let file = hoso_app::imports::download_marked_workbook(&state, session.0, id.into_inner()).await?;
    Ok(crate::export::file_response(file))
}
