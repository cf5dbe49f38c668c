use hoso_api_types::workflow::ApprovalQueue;
use hoso_domain::approval::Step;
use hoso_domain::workflow::{check_act, signer_for, Action};
use hoso_store::reviews::{self, ReviewFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// What waits for the caller at one step, the most urgent first, with the window that step
/// signs in. Only reviews the caller may act on are listed.
pub async fn list_approvals(
    app: &App,
    session: Session,
    query: QueueQuery,
) -> Result<ApprovalQueue, AppError> {
    let (review_state, action) = match query.step.as_str() {
        "check" => ("submitted", Action::Lock),
        "sign" => ("locked", Action::Sign(Step::Head)),
        "national" => ("signed", Action::Sign(Step::HomeAffairs)),
        _ => {
            return Err(hoso_domain::FieldError::new(
                "step",
                "invalid_choice",
                "Bước phải là check, sign hoặc national.",
            )
            .into())
        }
    };
    let today = app.clock.today();
    let step = query.step.clone();
    let unit_id = query.unit_id.clone();
    let queue = app
        .db(move |conn| {
            let under_path = match unit_id {
                Some(id) => Some(
                    hoso_store::units::find(conn, &id)?
                        .ok_or(AppError::NotFound)?
                        .path,
                ),
                None => None,
            };
            let filter = ReviewFilter {
                states: vec![review_state.into()],
                within: session.actor.scope.prefix().map(str::to_owned),
                under_path,
                kind: None,
                dossier_id: None,
                limit: 500,
            };
            let mut items = Vec::new();
            for (review, found) in reviews::list(conn, &filter)? {
                let Ok(path) = hoso_domain::access::UnitPath::parse(&found.unit_path) else {
                    continue;
                };
                let Some(state) = hoso_domain::workflow::ReviewState::parse(&review.state) else {
                    continue;
                };
                if check_act(&session.actor, &found.person.id, &path, state, action).is_ok() {
                    items.push(crate::workflow::view(conn, &review, &found, today)?);
                }
            }
            let window = match action {
                Action::Sign(step) => {
                    let (profile, calendar) = crate::workflow::rules(conn)?;
                    profile.window_status(signer_for(step, &session.actor.scope), today, &calendar)
                }
                _ => None,
            };
            Ok(ApprovalQueue { step, window, items })
        })
        .await?;
    Ok(queue)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct QueueQuery {
    /// `check` (submitted, for the focal officer), `sign` (locked, for the head) or `national`
    /// (head-signed, for Sở Nội vụ).
    pub step: String,
    /// Only this unit and the units under it.
    pub unit_id: Option<String>,
}
