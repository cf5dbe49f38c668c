//! Liveness, readiness, what this deployment is, and the OpenAPI document itself.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_health;
pub mod get_info;
pub mod get_openapi;
pub mod get_ready;

pub const TAG: &str = "system";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_health::get_health)
        .service(get_ready::get_ready)
        .service(get_info::get_info)
        .service(get_openapi::get_openapi);
}
