use actix_web::{get, web, HttpResponse};
use hoso_api_types::system::Health;

use crate::state::AppState;

/// Liveness: the process is up and answering. Checks nothing else, so that an orchestrator
/// does not restart a server whose database is merely slow.
#[utoipa::path(
    tag = super::TAG,
    responses((status = 200, description = "The process is up.", body = Health))
)]
#[get("/health")]
pub async fn get_health(state: web::Data<AppState>) -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("Cache-Control", "no-store"))
        .json(Health {
            status: "ok".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            uptime_seconds: state.started_at.elapsed().as_secs(),
        })
}
