use actix_web::{get, web, HttpResponse};
use hoso_api_types::national::ReconciliationList;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// The latest 50 reconciliations with the national database (the monthly run on the first
/// working day after Sở Nội vụ's window, and those asked for), newest first, each with its
/// counts and the differences still open.
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "Reconciliations, newest first.", body = ReconciliationList,
            example = json!({"items": [{"id": "a41c…", "since": "2026-11-01", "state": "done", "job_id": "9a7d…",
                "requested_by": null, "started_at": "2026-12-01T19:00:00Z", "finished_at": "2026-12-01T19:00:04Z",
                "theirs": 120, "ours": 121, "error": null, "open_differences": 2, "differences": []}]})),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[get("/national-sync/reconciliations")]
pub async fn get_national_reconciliations(
    session: Session,
    state: web::Data<AppState>,
) -> Result<HttpResponse, HttpError> {
    let list = hoso_app::national::list_reconciliations(&state.app, session.0).await?;
    Ok(HttpResponse::Ok().json(list))
}
