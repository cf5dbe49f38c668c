use hoso_api_types::workflow::{ReturnRequest, ReviewView};
use hoso_domain::workflow::Action;
use hoso_store::reviews::{self, StateChange};
use validator::Validate;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Send a review back to the employee with the reason (WF-5): at the check, before the head
/// signs, or at Sở Nội vụ. The draft is editable again; the version in force stays in force.
pub async fn return_approval(
    app: &std::sync::Arc<App>,
    session: Session,
    id: String,
    body: ReturnRequest,
) -> Result<ReviewView, AppError> {
    body.validate()?;
    let reason = body.reason;
    let shared = app.clone();
    let view: ReviewView = app
        .db(move |conn| {
            let loaded = crate::workflow::load(conn, &id)?;
            let mut event = crate::workflow::event(&session, "dossier.returned", &loaded);
            let rules = crate::workflow::rules(conn)?;
            let next = crate::workflow::authorize(conn, &session, &loaded, Action::Return, &event, &rules.0)?;
            let today = shared.clock.today();
            let due = crate::workflow::due(&rules, &loaded.review, next, today);
            let review = conn.write_transaction(|conn| -> Result<_, AppError> {
                let review = reviews::change_state(
                    conn,
                    &loaded.review,
                    &loaded.review.state,
                    next.as_str(),
                    due,
                    &session.actor.account_id,
                    shared.clock.now_naive(),
                    Some(&reason),
                    StateChange {
                        return_reason: Some(&reason),
                        returned_by: Some(&session.actor.account_id),
                        ..Default::default()
                    },
                )?;
                // The employee learns it in the shared (WF-5).
                if let Some(account) = hoso_store::accounts::find_by_person(conn, &loaded.found.person.id)? {
                    hoso_store::campaigns::notify(
                        conn,
                        &account.id,
                        "dossier_returned",
                        "Hồ sơ bị trả lại",
                        &reason,
                        Some(&format!("/ho-so/{}", loaded.found.dossier.id)),
                        shared.clock.now_naive(),
                    )?;
                    let letter = crate::mail::Letter {
                        kind: crate::mail::MailKind::DossierReturned,
                        subject: "Hồ sơ của bạn bị trả lại".into(),
                        lines: vec![
                            format!(
                                "Hồ sơ của {} đã được trả lại để sửa.",
                                loaded.found.person.full_name
                            ),
                            format!("Lý do: {reason}"),
                            match due {
                                Some(due) => format!("Sửa và gửi lại trước ngày {}.", due.format("%d/%m/%Y")),
                                None => "Sửa theo lý do trên và gửi lại.".into(),
                            },
                        ],
                        link: "/ho-so-cua-toi",
                    };
                    let key = format!("{}:{}", review.id, review.state_since);
                    crate::mail::queue(
                        conn,
                        &shared.mail,
                        &account.id,
                        letter,
                        &key,
                        shared.clock.now_naive(),
                    )?;
                }
                event.details =
                    Some(serde_json::json!({"from": loaded.review.state, "reason": reason}).to_string());
                crate::audit::record(conn, event)?;
                Ok(review)
            })?;
            let found =
                hoso_store::dossiers::find(conn, &loaded.found.dossier.id)?.ok_or(AppError::NotFound)?;
            crate::workflow::view(conn, &review, &found, today)
        })
        .await?;
    Ok(view)
}
