//! Agencies ask Sở Nội vụ for accounts or rights for their subordinate units; Sở Nội vụ
//! approves (creating the account) or rejects (ACC-7).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_account_requests;
pub mod post_account_request;
pub mod post_account_request_approve;
pub mod post_account_request_reject;

pub const TAG: &str = "account-requests";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_account_requests::get_account_requests)
        .service(post_account_request::post_account_request)
        .service(post_account_request_approve::post_account_request_approve)
        .service(post_account_request_reject::post_account_request_reject);
}
