//! Approvals (WF-2, WF-3, WF-5, WF-6/7, CTX-5): the queues of reviews waiting for each actor,
//! the focal officer's lock or return, the head's and Sở Nội vụ's signatures, batch signing.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_approval;
pub mod get_approval_signing_payload;
pub mod get_approvals;
pub mod post_approval_lock;
pub mod post_approval_return;
pub mod post_approval_sign;
pub mod post_approvals_batch_sign;

pub const TAG: &str = "approvals";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_approvals::get_approvals)
        .service(post_approvals_batch_sign::post_approvals_batch_sign)
        .service(get_approval::get_approval)
        .service(get_approval_signing_payload::get_approval_signing_payload)
        .service(post_approval_lock::post_approval_lock)
        .service(post_approval_return::post_approval_return)
        .service(post_approval_sign::post_approval_sign);
}
