use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::{ApiClientView, DecideRequest};
use hoso_domain::access::check_manage_api_clients;
use hoso_store::api_clients;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

/// Revoke a client for good: its tokens stop working at once.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "API client id")),
    request_body = DecideRequest,
    responses((status = 200, description = "Revoked.", body = ApiClientView)),
    security(("bearer" = []))
)]
#[post("/api-clients/{id}/revoke")]
pub async fn post_api_client_revoke(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<DecideRequest>,
) -> Result<HttpResponse, HttpError> {
    check_manage_api_clients(&session.actor)?;
    body.validate()?;
    let (id, note) = (id.into_inner(), body.into_inner().note);
    let row = state
        .db(move |conn| {
            let mut row = api_clients::find(conn, &id)?.ok_or(AppError::NotFound)?;
            row.status = "revoked".into();
            row.auth_version += 1;
            let row = api_clients::save(conn, &row)?;
            let mut event = session.event("api_client.revoked");
            event.target_type = Some("api_client".into());
            event.target_id = Some(row.id.clone());
            event.right_used = Some("manage_api_clients".into());
            event.reason = Some(note);
            hoso_app::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(views::api_client(&row)))
}
