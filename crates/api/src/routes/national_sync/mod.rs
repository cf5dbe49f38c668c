//! The national sync (`hoso_app::national`, docs/integration.md): the outbox to the national
//! CBCCVC database, each message's exchanges, re-sending a refused one, and the check of the
//! hash-chained message log, the reconciliations with what the national database holds, and
//! the review of the shared national catalogues' new versions.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_national_catalog_update;
pub mod get_national_catalog_updates;
pub mod get_national_consent;
pub mod get_national_log_verification;
pub mod get_national_message;
pub mod get_national_messages;
pub mod get_national_reconciliation;
pub mod get_national_reconciliations;
pub mod post_national_catalog_check;
pub mod post_national_catalog_update_accept;
pub mod post_national_catalog_update_reject;
pub mod post_national_difference_correction;
pub mod post_national_difference_resend;
pub mod post_national_message_retry;
pub mod post_national_reconciliation;
pub mod put_national_consent;

pub const TAG: &str = "national-sync";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_national_messages::get_national_messages)
        .service(get_national_log_verification::get_national_log_verification)
        .service(get_national_message::get_national_message)
        .service(post_national_message_retry::post_national_message_retry)
        .service(get_national_reconciliations::get_national_reconciliations)
        .service(post_national_reconciliation::post_national_reconciliation)
        .service(get_national_reconciliation::get_national_reconciliation)
        .service(post_national_difference_resend::post_national_difference_resend)
        .service(post_national_difference_correction::post_national_difference_correction)
        .service(get_national_consent::get_national_consent)
        .service(put_national_consent::put_national_consent)
        .service(post_national_catalog_check::post_national_catalog_check)
        .service(get_national_catalog_updates::get_national_catalog_updates)
        .service(get_national_catalog_update::get_national_catalog_update)
        .service(post_national_catalog_update_accept::post_national_catalog_update_accept)
        .service(post_national_catalog_update_reject::post_national_catalog_update_reject);
}
