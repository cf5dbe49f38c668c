//! Organisation units, read-only here: the organisation capability adds their management.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_units;

pub const TAG: &str = "units";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_units::get_units);
}
