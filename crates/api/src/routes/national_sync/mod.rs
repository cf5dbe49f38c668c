//! The national sync (`hoso_app::national`, docs/integration.md): the outbox to the national
//! CBCCVC database, each message's exchanges, re-sending a refused one, and the check of the
//! hash-chained message log.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_national_log_verification;
pub mod get_national_message;
pub mod get_national_messages;
pub mod post_national_message_retry;

pub const TAG: &str = "national-sync";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_national_messages::get_national_messages)
        .service(get_national_log_verification::get_national_log_verification)
        .service(get_national_message::get_national_message)
        .service(post_national_message_retry::post_national_message_retry);
}
