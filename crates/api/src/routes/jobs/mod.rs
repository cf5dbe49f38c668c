//! Background jobs (`hoso_app::jobs`): the queue as administrators see it, with retry and cancel.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_job;
pub mod get_jobs;
pub mod post_job_cancel;
pub mod post_job_retry;

pub const TAG: &str = "jobs";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_jobs::get_jobs)
        .service(get_job::get_job)
        .service(post_job_retry::post_job_retry)
        .service(post_job_cancel::post_job_cancel);
}
