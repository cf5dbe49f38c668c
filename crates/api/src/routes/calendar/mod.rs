//! The working-day calendar (CTX-4): read by everyone (deadlines concern everyone), each year's
//! plan set by administrators.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_calendar_year;
pub mod get_deadline;
pub mod put_calendar_year;

pub const TAG: &str = "calendar";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_deadline::get_deadline)
        .service(get_calendar_year::get_calendar_year)
        .service(put_calendar_year::put_calendar_year);
}
