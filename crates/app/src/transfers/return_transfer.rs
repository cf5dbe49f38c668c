use hoso_api_types::transfers::TransferView;
use hoso_domain::access::UnitPath;
use hoso_domain::transfer::{check_file, ServiceStatus, TransferKind};
use hoso_store::{people, transfers};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// A seconded person comes back to active service (TRF-5), recorded on the secondment.
pub async fn return_transfer(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
) -> Result<TransferView, AppError> {
    let shared = app.clone();
    let view = app
        .db(move |conn| {
            let row = transfers::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let person_id = row.person_id.clone().ok_or(AppError::NotFound)?;
            let (person, path) = people::find_with_unit_path(conn, &person_id)?.ok_or(AppError::NotFound)?;
            let path = UnitPath::parse(&path).map_err(AppError::Internal)?;
            let mut event = super::event(&session, "transfer.returned", &row);
            if let Err(denial) = check_file(&session.actor, TransferKind::Secondment, &path, None) {
                return Err(crate::audit::refuse(conn, event, denial));
            }
            let in_progress = super::kind_of(&row)? == TransferKind::Secondment
                && row.returned_at.is_none()
                && person.service_status == ServiceStatus::Seconded.as_str();
            if !in_progress {
                return Err(AppError::Conflict {
                    code: "invalid_state",
                    message: "Không có đợt biệt phái đang diễn ra.".into(),
                });
            }
            let now = shared.clock.now_naive();
            conn.write_transaction(|conn| -> Result<_, AppError> {
                transfers::mark_returned(conn, &row.id, now)?;
                people::set_service_status(conn, &person_id, ServiceStatus::Active.as_str(), now.date())?;
                event.details = Some(serde_json::json!({"until_on": row.until_on}).to_string());
                crate::audit::record(conn, event)?;
                Ok(())
            })?;
            let row = transfers::find(conn, &row.id)?.ok_or(AppError::NotFound)?;
            super::view(conn, &row, shared.clock.today())
        })
        .await?;
    Ok(view)
}
