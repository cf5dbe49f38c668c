//! Agencies propose new units under them; Sở Nội vụ approves (the unit is created as
//! `POST /units` would) or rejects (ORG-1, ACC-7).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_unit_kinds;
pub mod get_unit_requests;
pub mod post_unit_request;
pub mod post_unit_request_approve;
pub mod post_unit_request_reject;

pub const TAG: &str = "unit-requests";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_unit_kinds::get_unit_kinds)
        .service(get_unit_requests::get_unit_requests)
        .service(post_unit_request::post_unit_request)
        .service(post_unit_request_approve::post_unit_request_approve)
        .service(post_unit_request_reject::post_unit_request_reject);
}
