//! The deadline dashboard (WF-8): what is due and overdue, by unit and by officer.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_deadlines;

pub const TAG: &str = "deadlines";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_deadlines::get_deadlines);
}
