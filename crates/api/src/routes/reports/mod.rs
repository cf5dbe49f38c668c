//! Statutory reports and breakdowns (USE-2…4): headcount by grade, job position, gender, age
//! band, ethnicity, religion, qualification, political theory, state management, Party
//! membership and rating, for a unit and its subtree, today or as of a past date; quotas
//! against headcount; the update status of dossiers (WF-8) and Tiền Giang's agency report on the
//! use, update, approval and sync of data. Aggregates are shared (USE-6): every unit sees the
//! province's figures; individual rows stay within scope (`/search`, `/lists`).
//!
//! Today's figures are counted by the database from the facts of the versions in force. A past
//! date is counted from what stood then: the unit tree of that day (`unit_versions`), where each
//! person was placed (`person_placements`) and the dossier version then in force — slower, so
//! such reports can also run as jobs with progress (`/report-jobs`).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_annual_report;
pub mod get_report;
pub mod get_report_job;
pub mod get_report_jobs;
pub mod get_report_schedule;
pub mod post_report_job;

pub const TAG: &str = "reports";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_report::get_report)
        .service(get_annual_report::get_annual_report)
        .service(post_report_job::post_report_job)
        .service(get_report_jobs::get_report_jobs)
        .service(get_report_schedule::get_report_schedule)
        .service(get_report_job::get_report_job);
}

pub(crate) use hoso_app::reports::*;
