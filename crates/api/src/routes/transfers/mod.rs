//! Transfers, arrivals, departures and the end of service (TRF-1…5). Each move is a dated
//! record with its decision, in the person's history and the audit trail; the rules are in
//! `hoso_domain::transfer`.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_transfers;
pub mod post_transfer;
pub mod post_transfer_accept;
pub mod post_transfer_national_record;
pub mod post_transfer_return;

pub const TAG: &str = "transfers";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_transfers::get_transfers)
        .service(post_transfer::post_transfer)
        .service(post_transfer_accept::post_transfer_accept)
        .service(post_transfer_national_record::post_transfer_national_record)
        .service(post_transfer_return::post_transfer_return);
}
