use actix_web::{post, web, HttpResponse};
use hoso_api_types::accounts::IssuedClientSecret;
use hoso_domain::access::check_manage_api_clients;
use hoso_store::api_clients;

use crate::auth::{secrets, Session};
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

/// Issue a new secret; the old one and every token obtained with it stop working at once.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "API client id")),
    responses((status = 200, description = "The new one-time secret.", body = IssuedClientSecret)),
    security(("bearer" = []))
)]
#[post("/api-clients/{id}/rotate-secret")]
pub async fn post_api_client_rotate_secret(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    check_manage_api_clients(&session.actor)?;
    let id = id.into_inner();
    let secret = secrets::random_token();
    let digest = secrets::digest(&secret);
    let row = state
        .db(move |conn| {
            let mut row = api_clients::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if row.status != "active" {
                return Err(super::super::accounts::invalid_state("Kết nối đã bị thu hồi."));
            }
            row.secret_hash = digest;
            row.auth_version += 1;
            let row = api_clients::save(conn, &row)?;
            let mut event = session.event("api_client.secret_rotated");
            event.target_type = Some("api_client".into());
            event.target_id = Some(row.id.clone());
            event.right_used = Some("manage_api_clients".into());
            hoso_app::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(HttpResponse::Ok().json(IssuedClientSecret {
        client: views::api_client(&row),
        client_secret: secret,
    }))
}
