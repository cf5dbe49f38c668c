use actix_web::{get, web, HttpResponse};
use hoso_api_types::audit::AuditPage;
use hoso_app::audit::list_audit_events::AuditQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Query the audit trail by person, account, unit and time. Requires `view_audit`; an agency
/// sees the events of units in its subtree, Sở Nội vụ all of them. Newest first.
#[utoipa::path(
    tag = super::TAG,
    params(AuditQuery),
    responses((status = 200, description = "One page of events.", body = AuditPage)),
    security(("bearer" = []))
)]
#[get("/audit")]
pub async fn get_audit(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<AuditQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::audit::list_audit_events(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
