use chrono::Utc;
use hoso_api_types::accounts::{AccountRequestView, DecideRequest};
use hoso_domain::access::check_decide_account_request;
use hoso_store::account_requests;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// Reject a pending request, with the reason the agency will read (Sở Nội vụ, ACC-7).
pub async fn reject_account_request(
    app: &App,
    session: Session,
    id: String,
    body: DecideRequest,
) -> Result<AccountRequestView, AppError> {
    body.validate()?;
    check_decide_account_request(&session.actor)?;
    let (id, note) = (id, body.note);
    let request = app
        .db(move |conn| {
            let (mut request, _) = account_requests::find(conn, &id)?.ok_or(AppError::NotFound)?;
            if request.status != "pending" {
                return Err(AppError::Conflict {
                    code: "already_decided",
                    message: "Đề nghị này đã được xử lý.".into(),
                });
            }
            request.status = "rejected".into();
            request.decided_by = Some(session.account.account.id.clone());
            request.decided_at = Some(Utc::now().naive_utc());
            request.decision_note = Some(note.clone());
            account_requests::decide(conn, &request).map_err(|_| AppError::Conflict {
                code: "already_decided",
                message: "Đề nghị này đã được xử lý.".into(),
            })?;
            let mut event = session.event("account_request.rejected");
            event.target_type = Some("account_request".into());
            event.target_id = Some(request.id.clone());
            event.unit_id = Some(request.unit_id.clone());
            event.reason = Some(note);
            crate::audit::record(conn, event)?;
            Ok(request)
        })
        .await?;
    Ok(views::account_request(&request))
}
