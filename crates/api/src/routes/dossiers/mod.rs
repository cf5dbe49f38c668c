//! The electronic dossier (DOS-1…5, SEC-2). Every handler: authenticate → load → authorise →
//! validate → one transaction. Reads are recorded in the audit trail (who saw whose dossier);
//! fields above the reader's restriction level are removed before anything leaves the server.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_dossier;
pub mod get_dossier_attachment_content;
pub mod get_dossier_attachments;
pub mod get_dossier_diff;
pub mod get_dossier_draft;
pub mod get_dossier_national_log;
pub mod get_dossier_national_state;
pub mod get_dossier_print;
pub mod get_dossier_reviews;
pub mod get_dossier_transfers;
pub mod get_dossier_version;
pub mod get_dossier_version_signed;
pub mod get_dossier_version_signed_pdf;
pub mod get_dossier_versions;
pub mod get_dossiers;
pub mod post_dossier;
pub mod post_dossier_attachment;
pub mod post_dossier_national_correction_apply;
pub mod post_dossier_national_correction_dismiss;
pub mod post_dossier_submit;
pub mod put_dossier_draft;
pub mod put_dossier_national_ids;

pub const TAG: &str = "dossiers";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_dossiers::get_dossiers)
        .service(post_dossier::post_dossier)
        .service(get_dossier::get_dossier)
        .service(get_dossier_draft::get_dossier_draft)
        .service(put_dossier_draft::put_dossier_draft)
        .service(put_dossier_national_ids::put_dossier_national_ids)
        .service(get_dossier_national_state::get_dossier_national_state)
        .service(get_dossier_national_log::get_dossier_national_log)
        .service(post_dossier_national_correction_apply::post_dossier_national_correction_apply)
        .service(post_dossier_national_correction_dismiss::post_dossier_national_correction_dismiss)
        .service(post_dossier_submit::post_dossier_submit)
        .service(get_dossier_reviews::get_dossier_reviews)
        .service(get_dossier_transfers::get_dossier_transfers)
        .service(get_dossier_version_signed::get_dossier_version_signed)
        .service(get_dossier_version_signed_pdf::get_dossier_version_signed_pdf)
        .service(get_dossier_versions::get_dossier_versions)
        .service(get_dossier_version::get_dossier_version)
        .service(get_dossier_diff::get_dossier_diff)
        .service(post_dossier_attachment::post_dossier_attachment)
        .service(get_dossier_attachments::get_dossier_attachments)
        .service(get_dossier_attachment_content::get_dossier_attachment_content)
        .service(get_dossier_print::get_dossier_print);
}
