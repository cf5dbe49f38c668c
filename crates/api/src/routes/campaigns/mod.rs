//! Update campaigns (issue #6): an HR officer opens a window in which chosen people update
//! chosen sections of their dossier until a date; they are notified in the app.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_campaigns;
pub mod post_campaign;

pub const TAG: &str = "campaigns";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_campaigns::get_campaigns)
        .service(post_campaign::post_campaign);
}
