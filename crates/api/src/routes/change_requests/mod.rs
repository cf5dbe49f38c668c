//! Change requests (WF-4): a change to an approved dossier, with its scanned evidence, filed by
//! the employee or by the HR unit on their behalf, then reviewed on the approval path.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_change_requests;
pub mod post_change_request;

pub const TAG: &str = "change-requests";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_change_requests::get_change_requests)
        .service(post_change_request::post_change_request);
}
