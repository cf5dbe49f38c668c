//! Scanned documents: decisions that account changes rest on (ACC-4), and later the dossier's
//! attachments and evidence (DOS-3, WF-4). Uploaded once, never changed or deleted.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_document;
pub mod post_document;

pub const TAG: &str = "documents";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_document::post_document)
        .service(get_document::get_document);
}
