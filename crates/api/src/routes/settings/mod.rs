//! Deployment settings: the regulation profile the workflow's deadlines and approval windows
//! follow (`hung-yen`, `tien-giang` or custom).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_regulation_profile;
pub mod put_regulation_profile;

pub const TAG: &str = "settings";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_regulation_profile::get_regulation_profile)
        .service(put_regulation_profile::put_regulation_profile);
}
