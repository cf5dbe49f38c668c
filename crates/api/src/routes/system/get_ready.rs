use actix_web::{get, web, HttpResponse};
use hoso_api_types::system::{DatabaseStatus, Readiness};
use hoso_store::migrations;

use crate::state::AppState;

/// Readiness: the database answers and every migration this binary knows is applied.
/// Answers 503 with the same body when not, so a load balancer keeps traffic away.
#[utoipa::path(
    tag = super::TAG,
    responses(
        (status = 200, description = "Ready to serve requests.", body = Readiness),
        (status = 503, description = "Not ready: the database is unreachable or its schema is behind.", body = Readiness),
    )
)]
#[get("/ready")]
pub async fn get_ready(state: web::Data<AppState>) -> HttpResponse {
    let status = state.db(|conn| Ok(migrations::status(conn)?)).await;
    let database = match &status {
        Ok(status) => DatabaseStatus {
            backend: state.backend.to_string(),
            reachable: true,
            applied_migrations: status.applied as u32,
            pending_migrations: status.pending as u32,
        },
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            DatabaseStatus {
                backend: state.backend.to_string(),
                reachable: false,
                applied_migrations: 0,
                pending_migrations: 0,
            }
        }
    };
    let ready = database.reachable && database.pending_migrations == 0;
    let mut response = if ready {
        HttpResponse::Ok()
    } else {
        HttpResponse::ServiceUnavailable()
    };
    response
        .insert_header(("Cache-Control", "no-store"))
        .json(Readiness { ready, database })
}
