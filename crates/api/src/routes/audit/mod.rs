//! The audit trail for those who oversee it (SEC-7). Read only: no endpoint changes or
//! removes an event.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_audit;

pub const TAG: &str = "audit";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_audit::get_audit);
}
