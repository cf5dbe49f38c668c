//! Backups (`hoso_app::backups`, SEC-5): the list with each verification, back up now, delete
//! with a reason. Administrators holding `manage_backups`.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_backups;
pub mod post_backup;
pub mod post_backup_delete;

pub const TAG: &str = "backups";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_backups::get_backups)
        .service(post_backup::post_backup)
        .service(post_backup_delete::post_backup_delete);
}
