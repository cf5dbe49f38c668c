use actix_web::{post, web, HttpResponse};
use hoso_api_types::national::{NewReconciliation, ReconciliationView};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Asks for a reconciliation now: a durable job lists what the national database changed for
/// the province since `since` (default: 92 days ago), compares each record's packet hash with
/// the last packet of that person it acknowledged, and keeps the differences (`missing_there`,
/// `different`, `missing_here`). Audited `national.reconciliation_requested`.
#[utoipa::path(
    tag = super::TAG,
    request_body = NewReconciliation,
    responses(
        (status = 202, description = "Queued; read it again for its differences.", body = ReconciliationView),
        (status = 403, description = "Not an administrator holding manage_api_clients.", body = hoso_api_types::ErrorBody),
        (status = 409, description = "`national_not_configured`: no connection.", body = hoso_api_types::ErrorBody),
        (status = 422, description = "`since`: `future_date`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/national-sync/reconciliations")]
pub async fn post_national_reconciliation(
    session: Session,
    state: web::Data<AppState>,
    body: crate::json::Json<NewReconciliation>,
) -> Result<HttpResponse, HttpError> {
    let row = hoso_app::national::start_reconciliation(&state.app, session.0, body.into_inner()).await?;
    Ok(HttpResponse::Accepted().json(row))
}
