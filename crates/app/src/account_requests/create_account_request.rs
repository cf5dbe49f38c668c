use hoso_api_types::accounts::{AccountRequestView, FileAccountRequest};
use hoso_domain::access::{check_file_account_request, AccountKind, UnitPath};
use hoso_domain::FieldError;
use hoso_store::account_requests::{self, NewAccountRequest};
use hoso_store::units;
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::views;
use crate::App;

/// File a request to Sở Nội vụ for an agency or specialist account for a unit in one's subtree
/// (ACC-7).
pub async fn create_account_request(
    app: &App,
    session: Session,
    body: FileAccountRequest,
) -> Result<AccountRequestView, AppError> {
    body.validate()?;
    if !matches!(body.kind, AccountKind::Agency | AccountKind::Specialist) {
        return Err(FieldError::new(
            "kind",
            "not_allowed",
            "Chỉ đề nghị cấp tài khoản cơ quan hoặc chuyên viên.",
        )
        .into());
    }
    let row = app
        .db(move |conn| {
            let unit = units::find(conn, &body.unit_id)?.ok_or(AppError::NotFound)?;
            let path = UnitPath::parse(&unit.path).map_err(AppError::Internal)?;
            let mut event = session.event("account_request.filed");
            event.target_type = Some("unit".into());
            event.target_id = Some(unit.id.clone());
            event.unit_id = Some(unit.id.clone());
            event.reason = Some(body.justification.clone());
            if let Err(denial) = check_file_account_request(&session.actor, &path) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let row = account_requests::insert(
                conn,
                NewAccountRequest {
                    requested_by: session.account.account.id.clone(),
                    unit_id: unit.id,
                    kind: body.kind.as_str().into(),
                    username: body.username.trim().into(),
                    display_name: body.display_name.trim().into(),
                    rights: super::super::accounts::rights_of(&body.rights).to_storage(),
                    justification: body.justification,
                },
            )?;
            crate::audit::record(conn, event)?;
            Ok(row)
        })
        .await?;
    Ok(views::account_request(&row))
}
