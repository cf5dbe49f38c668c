use hoso_api_types::workflow::ReviewView;
use hoso_domain::access::{check_read_person, UnitPath};
use hoso_store::reviews::{self, ReviewFilter};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Change requests the caller may read: their own, or those of the people in their scope.
pub async fn list_change_requests(
    app: &App,
    session: Session,
    query: ChangeRequestQuery,
) -> Result<Vec<ReviewView>, AppError> {
    let today = app.clock.today();
    let wanted = query.state.clone();
    let list = app
        .db(move |conn| {
            // An employee sees their own dossier's; others, their scope's.
            let own_dossier = match &session.actor.person_id {
                Some(person) if session.actor.kind == hoso_domain::access::AccountKind::Personal => Some(
                    hoso_store::dossiers::find_by_person(conn, person)?
                        .map(|d| d.id)
                        .unwrap_or_default(),
                ),
                _ => None,
            };
            let filter = ReviewFilter {
                states: wanted.into_iter().collect(),
                within: session.actor.scope.prefix().map(str::to_owned),
                under_path: None,
                kind: Some("change".into()),
                dossier_id: own_dossier,
                limit: 500,
            };
            let mut views = Vec::new();
            for (review, found) in reviews::list(conn, &filter)? {
                let Ok(path) = UnitPath::parse(&found.unit_path) else {
                    continue;
                };
                if check_read_person(&session.actor, &found.person.id, &path).is_ok() {
                    views.push(crate::workflow::view(conn, &review, &found, today)?);
                }
            }
            Ok(views)
        })
        .await?;
    Ok(list)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct ChangeRequestQuery {
    /// `submitted`, `locked`, `signed`, `approved` or `returned`.
    pub state: Option<String>,
}
