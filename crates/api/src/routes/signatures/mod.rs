//! Verifying signatures (CTX-5, USE-5) and the roots they are checked against.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_signature_roots;
pub mod post_signature_verify;

pub const TAG: &str = "signatures";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(post_signature_verify::post_signature_verify)
        .service(get_signature_roots::get_signature_roots);
}
