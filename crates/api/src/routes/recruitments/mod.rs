//! Recruitments (ACC-6, DOS-1): an agency records a new recruit — person, dossier draft and
//! placement in one transaction — and follows the personal account due within working days.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_recruitments;
pub mod post_recruitment;

pub const TAG: &str = "recruitments";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_recruitment::post_recruitment)
        .service(get_recruitments::get_recruitments);
}
