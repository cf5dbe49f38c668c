use actix_web::{get, web, HttpResponse};
use hoso_api_types::audit::AuditPage;
use hoso_app::me::list_my_audit_events::MyAuditQuery;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// "Ai đã xem hồ sơ của tôi": who read or changed the signed-in person's data, and every
/// change to their own account (CTX-3, SEC-7). Newest first.
#[utoipa::path(
    tag = super::TAG,
    params(MyAuditQuery),
    responses((status = 200, description = "Events about me.", body = AuditPage)),
    security(("bearer" = []))
)]
#[get("/me/audit")]
pub async fn get_my_audit(
    session: Session,
    state: web::Data<AppState>,
    query: web::Query<MyAuditQuery>,
) -> Result<HttpResponse, HttpError> {
    let result = hoso_app::me::list_my_audit_events(&state, session.0, query.into_inner()).await?;
    Ok(HttpResponse::Ok().json(result))
}
