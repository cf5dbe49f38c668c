use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::ReconciliationView;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// One reconciliation with every difference it found, each with its dossier (when it is one of
/// the province's) and what was done about it.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Reconciliation id", example = "a41c7e02-…")),
    responses(
        (status = 200, description = "The reconciliation and its differences.", body = ReconciliationView),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
        (status = 404, description = "No such reconciliation.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/reconciliations/{id}")]
pub async fn get_national_reconciliation(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let row = hoso_app::national::read_reconciliation(&state.app, session.0, id.into_inner()).await?;
    Ok(HttpResponse::Ok().json(row))
}
