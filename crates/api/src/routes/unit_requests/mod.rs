//! Agencies propose new units under them; Sở Nội vụ approves (the unit is created as
//! `POST /units` would) or rejects (ORG-1, ACC-7).

use hoso_api_types::golive::UnitProposalView;
use hoso_api_types::units::UnitRef;
use hoso_store::unit_requests::UnitRequestRow;
use utoipa_actix_web::service_config::ServiceConfig;

pub mod get_unit_kinds;
pub mod get_unit_requests;
pub mod post_unit_request;
pub mod post_unit_request_approve;
pub mod post_unit_request_reject;

pub const TAG: &str = "unit-requests";

pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(get_unit_kinds::get_unit_kinds)
        .service(get_unit_requests::get_unit_requests)
        .service(post_unit_request::post_unit_request)
        .service(post_unit_request_approve::post_unit_request_approve)
        .service(post_unit_request_reject::post_unit_request_reject);
}

pub(crate) fn view(row: UnitRequestRow, parent_name: String) -> UnitProposalView {
    UnitProposalView {
        id: row.id,
        parent: UnitRef {
            id: row.parent_id,
            name: parent_name,
        },
        code: row.code,
        name: row.name,
        kind: row.kind,
        effective_date: row.effective_date,
        reason: row.reason,
        decision_number: row.decision_number,
        status: row.status,
        decision_note: row.decision_note,
        created_unit_id: row.created_unit_id,
        created_at: crate::views::utc(row.created_at),
    }
}

/// A pending request, or 409 `already_decided`.
pub(crate) fn load_pending(
    conn: &mut hoso_store::DbConnection,
    id: &str,
) -> Result<(UnitRequestRow, String), crate::error::ApiError> {
    let (row, path) = hoso_store::unit_requests::find(conn, id)?.ok_or(crate::error::ApiError::NotFound)?;
    if row.status != "pending" {
        return Err(crate::error::ApiError::Conflict {
            code: "already_decided",
            message: "Đề nghị này đã được quyết định.".into(),
        });
    }
    Ok((row, path))
}
