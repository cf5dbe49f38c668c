//! Statutory reports and breakdowns (USE-2…4): headcount by grade, job position, gender, age
//! band, ethnicity, religion, qualification, political theory, state management, Party
//! membership and rating, for a unit and its subtree. Aggregates are shared (USE-6): every
//! unit sees the province's figures; individual rows stay within scope (`/search`).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_report;

pub const TAG: &str = "reports";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_report::get_report);
}
