//! The lists HR officers need (USE-3, WF-8): people due a regular salary-step raise or
//! beyond-frame seniority, reaching retirement age, whose labour contract ends, in a period; and
//! the dossiers not yet submitted, checked or approved. Individual rows: within the caller's
//! scope, for those who may list dossiers.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_list;

pub const TAG: &str = "lists";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_list::get_list);
}
