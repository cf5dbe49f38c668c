use actix_web::{post, web, HttpResponse};
use chrono::Utc;
use hoso_api_types::accounts::{AccountRequestView, DecideRequest};
use hoso_domain::access::check_decide_account_request;
use hoso_store::account_requests;
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::views;
use hoso_app::AppError;

/// Reject a pending request, with the reason the agency will read (Sở Nội vụ, ACC-7).
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Request id")),
    request_body = DecideRequest,
    responses(
        (status = 200, description = "Rejected.", body = AccountRequestView),
        (status = 409, description = "`already_decided`.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/account-requests/{id}/reject")]
pub async fn post_account_request_reject(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<DecideRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    check_decide_account_request(&session.actor)?;
    let (id, note) = (id.into_inner(), body.into_inner().note);
    let request = state
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
            hoso_app::audit::record(conn, event)?;
            Ok(request)
        })
        .await?;
    Ok(HttpResponse::Ok().json(views::account_request(&request)))
}
