use actix_web::{get, web, HttpResponse};
use hoso_api_types::system::Readiness;

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
    let readiness = hoso_app::system::readiness(&state).await;
    let mut response = if readiness.ready {
        HttpResponse::Ok()
    } else {
        HttpResponse::ServiceUnavailable()
    };
    response
        .insert_header(("Cache-Control", "no-store"))
        .json(readiness)
}
