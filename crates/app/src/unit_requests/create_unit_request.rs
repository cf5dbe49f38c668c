use chrono::Utc;
use hoso_api_types::golive::{UnitProposalRequest, UnitProposalView};
use hoso_domain::access::UnitPath;
use hoso_domain::recruitment::{check_propose_unit, check_unit_kind};
use hoso_store::unit_requests::UnitRequestRow;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// An agency proposes a unit under one of its own (ACC-7): agency accounts with
/// `manage_accounts` or `manage_positions` over the parent. Sở Nội vụ decides.
pub async fn create_unit_request(
    app: &App,
    session: Session,
    body: UnitProposalRequest,
) -> Result<UnitProposalView, AppError> {
    body.validate()?;
    check_unit_kind("kind", &body.kind)?;
    let view = app
        .db(move |conn| {
            let parent =
                crate::units::load_visible(conn, &session.actor, &body.parent_id).map_err(|e| match e {
                    AppError::NotFound => {
                        hoso_domain::FieldError::new("parent_id", "unknown_unit", "Không tìm thấy đơn vị.")
                            .into()
                    }
                    other => other,
                })?;
            let path = UnitPath::parse(&parent.path).map_err(AppError::Internal)?;
            check_propose_unit(&session.actor, &path)?;
            if hoso_store::units::find_by_code(conn, body.code.trim())?.is_some() {
                return Err(AppError::Conflict {
                    code: "code_taken",
                    message: "Mã đơn vị đã được dùng (mã không bao giờ dùng lại).".into(),
                });
            }
            crate::accounts::check_decision_document(conn, body.decision.as_ref())?;
            let decision = body.decision.as_ref();
            let row = UnitRequestRow {
                id: hoso_store::ids::new_id(),
                requested_by: session.actor.account_id.clone(),
                parent_id: parent.id.clone(),
                code: body.code.trim().to_owned(),
                name: body.name.trim().to_owned(),
                kind: body.kind.clone(),
                effective_date: body.effective_date,
                reason: body.reason.clone(),
                decision_number: decision.map(|d| d.number.clone()),
                decision_date: decision.map(|d| d.date),
                decision_signer: decision.map(|d| d.signer.clone()),
                decision_document_id: decision.and_then(|d| d.document_id.clone()),
                status: "pending".into(),
                decided_by: None,
                decided_at: None,
                decision_note: None,
                created_unit_id: None,
                created_at: Utc::now().naive_utc(),
            };
            diesel::Connection::transaction(conn, |conn| -> Result<(), AppError> {
                hoso_store::unit_requests::insert(conn, &row)?;
                let mut event = session.event("unit_request.filed");
                event.target_type = Some("unit_request".into());
                event.target_id = Some(row.id.clone());
                event.unit_id = Some(parent.id.clone());
                crate::audit::record(conn, event)
            })?;
            Ok(super::view(row, parent.name))
        })
        .await?;
    Ok(view)
}
