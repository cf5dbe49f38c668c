//! The organisation tree and its history (ORG-1, ORG-4, CTX-2). Everyone reads within their
//! scope; only Sở Nội vụ's administrators change it, each change dated, with its reason and
//! decision, appended to the units' history and the audit trail.

use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_unit;
pub mod get_unit_positions;
pub mod get_unit_quotas;
pub mod get_units;
pub mod post_unit;
pub mod post_unit_dissolve;
pub mod post_unit_merge;
pub mod post_unit_merge_preview;
pub mod post_unit_move;
pub mod post_unit_position;
pub mod post_unit_rename;
pub mod post_unit_split;
pub mod post_unit_split_preview;
pub mod put_unit_quota;

pub const TAG: &str = "units";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_units::get_units)
        .service(post_unit::post_unit)
        .service(post_unit_merge_preview::post_unit_merge_preview)
        .service(post_unit_merge::post_unit_merge)
        .service(post_unit_split_preview::post_unit_split_preview)
        .service(post_unit_split::post_unit_split)
        .service(get_unit_quotas::get_unit_quotas)
        .service(get_unit_positions::get_unit_positions)
        .service(post_unit_position::post_unit_position)
        .service(put_unit_quota::put_unit_quota)
        .service(get_unit::get_unit)
        .service(post_unit_rename::post_unit_rename)
        .service(post_unit_move::post_unit_move)
        .service(post_unit_dissolve::post_unit_dissolve);
}
