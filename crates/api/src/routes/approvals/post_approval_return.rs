use actix_web::{post, web, HttpResponse};
use diesel::Connection;
use hoso_api_types::workflow::{ReturnRequest, ReviewView};
use hoso_domain::workflow::Action;
use hoso_store::reviews::{self, StateChange};
use validator::Validate;

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;
use hoso_app::AppError;

/// Send a review back to the employee with the reason (WF-5): at the check, before the head
/// signs, or at Sở Nội vụ. The draft is editable again; the version in force stays in force.
#[utoipa::path(
    tag = super::TAG,
    params(("id" = String, Path, description = "Review id")),
    request_body = ReturnRequest,
    responses(
        (status = 200, description = "Returned.", body = ReviewView),
        (status = 409, description = "`invalid_state`: nothing to return.", body = hoso_api_types::ErrorBody),
    ),
    security(("bearer" = []))
)]
#[post("/approvals/{id}/return")]
pub async fn post_approval_return(
    session: Session,
    state: web::Data<AppState>,
    id: web::Path<String>,
    body: web::Json<ReturnRequest>,
) -> Result<HttpResponse, HttpError> {
    body.validate()?;
    let reason = body.into_inner().reason;
    let app = state.clone();
    let view: ReviewView = state
        .db(move |conn| {
            let loaded = hoso_app::workflow::load(conn, &id)?;
            let mut event = hoso_app::workflow::event(&session, "dossier.returned", &loaded);
            let next = hoso_app::workflow::authorize(conn, &session, &loaded, Action::Return, &event)?;
            let rules = hoso_app::workflow::rules(conn)?;
            let today = app.clock.today();
            let due = hoso_app::workflow::due(&rules, &loaded.review, next, today);
            let review = conn.transaction(|conn| -> Result<_, AppError> {
                let review = reviews::change_state(
                    conn,
                    &loaded.review,
                    &loaded.review.state,
                    next.as_str(),
                    due,
                    &session.actor.account_id,
                    app.clock.now_naive(),
                    Some(&reason),
                    StateChange {
                        return_reason: Some(&reason),
                        returned_by: Some(&session.actor.account_id),
                        ..Default::default()
                    },
                )?;
                // The employee learns it in the app (WF-5).
                if let Some(account) = hoso_store::accounts::find_by_person(conn, &loaded.found.person.id)? {
                    hoso_store::campaigns::notify(
                        conn,
                        &account.id,
                        "dossier_returned",
                        "Hồ sơ bị trả lại",
                        &reason,
                        Some(&format!("/ho-so/{}", loaded.found.dossier.id)),
                        app.clock.now_naive(),
                    )?;
                }
                event.details =
                    Some(serde_json::json!({"from": loaded.review.state, "reason": reason}).to_string());
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
