use hoso_api_types::workflow::{LockRequest, ReviewView};
use hoso_domain::workflow::Action;
use hoso_domain::{FieldError, FieldErrors};
use hoso_store::reviews::{self, StateChange};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// The focal officer has checked the submitted data against the paper originals and locks it
/// (WF-2): every line of the checklist ticked; from now on the employee cannot edit, and the
/// head's signature is due within the profile's working days.
pub async fn lock_approval(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: LockRequest,
) -> Result<ReviewView, AppError> {
    body.validate()?;
    let shared = app.clone();
    let view: ReviewView = app
        .db(move |conn| {
            let loaded = crate::workflow::load(conn, &id)?;
            let mut event = crate::workflow::event(&session, "dossier.locked", &loaded);
            event.right_used = Some("review_dossiers".into());
            let rules = crate::workflow::rules(conn)?;
            let next = crate::workflow::authorize(conn, &session, &loaded, Action::Lock, &event, &rules.0)?;
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
            let today = shared.clock.today();
            let due = crate::workflow::due(&rules, &loaded.review, next, today);
            let checklist = serde_json::to_string(&body.checklist).expect("checklist serialises");
            let review = conn.write_transaction(|conn| -> Result<_, AppError> {
                let review = reviews::change_state(
                    conn,
                    &loaded.review,
                    &loaded.review.state,
                    next.as_str(),
                    due,
                    &session.actor.account_id,
                    shared.clock.now_naive(),
                    body.note.as_deref(),
                    StateChange {
                        checked_by: Some(&session.actor.account_id),
                        checklist: Some(&checklist),
                        ..Default::default()
                    },
                )?;
                event.details =
                    Some(serde_json::json!({"checklist": body.checklist.len(), "due_on": due}).to_string());
                crate::audit::record(conn, event)?;
                crate::mail::signature_waiting(
                    conn,
                    &shared.mail,
                    &loaded.found,
                    next,
                    today,
                    shared.clock.now_naive(),
                )?;
                Ok(review)
            })?;
            let found =
                hoso_store::dossiers::find(conn, &loaded.found.dossier.id)?.ok_or(AppError::NotFound)?;
            crate::workflow::view(conn, &review, &found, today)
        })
        .await?;
    Ok(view)
}
