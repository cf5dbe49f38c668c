//! The first run from the SPA (issue #14): while no province and no administrator exist, the
//! one-time token printed by the server lets whoever installs it set the province up.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_setup;
pub mod post_setup;

pub const TAG: &str = "setup";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_setup::get_setup).service(post_setup::post_setup);
}
