use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::transfers::TransferView;
use hoso_domain::access::UnitPath;
use hoso_domain::transfer::{check_file, ServiceStatus, TransferKind};
use hoso_store::{people, transfers};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// A seconded person comes back to active service (TRF-5), recorded on the secondment.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Transfer id of the secondment")),
    responses(
        (status = 200, description = "Back in active service.", body = TransferView),
        (status = 409, description = "`invalid_state`: not a secondment in progress.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/transfers/{id}/return")]
pub async fn post_transfer_return(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> Result<HttpResponse, HttpError> {
    let app = state.clone();
    let view = state
        .db(move |conn| {
            let row = transfers::find(conn, &id)?.ok_or(AppError::NotFound)?;
            let person_id = row.person_id.clone().ok_or(AppError::NotFound)?;
            let (person, path) = people::find_with_unit_path(conn, &person_id)?.ok_or(AppError::NotFound)?;
            let path = UnitPath::parse(&path).map_err(AppError::Internal)?;
            let mut event = super::event(&session, "transfer.returned", &row);
            if let Err(denial) = check_file(&session.actor, TransferKind::Secondment, &path, None) {
                return Err(hoso_app::audit::refuse(conn, event, denial));
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
            let now = app.clock.now_naive();
            conn.transaction(|conn| -> Result<_, AppError> {
                transfers::mark_returned(conn, &row.id, now)?;
                people::set_service_status(conn, &person_id, ServiceStatus::Active.as_str(), now.date())?;
                event.details = Some(serde_json::json!({"until_on": row.until_on}).to_string());
                hoso_app::audit::record(conn, event)?;
                Ok(())
            })?;
            let row = transfers::find(conn, &row.id)?.ok_or(AppError::NotFound)?;
            super::view(conn, &row, app.clock.today())
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
