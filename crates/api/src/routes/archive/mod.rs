//! The permanent archive (TRF-5): dossiers of people whose service ended — read-only,
//! searchable by those allowed, counted apart, never deleted.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_archive;

pub const TAG: &str = "archive";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_archive::get_archive);
}
