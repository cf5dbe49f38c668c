//! The signed-in account itself, and the trail of who handled its person's data.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_me;
pub mod get_my_audit;
pub mod get_my_campaigns;
pub mod get_my_certificates;
pub mod get_my_dossier;
pub mod get_my_mail_settings;
pub mod get_my_notifications;
pub mod post_my_certificate;
pub mod post_my_notification_read;
pub mod put_my_mail_settings;

pub const TAG: &str = "me";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_me::get_me)
        .service(get_my_audit::get_my_audit)
        .service(get_my_dossier::get_my_dossier)
        .service(get_my_certificates::get_my_certificates)
        .service(post_my_certificate::post_my_certificate)
        .service(get_my_campaigns::get_my_campaigns)
        .service(get_my_notifications::get_my_notifications)
        .service(post_my_notification_read::post_my_notification_read)
        .service(get_my_mail_settings::get_my_mail_settings)
        .service(put_my_mail_settings::put_my_mail_settings);
}
