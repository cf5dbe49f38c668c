use hoso_api_types::accounts::{AccountActionRequest, HandOverRequest, IssuedCredentials};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Hand an agency account over to another officer under the head's written decision (ACC-4):
/// the holder changes, the previous holder's sessions end, and the new holder receives a
/// temporary password. The decision (number, date, signer and its scanned copy, uploaded first
/// with `POST /documents`) is kept in the audit trail.
pub async fn hand_over_account(
    app: &App,
    session: Session,
    id: String,
    body: HandOverRequest,
) -> Result<IssuedCredentials, AppError> {
    body.validate()?;
    if body.decision.document_id.is_none() {
        return Err(hoso_domain::FieldError::new(
            "decision.document_id",
            "required",
            "Đính kèm bản scan quyết định bàn giao.",
        )
        .into());
    }
    let request = AccountActionRequest {
        version: body.version,
        reason: body.reason.clone(),
        decision: Some(body.decision.clone()),
    };
    let (saved, password) = app
        .db(move |conn| {
            super::change_account(conn, &session, &id, "account.handed_over", &request, |row| {
                if !super::is_agency(row) {
                    return Err(super::invalid_state("Chỉ bàn giao tài khoản cơ quan."));
                }
                row.holder_name = Some(body.holder_name.trim().to_owned());
                Ok(Some(super::issue_temporary_password(row)))
            })
        })
        .await?;
    Ok(super::credentials(&saved, password.unwrap_or_default()))
}
