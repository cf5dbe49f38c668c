use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::workflow::{LockRequest, ReviewView};
use hoso_domain::workflow::Action;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::reviews::{self, StateChange};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// The focal officer has checked the submitted data against the paper originals and locks it
/// (WF-2): every line of the checklist ticked; from now on the employee cannot edit, and the
/// head's signature is due within the profile's working days.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    request_body = LockRequest,
    responses(
        (status = 200, description = "Locked.", body = ReviewView),
        (status = 409, description = "`invalid_state`: not waiting for a check.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/approvals/{id}/lock")]
pub async fn post_approval_lock(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<LockRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let body = body.into_inner();
    let app = state.clone();
    let view: ReviewView = state
        .db(move |conn| {
            let loaded = hoso_app::workflow::load(conn, &id)?;
            let mut event = hoso_app::workflow::event(&session, "dossier.locked", &loaded);
            event.right_used = Some("review_dossiers".into());
            let next = hoso_app::workflow::authorize(conn, &session, &loaded, Action::Lock, &event)?;
            let mut errors = FieldErrors::new();
            if body.checklist.is_empty() {
                errors.push(FieldError::new(
                    "checklist",
                    "required",
                    "Cần đối chiếu ít nhất một mục với bản gốc.",
                ));
            }
            for (index, line) in body.checklist.iter().enumerate() {
                if !line.checked {
                    errors.push(FieldError::new(
                        format!("checklist[{index}]"),
                        "unchecked",
                        format!("Chưa xác nhận đã đối chiếu «{}» với bản gốc.", line.item),
                    ));
                }
            }
            errors.into_result()?;
            let rules = hoso_app::workflow::rules(conn)?;
            let today = app.clock.today();
            let due = hoso_app::workflow::due(&rules, &loaded.review, next, today);
            let checklist = serde_json::to_string(&body.checklist).expect("checklist serialises");
            let review = conn.transaction(|conn| -> Result<_, AppError> {
                let review = reviews::change_state(
                    conn,
                    &loaded.review,
                    &loaded.review.state,
                    next.as_str(),
                    due,
                    &session.actor.account_id,
                    app.clock.now_naive(),
                    body.note.as_deref(),
                    StateChange {
                        checked_by: Some(&session.actor.account_id),
                        checklist: Some(&checklist),
                        ..Default::default()
                    },
                )?;
                event.details =
                    Some(serde_json::json!({"checklist": body.checklist.len(), "due_on": due}).to_string());
                hoso_app::audit::record(conn, event)?;
                Ok(review)
            })?;
            let found =
                hoso_store::dossiers::find(conn, &loaded.found.dossier.id)?.ok_or(AppError::NotFound)?;
            hoso_app::workflow::view(conn, &review, &found, today)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view))
}
