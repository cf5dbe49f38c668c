//! People, as far as account management needs them; the dossier capability adds the rest.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_people;

pub const TAG: &str = "people";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_people::get_people);
}
