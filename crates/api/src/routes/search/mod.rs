//! Search by any criteria (USE-1): over the facts of approved dossiers, within the caller's
//! scope, by name with stable pages; saved searches; CSV and Excel exports.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_saved_searches;
pub mod get_search;
pub mod get_search_workbook;
pub mod post_saved_search;

pub const TAG: &str = "search";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_search_workbook::get_search_workbook)
        .service(get_search::get_search)
        .service(get_saved_searches::get_saved_searches)
        .service(post_saved_search::post_saved_search);
}
