//! Job positions (ORG-3): who holds which.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod post_position_holder;

pub const TAG: &str = "units";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_position_holder::post_position_holder);
}
