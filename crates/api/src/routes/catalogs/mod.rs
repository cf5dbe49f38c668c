//! The national catalogues (CTX-2): read by every signed-in account, extended and retired by
//! administrators with `administer_catalogs`. Codes are never deleted or reused.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_catalog;
pub mod get_catalogs;
pub mod post_catalog_entry;
pub mod post_catalog_entry_retire;

pub const TAG: &str = "catalogs";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_catalogs::get_catalogs)
        .service(get_catalog::get_catalog)
        .service(post_catalog_entry::post_catalog_entry)
        .service(post_catalog_entry_retire::post_catalog_entry_retire);
}
