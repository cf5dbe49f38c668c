//! People: who is managed where (account management, recruitment), and each person's
//! employment category through time (ORG-2).

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_people;
pub mod get_person_categories;
pub mod post_person_category;

pub const TAG: &str = "people";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_people::get_people)
        .service(get_person_categories::get_person_categories)
        .service(post_person_category::post_person_category);
}
