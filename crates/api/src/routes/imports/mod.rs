//! Imports of existing staff from spreadsheets (`hoso_app::imports`, issue #15): templates, the
//! dry run with its marked workbook, and the commit on the job queue.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_import;
pub mod get_import_marked;
pub mod get_import_template;
pub mod get_imports;
pub mod post_import;
pub mod post_import_commit;

pub const TAG: &str = "imports";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_import_template::get_import_template)
        .service(get_imports::get_imports)
        .service(post_import::post_import)
        .service(get_import::get_import)
        .service(get_import_marked::get_import_marked)
        .service(post_import_commit::post_import_commit);
}
